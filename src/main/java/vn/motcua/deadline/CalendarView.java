package vn.motcua.deadline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One version of the legal calendar, immutable: the official year schedules in force (other
 * years are provisional, computed from the Labour Code) and the arithmetic over them. Versions
 * are compared to find the days that changed and to carry a deadline from one version to the
 * next; a version is stored as canonical JSON ({@link #json()}) identified by its SHA-256
 * ({@link #hash()}), so that any node can rebuild an earlier version.
 */
public final class CalendarView {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final WorkingCalendar calendar;

	private final Map<Integer, YearSchedule> official;

	private final String json;

	private final String hash;

	CalendarView(WorkingCalendar calendar, Map<Integer, YearSchedule> official) {
		this.calendar = calendar;
		this.official = Map.copyOf(official);
		this.json = toJson(new TreeMap<>(official));
		this.hash = sha256(this.json);
	}

	/** Canonical JSON of the official year schedules. */
	public String json() {
		return this.json;
	}

	/** SHA-256 of {@link #json()}, hex. */
	public String hash() {
		return this.hash;
	}

	/** The years with an official (or administrator-given) schedule. */
	public List<Integer> officialYears() {
		return new ArrayList<>(new TreeSet<>(this.official.keySet()));
	}

	/**
	 * A deadline of the version {@code from} carried to this one: the office time it had left at
	 * {@code anchor} under {@code from}, counted again from {@code anchor} against this version's
	 * days. A deadline at or before the anchor is left as it is.
	 */
	public Date carry(CalendarView from, Date anchor, Date due) {
		if (due == null || !due.after(anchor)) {
			return due;
		}
		Duration left = from.officeTimeBetween(anchor, due);
		if (left.isNegative() || left.isZero()) {
			return due;
		}
		return toDate(this.calendar.due(toLocal(anchor), left, false));
	}

	public Duration officeTimeBetween(Date from, Date to) {
		return this.calendar.officeTimeBetween(toLocal(from), toLocal(to));
	}

	/** The instant {@code workingDays} of office time before {@code due}. */
	public Date before(Date due, double workingDays) {
		return toDate(this.calendar.before(toLocal(due), this.calendar.officeTime(workingDays)));
	}

	/** Whether a year from {@code from} to {@code to} (both inclusive) has no official schedule. */
	public boolean provisional(Date from, Date to) {
		int first = toLocal(from).getYear();
		int last = toLocal(to).getYear();
		for (int y = Math.min(first, last); y <= Math.max(first, last); y++) {
			if (this.calendar.isProvisional(y)) {
				return true;
			}
		}
		return false;
	}

	/** The provisional years from {@code from} to {@code to} (both inclusive). */
	public List<Integer> provisionalYears(Date from, Date to) {
		List<Integer> years = new ArrayList<>();
		int first = toLocal(from).getYear();
		int last = toLocal(to).getYear();
		for (int y = Math.min(first, last); y <= Math.max(first, last); y++) {
			if (this.calendar.isProvisional(y)) {
				years.add(y);
			}
		}
		return years;
	}

	public boolean isWorkingDay(LocalDate date) {
		return this.calendar.isWorkingDay(date);
	}

	/**
	 * The listed days that differ from {@code before}, over the years either version has a file
	 * for, in date order.
	 */
	public List<DayChange> changesFrom(CalendarView before) {
		TreeSet<Integer> years = new TreeSet<>(this.official.keySet());
		years.addAll(before.official.keySet());
		List<DayChange> changes = new ArrayList<>();
		for (int year : years) {
			Map<LocalDate, CalendarDay> was = byDate(before.calendar.schedule(year));
			Map<LocalDate, CalendarDay> now = byDate(this.calendar.schedule(year));
			TreeSet<LocalDate> dates = new TreeSet<>(was.keySet());
			dates.addAll(now.keySet());
			for (LocalDate date : dates) {
				CalendarDay a = was.get(date);
				CalendarDay b = now.get(date);
				if (a != null && b != null && a.kind() == b.kind() && Objects.equals(a.reason(), b.reason())
						&& Objects.equals(a.reasonCode(), b.reasonCode())) {
					continue;
				}
				changes.add(new DayChange(date, a == null ? null : a.kind().code(), a == null ? null : a.reason(),
						b == null ? null : b.kind().code(), b == null ? null : b.reason(),
						before.isWorkingDay(date) != isWorkingDay(date)));
			}
		}
		return changes;
	}

	/**
	 * One listed day that changed between two versions.
	 *
	 * @param beforeKind kind code before ({@code holiday}, …), null if the day was not listed
	 * @param beforeReason reason before (text of a file), null for computed provisional days
	 * @param workingChanged whether the day turned from a working day into a day off or back
	 */
	public record DayChange(LocalDate date, String beforeKind, String beforeReason, String afterKind,
			String afterReason, boolean workingChanged) {
	}

	// --- Internals -----------------------------------------------------------------

	WorkingCalendar calendar() {
		return this.calendar;
	}

	private static Map<LocalDate, CalendarDay> byDate(YearSchedule schedule) {
		Map<LocalDate, CalendarDay> map = new TreeMap<>();
		schedule.days().forEach(d -> map.put(d.date(), d));
		return map;
	}

	private LocalDateTime toLocal(Date date) {
		return this.calendar.toLocal(Objects.requireNonNull(date, "date").toInstant());
	}

	private Date toDate(LocalDateTime local) {
		return Date.from(this.calendar.toInstant(local));
	}

	static String toJson(Map<Integer, YearSchedule> official) {
		ObjectNode root = JSON.createObjectNode();
		ArrayNode years = root.putArray("years");
		for (YearSchedule s : official.values()) {
			ObjectNode y = years.addObject();
			y.put("year", s.year());
			y.put("provisional", s.provisional());
			y.put("source", s.source());
			ArrayNode days = y.putArray("days");
			s.days().stream().sorted(java.util.Comparator.comparing(CalendarDay::date)).forEach(d -> {
				ObjectNode day = days.addObject();
				day.put("date", d.date().toString());
				day.put("kind", d.kind().code());
				day.put("reason", d.reason());
			});
		}
		try {
			return JSON.writeValueAsString(root);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<Integer, YearSchedule> fromJson(String json) {
		Map<Integer, YearSchedule> official = new TreeMap<>();
		try {
			for (JsonNode y : JSON.readTree(json).path("years")) {
				List<CalendarDay> days = new ArrayList<>();
				for (JsonNode d : y.path("days")) {
					days.add(CalendarDay.withText(LocalDate.parse(d.path("date").asText()),
							DayKind.fromCode(d.path("kind").asText()), d.path("reason").isNull() ? null : d.path("reason").asText()));
				}
				int year = y.path("year").asInt();
				official.put(year, new YearSchedule(year, y.path("provisional").asBoolean(),
						y.path("source").isNull() ? null : y.path("source").asText(), days));
			}
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("not a calendar version: " + ex.getOriginalMessage(), ex);
		}
		return official;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
