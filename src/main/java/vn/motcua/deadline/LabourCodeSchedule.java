package vn.motcua.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A provisional schedule computed from the Labour Code 2019 (Art. 111–112) for a year whose
 * official notice is not (yet) in a year file:
 * <ul>
 * <li>1/1; 30/4; 1/5; 1/9 and 2/9 (the adjacent day of National Day is taken as 1/9);</li>
 * <li>Tết Nguyên đán: the last day of the lunar year (30 or 29 Tết) and mùng 1 to mùng 4;</li>
 * <li>Giỗ Tổ Hùng Vương, 10/3 lunar;</li>
 * <li>24/11, Ngày Văn hóa Việt Nam, from 2026 (Resolution 28/2026/QH16);</li>
 * <li>for each holiday on a Saturday or Sunday, in date order, a compensatory day on the next
 * weekday that is not already a holiday or compensatory day.</li>
 * </ul>
 * No swapped days or make-up Saturdays: those only come from the Prime Minister's choices.
 */
final class LabourCodeSchedule {

	static final int CULTURE_DAY_SINCE = 2026;

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final LunarCalendar lunar;

	LabourCodeSchedule(LunarCalendar lunar) {
		this.lunar = lunar;
	}

	YearSchedule provisional(int year) {
		TreeMap<LocalDate, CalendarDay> holidays = new TreeMap<>();
		add(holidays, LocalDate.of(year, 1, 1), "calendar.reason.new-year");
		LocalDate tet = lunar.tet(year);
		add(holidays, tet.minusDays(1), "calendar.reason.tet-eve");
		for (int i = 0; i < 4; i++) {
			add(holidays, tet.plusDays(i), "calendar.reason.tet", String.valueOf(i + 1));
		}
		add(holidays, lunar.toSolar(10, 3, year, false), "calendar.reason.hung-kings");
		add(holidays, LocalDate.of(year, 4, 30), "calendar.reason.reunification");
		add(holidays, LocalDate.of(year, 5, 1), "calendar.reason.labour-day");
		add(holidays, LocalDate.of(year, 9, 1), "calendar.reason.national-day-adjacent");
		add(holidays, LocalDate.of(year, 9, 2), "calendar.reason.national-day");
		if (year >= CULTURE_DAY_SINCE) {
			add(holidays, LocalDate.of(year, 11, 24), "calendar.reason.culture-day");
		}
		TreeMap<LocalDate, CalendarDay> all = new TreeMap<>(holidays);
		for (CalendarDay holiday : holidays.values()) {
			if (isWeekend(holiday.date())) {
				LocalDate day = holiday.date().plusDays(1);
				while (isWeekend(day) || all.containsKey(day)) {
					day = day.plusDays(1);
				}
				all.put(day, CalendarDay.withCode(day, DayKind.COMPENSATORY, "calendar.reason.compensatory",
						holiday.date().format(DAY_MONTH_YEAR)));
			}
		}
		List<CalendarDay> days = new ArrayList<>(all.values());
		return new YearSchedule(year, true, "Labour Code 2019, Art. 111-112 (provisional)", days);
	}

	private static void add(TreeMap<LocalDate, CalendarDay> days, LocalDate date, String code, String... args) {
		days.put(date, CalendarDay.withCode(date, DayKind.HOLIDAY, code, args));
	}

	static boolean isWeekend(LocalDate date) {
		DayOfWeek d = date.getDayOfWeek();
		return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
	}

}
