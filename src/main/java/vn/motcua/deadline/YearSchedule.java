package vn.motcua.deadline;

import java.util.List;

/**
 * The listed days of one calendar year: holidays, compensatory and swapped days off and
 * make-up working days. Ordinary weekends are not listed. {@code provisional} is true when the
 * schedule was computed from the Labour Code rules rather than an official announcement;
 * {@code source} says where it comes from (file and legal basis).
 */
record YearSchedule(int year, boolean provisional, String source, List<CalendarDay> days) {

	YearSchedule {
		days = List.copyOf(days);
	}

}
