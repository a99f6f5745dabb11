package vn.motcua.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads and validates one year file ({@code 2026.yaml}):
 *
 * <pre>
 * year: 2026
 * source: "Thông báo 9441/TB-BNV ngày 16/10/2025"
 * days:
 *   - date: 2026-02-16
 *     kind: holiday          # holiday | compensatory | day-off | make-up
 *     reason: Tết Nguyên đán
 * </pre>
 *
 * Every problem is reported with the file name and the line, read from the YAML parser's
 * token locations: a missing or mismatched year, a date outside the year or listed twice, a
 * make-up day that is not a weekend, a compensatory or swapped day off that is a weekend, an
 * unknown kind or key.
 */
final class YearScheduleParser {

	private static final Pattern YEAR_FILE = Pattern.compile("(?:^|.*[/\\\\])(\\d{4})\\.ya?ml$");

	private static final YAMLFactory YAML = new YAMLFactory();

	private YearScheduleParser() {
	}

	/** The year a file name stands for ({@code .../2026.yaml} gives 2026), or -1. */
	static int yearOfFileName(String name) {
		Matcher m = YEAR_FILE.matcher(name);
		return m.matches() ? Integer.parseInt(m.group(1)) : -1;
	}

	static YearSchedule parse(String file, InputStream in) {
		try (JsonParser p = YAML.createParser(in)) {
			return parse(file, p);
		}
		catch (JsonProcessingException ex) {
			int line = ex.getLocation() != null ? ex.getLocation().getLineNr() : 0;
			throw new CalendarFileException(file, line, "not valid YAML: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new CalendarFileException(file, 0, "cannot be read: " + ex.getMessage(), ex);
		}
	}

	private static YearSchedule parse(String file, JsonParser p) throws IOException {
		if (p.nextToken() != JsonToken.START_OBJECT) {
			throw new CalendarFileException(file, line(p), "expected a mapping with 'year' and 'days'");
		}
		Integer year = null;
		int yearLine = 0;
		String source = null;
		boolean provisional = false;
		List<Entry> entries = new ArrayList<>();
		while (p.nextToken() == JsonToken.FIELD_NAME) {
			String key = p.currentName();
			int keyLine = line(p);
			JsonToken value = p.nextToken();
			switch (key) {
				case "year" -> {
					if (value != JsonToken.VALUE_NUMBER_INT) {
						throw new CalendarFileException(file, keyLine, "'year' must be a number such as 2026");
					}
					year = p.getIntValue();
					yearLine = keyLine;
				}
				case "source" -> source = p.getValueAsString();
				case "provisional" -> provisional = p.getValueAsBoolean();
				case "days" -> readDays(file, p, entries);
				default -> throw new CalendarFileException(file, keyLine,
						"unknown key '" + key + "', expected year, source, provisional or days");
			}
		}
		if (year == null) {
			throw new CalendarFileException(file, 1, "missing 'year'");
		}
		int named = yearOfFileName(file);
		if (named != -1 && named != year) {
			throw new CalendarFileException(file, yearLine,
					"the file is named for " + named + " but declares year " + year);
		}
		return new YearSchedule(year, provisional, source, validate(file, year, entries));
	}

	private record Entry(int line, String date, String kind, String reason) {
	}

	private static void readDays(String file, JsonParser p, List<Entry> entries) throws IOException {
		if (p.currentToken() == JsonToken.VALUE_NULL) {
			return;
		}
		if (p.currentToken() != JsonToken.START_ARRAY) {
			throw new CalendarFileException(file, line(p), "'days' must be a list");
		}
		while (p.nextToken() == JsonToken.START_OBJECT) {
			int entryLine = line(p);
			String date = null;
			String kind = null;
			String reason = null;
			while (p.nextToken() == JsonToken.FIELD_NAME) {
				String key = p.currentName();
				int keyLine = line(p);
				p.nextToken();
				if (p.currentToken().isStructStart()) {
					throw new CalendarFileException(file, keyLine, "'" + key + "' must be a single value");
				}
				switch (key) {
					case "date" -> {
						date = p.getValueAsString();
						entryLine = keyLine;
					}
					case "kind" -> kind = p.getValueAsString();
					case "reason" -> reason = p.getValueAsString();
					default -> throw new CalendarFileException(file, keyLine,
							"unknown key '" + key + "', expected date, kind or reason");
				}
			}
			entries.add(new Entry(entryLine, date, kind, reason));
		}
		if (p.currentToken() != JsonToken.END_ARRAY) {
			throw new CalendarFileException(file, line(p), "each entry of 'days' must be a mapping");
		}
	}

	private static List<CalendarDay> validate(String file, int year, List<Entry> entries) {
		Map<LocalDate, Integer> seen = new HashMap<>();
		List<CalendarDay> days = new ArrayList<>();
		for (Entry e : entries) {
			if (e.date() == null) {
				throw new CalendarFileException(file, e.line(), "missing 'date'");
			}
			LocalDate date;
			try {
				date = LocalDate.parse(e.date());
			}
			catch (DateTimeParseException ex) {
				throw new CalendarFileException(file, e.line(),
						"'" + e.date() + "' is not a date in the form 2026-02-16");
			}
			if (date.getYear() != year) {
				throw new CalendarFileException(file, e.line(), date + " is outside the year " + year);
			}
			Integer first = seen.putIfAbsent(date, e.line());
			if (first != null) {
				throw new CalendarFileException(file, e.line(),
						date + " is listed twice (first at line " + first + ")");
			}
			if (e.kind() == null) {
				throw new CalendarFileException(file, e.line(), "missing 'kind' for " + date);
			}
			DayKind kind;
			try {
				kind = DayKind.fromCode(e.kind());
			}
			catch (IllegalArgumentException ex) {
				throw new CalendarFileException(file, e.line(), ex.getMessage());
			}
			boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
			if (kind == DayKind.MAKE_UP && !weekend) {
				throw new CalendarFileException(file, e.line(),
						"make-up day " + date + " is a " + date.getDayOfWeek() + ", not a weekend day");
			}
			if ((kind == DayKind.COMPENSATORY || kind == DayKind.DAY_OFF) && weekend) {
				throw new CalendarFileException(file, e.line(),
						kind.code() + " " + date + " is a " + date.getDayOfWeek() + ", already a day off");
			}
			if (e.reason() == null || e.reason().isBlank()) {
				throw new CalendarFileException(file, e.line(), "missing 'reason' for " + date);
			}
			days.add(CalendarDay.withText(date, kind, e.reason().strip()));
		}
		days.sort((a, b) -> a.date().compareTo(b.date()));
		return days;
	}

	private static int line(JsonParser p) {
		return p.currentTokenLocation().getLineNr();
	}

}
