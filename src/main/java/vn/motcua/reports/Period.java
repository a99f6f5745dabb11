package vn.motcua.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: whole days {@code from} .. {@code to} (both included) of Asia/Ho_Chi_Minh.
 * It starts at midnight of {@code from} and ends at midnight after {@code to}.
 */
public record Period(LocalDate from, LocalDate to) {

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);

	public Period {
		if (from == null || to == null || to.isBefore(from)) {
			throw new BadReportRequest("errors.report.order", "to", from, to);
		}
	}

	public static Period month(YearMonth month) {
		return new Period(month.atDay(1), month.atEndOfMonth());
	}

	public static Period quarter(int year, int quarter) {
		LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
		return new Period(start, start.plusMonths(3).minusDays(1));
	}

	public static Period year(int year) {
		return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/**
	 * Reads {@code period} ({@code 2025}, {@code 2025-Q1}, {@code 2025-03}) or {@code from} and
	 * {@code to} (ISO dates); nothing at all means the current month.
	 */
	public static Period parse(String period, String from, String to, LocalDate today) {
		if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
			LocalDate start = from == null || from.isBlank() ? today.withDayOfMonth(1) : date("from", from);
			LocalDate end = to == null || to.isBlank() ? today : date("to", to);
			return new Period(start, end);
		}
		if (period == null || period.isBlank()) {
			return month(YearMonth.from(today));
		}
		String p = period.trim();
		try {
			Matcher quarter = QUARTER.matcher(p);
			if (quarter.matches()) {
				return quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
			}
			if (p.matches("\\d{4}")) {
				return year(Integer.parseInt(p));
			}
			if (p.matches("\\d{4}-\\d{2}")) {
				return month(YearMonth.parse(p));
			}
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			// answered below
		}
		throw new BadReportRequest("errors.report.period", "period", p);
	}

	private static LocalDate date(String parameter, String text) {
		try {
			LocalDate date = LocalDate.parse(text.trim());
			if (date.getYear() < 1900 || date.getYear() > 2199) {
				throw new BadReportRequest("errors.report.date", parameter, parameter, text);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new BadReportRequest("errors.report.date", parameter, parameter, text);
		}
	}

	public Instant start() {
		return this.from.atStartOfDay(ZONE).toInstant();
	}

	/** Midnight after the last day. */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(ZONE).toInstant();
	}

	/** The instant "in progress" is measured at: the end of the period, or now while it runs. */
	public Instant asOf(Instant now) {
		return end().isAfter(now) ? now : end();
	}

	public boolean isCurrent(Instant now) {
		return end().isAfter(now);
	}

	public int year() {
		return this.to.getYear();
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

	static LocalDate day(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant().atZone(ZONE).toLocalDate();
	}

}
