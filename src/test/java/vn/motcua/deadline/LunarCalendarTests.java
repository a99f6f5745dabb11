package vn.motcua.deadline;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LunarCalendarTests {

	private final LunarCalendar lunar = new LunarCalendar(LunarCalendar.VIETNAM);

	@ParameterizedTest(name = "Tết {0} is {1}")
	@CsvSource({ "2015, 2015-02-19", "2016, 2016-02-08", "2017, 2017-01-28", "2018, 2018-02-16",
			"2019, 2019-02-05", "2020, 2020-01-25", "2021, 2021-02-12", "2022, 2022-02-01", "2023, 2023-01-22",
			"2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "2027, 2027-02-06", "2028, 2028-01-26" })
	void tet(int year, LocalDate tet) {
		assertThat(lunar.tet(year)).isEqualTo(tet);
		assertThat(lunar.toLunar(tet)).isEqualTo(new LunarCalendar.LunarDate(1, 1, year, false));
	}

	@Test
	void tetOf1985DiffersFromChina() {
		// Vietnam (UTC+7) celebrated Tết 1985 on 21/1, a month before China (UTC+8, 20/2).
		assertThat(lunar.tet(1985)).isEqualTo("1985-01-21");
		assertThat(new LunarCalendar(8.0).tet(1985)).isEqualTo("1985-02-20");
	}

	@ParameterizedTest(name = "Giỗ Tổ {0} is {1}")
	@CsvSource({ "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16",
			"2028, 2028-04-04" })
	void hungKings(int year, LocalDate date) {
		assertThat(lunar.toSolar(10, 3, year, false)).isEqualTo(date);
	}

	@Test
	void leapMonths() {
		// 2020 had a leap 4th month, 2023 a leap 2nd month.
		assertThat(lunar.toLunar(LocalDate.parse("2020-05-23"))).isEqualTo(new LunarCalendar.LunarDate(1, 4, 2020, true));
		assertThat(lunar.toLunar(LocalDate.parse("2023-03-22"))).isEqualTo(new LunarCalendar.LunarDate(1, 2, 2023, true));
		assertThat(lunar.toSolar(1, 2, 2023, true)).isEqualTo("2023-03-22");
	}

	@Test
	void lastDayOfLunarYear() {
		// 2025 and 2026 have no 30 Tết: the last day of the year is the 29th of the 12th month.
		assertThat(lunar.toLunar(LocalDate.parse("2025-01-28"))).isEqualTo(new LunarCalendar.LunarDate(29, 12, 2024, false));
		assertThat(lunar.toLunar(LocalDate.parse("2026-02-16")).month()).isEqualTo(12);
	}

	@Test
	void roundTripsEveryDay() {
		for (LocalDate d = LocalDate.parse("2000-01-01"); d.isBefore(LocalDate.parse("2041-01-01")); d = d.plusDays(1)) {
			LunarCalendar.LunarDate l = lunar.toLunar(d);
			assertThat(lunar.toSolar(l.day(), l.month(), l.year(), l.leap())).as(d.toString()).isEqualTo(d);
		}
	}

}
