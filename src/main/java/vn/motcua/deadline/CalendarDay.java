package vn.motcua.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * One listed day of a year's schedule. The reason is either free text from a year file
 * ({@code reason}, written by the administrator in Vietnamese) or, for computed provisional
 * days, a message code of the {@code messages/calendar} bundle with its arguments.
 */
record CalendarDay(LocalDate date, DayKind kind, String reason, String reasonCode, List<String> reasonArgs) {

	static CalendarDay withText(LocalDate date, DayKind kind, String reason) {
		return new CalendarDay(date, kind, reason, null, List.of());
	}

	static CalendarDay withCode(LocalDate date, DayKind kind, String reasonCode, String... args) {
		return new CalendarDay(date, kind, null, reasonCode, List.of(args));
	}

}
