package vn.motcua.deadline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkingCalendarTests {

	private final WorkingCalendar calendar = TestCalendars.STANDARD;

	@ParameterizedTest(name = "{0} + {1} working days (same-day {2}) -> {3}: {4}")
	@CsvSource(delimiter = '|', textBlock = """
			# start            | days | same-day | due              | why
			2026-02-13T10:00   | 1    | false    | 2026-02-23T10:00 | Tết 2026: off 14-22/2
			2026-02-13T16:00   | 0.5  | false    | 2026-02-23T10:30 | Tết 2026, 1 h before, 3 h after
			2026-02-14T09:00   | 1    | false    | 2026-02-23T17:00 | received on Saturday of Tết
			2026-02-18T10:00   | 0.5  | false    | 2026-02-23T11:30 | online on mùng 2, ends at 11:30
			2026-02-12T10:00   | 2    | false    | 2026-02-23T10:00 | two days across Tết
			2026-02-10T10:00   | 3    | false    | 2026-02-13T10:00 | before Tết
			2026-04-29T10:00   | 1    | false    | 2026-05-04T10:00 | 30/4-1/5 2026 bridge
			2026-04-24T10:00   | 1    | false    | 2026-04-28T10:00 | Giỗ Tổ Sun 26/4, compensatory Mon 27/4
			2026-04-24T10:00   | 2    | false    | 2026-04-29T10:00 | Giỗ Tổ then 30/4
			2026-08-21T10:00   | 1    | false    | 2026-08-22T10:00 | make-up Saturday 22/8/2026 is worked
			2026-08-22T08:00   | 0.5  | false    | 2026-08-22T13:30 | received on the make-up Saturday
			2026-08-28T10:00   | 1    | false    | 2026-09-03T10:00 | National Day 2026: off 29/8-2/9
			2026-08-28T10:00   | 0.25 | false    | 2026-08-28T13:30 | before National Day
			2025-04-25T10:00   | 1    | false    | 2025-04-26T10:00 | make-up Saturday 26/4/2025
			2025-04-29T10:00   | 1    | false    | 2025-05-05T10:00 | 30/4-1/5 2025 with swapped Fri 2/5
			2025-04-26T17:00   | 1    | false    | 2025-04-28T17:00 | after closing on the make-up Saturday
			2025-01-24T10:00   | 1    | false    | 2025-02-03T10:00 | Tết 2025: off 25/1-2/2
			2025-08-29T10:00   | 1    | false    | 2025-09-03T10:00 | National Day 2025: off 30/8-2/9
			2026-11-23T10:00   | 1    | false    | 2026-11-25T10:00 | 24/11/2026 Ngày Văn hóa Việt Nam
			2025-11-21T10:00   | 1    | false    | 2025-11-24T10:00 | 24/11/2025 was an ordinary Monday
			2026-03-06T10:00   | 1    | false    | 2026-03-09T10:00 | Friday 10:00 + 1 -> Monday 10:00
			2026-03-02T07:30   | 1    | false    | 2026-03-02T17:00 | a full day ends at 17:00, not next morning
			2026-03-02T13:00   | 0.5  | false    | 2026-03-02T17:00 | runs out exactly at 17:00
			2026-03-02T07:30   | 0.5  | false    | 2026-03-02T11:30 | runs out exactly at 11:30
			2026-03-02T09:30   | 0.25 | false    | 2026-03-02T11:30 | quarter day to 11:30
			2026-03-02T17:00   | 0.25 | false    | 2026-03-03T09:30 | received at closing
			2026-03-02T20:00   | 1    | false    | 2026-03-03T17:00 | evening
			2026-03-02T20:00   | 0    | false    | 2026-03-03T07:30 | zero days: the next opening
			2026-03-02T06:00   | 0.25 | false    | 2026-03-02T09:30 | before opening
			2026-03-02T12:00   | 0.25 | false    | 2026-03-02T15:00 | lunch break starts at 13:00
			2026-03-02T11:30   | 0.25 | false    | 2026-03-02T15:00 | received at 11:30 starts at 13:00
			2026-03-02T11:00   | 0.25 | false    | 2026-03-02T14:30 | half an hour before lunch
			2026-03-02T10:00   | 1.5  | false    | 2026-03-03T15:30 | one and a half days
			2026-03-02T10:00   | 0.5  | false    | 2026-03-02T15:30 | half a day over lunch
			2026-03-02T10:00   | 10   | false    | 2026-03-16T10:00 | two weeks
			2026-03-02T14:59   | 0.25 | true     | 2026-03-02T16:59 | same-day before 15:00
			2026-03-02T15:00   | 0.25 | true     | 2026-03-02T17:00 | same-day at 15:00 still counts
			2026-03-02T15:01   | 0.25 | true     | 2026-03-03T09:30 | same-day after 15:00: next opening
			2026-03-02T15:01   | 0.25 | false    | 2026-03-03T07:31 | not same-day: counts from 15:01
			2026-02-13T15:30   | 0.5  | true     | 2026-02-23T11:30 | same-day cut-off before Tết
			2026-03-02T16:00   | 0    | true     | 2026-03-03T07:30 | same-day, zero days after cut-off
			2027-02-04T10:00   | 1    | false    | 2027-02-12T10:00 | provisional Tết 2027 (mùng 1 Sat 6/2)
			2027-04-29T10:00   | 1    | false    | 2027-05-04T10:00 | provisional 1/5/2027 Sat -> Mon 3/5
			2027-04-30T10:00   | 1    | false    | 2027-05-04T17:00 | received on the 30/4/2027 holiday
			2027-12-31T10:00   | 1    | false    | 2028-01-04T10:00 | provisional 1/1/2028 Sat -> Mon 3/1
			2028-04-28T10:00   | 1    | false    | 2028-05-03T10:00 | provisional 30/4 Sun, 1/5 Mon -> Tue 2/5
			2025-12-31T16:00   | 1    | false    | 2026-01-05T16:00 | across the new year (1/1 off, Friday 2/1 swapped)
			""")
	void due(LocalDateTime start, double days, boolean sameDay, LocalDateTime due, String why) {
		assertThat(calendar.due(start, days, sameDay)).as(why).isEqualTo(due);
	}

	@ParameterizedTest(name = "{0} - {1} working days -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-23T10:00 | 1    | 2026-02-13T10:00
			2026-03-02T17:00 | 0.5  | 2026-03-02T13:00
			2026-03-02T13:00 | 0.25 | 2026-03-02T09:30
			2026-03-03T07:30 | 1    | 2026-03-02T07:30
			2026-03-09T10:00 | 1    | 2026-03-06T10:00
			2026-09-03T10:00 | 1.5  | 2026-08-27T15:30
			2026-03-02T12:00 | 0.5  | 2026-03-02T07:30
			2026-03-02T10:00 | 0    | 2026-03-02T10:00
			""")
	void before(LocalDateTime due, double days, LocalDateTime expected) {
		assertThat(calendar.before(due, calendar.officeTime(days))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} .. {1} = {2} working days")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-13T10:00 | 2026-02-23T10:00 | 1
			2026-03-02T07:30 | 2026-03-02T17:00 | 1
			2026-03-02T11:00 | 2026-03-02T14:00 | 0.1875
			2026-03-02T18:00 | 2026-03-03T07:00 | 0
			2026-02-14T00:00 | 2026-02-22T23:59 | 0
			2026-08-21T07:30 | 2026-08-24T07:30 | 2
			2026-02-23T10:00 | 2026-02-13T10:00 | -1
			2025-12-31T07:30 | 2026-01-05T07:30 | 1
			2026-01-09T07:30 | 2026-01-12T07:30 | 2
			""")
	void workingDaysBetween(LocalDateTime from, LocalDateTime to, double days) {
		assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(days);
	}

	@Test
	void dueIsInverseOfBetween() {
		LocalDateTime start = LocalDateTime.parse("2026-01-05T07:30");
		for (int q = 0; q < 4 * 300; q++) {
			LocalDateTime due = calendar.due(start, q / 4.0, false);
			assertThat(calendar.workingDaysBetween(start, due)).isEqualTo(q / 4.0);
			if (q > 0) {
				assertThat(calendar.due(calendar.before(due, calendar.officeTime(q / 4.0)), q / 4.0, false))
					.isEqualTo(due);
			}
		}
	}

	@Test
	void pauseAndResumeAcrossTet() {
		LocalDateTime received = LocalDateTime.parse("2026-02-10T10:00");
		LocalDateTime due = calendar.due(received, 3, false);
		assertThat(due).isEqualTo("2026-02-13T10:00");
		// Supplement requested Wednesday 10:00; the citizen comes back on Friday at 15:00.
		Duration left = calendar.officeTimeBetween(LocalDateTime.parse("2026-02-11T10:00"), due);
		assertThat(left).isEqualTo(Duration.ofHours(16));
		assertThat(calendar.due(LocalDateTime.parse("2026-02-13T15:00"), left, false))
			.isEqualTo("2026-02-24T15:00");
		// Paused Thursday 16:00 with 3.5 h left, resumed online on Saturday 14/2 during Tết.
		Duration left2 = calendar.officeTimeBetween(LocalDateTime.parse("2026-02-12T16:00"), due);
		assertThat(left2).isEqualTo(Duration.ofMinutes(210));
		assertThat(calendar.due(LocalDateTime.parse("2026-02-14T09:00"), left2, false))
			.isEqualTo("2026-02-23T11:00");
	}

	@Test
	void workingDays() {
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-08-22"))).as("make-up Saturday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-08-31"))).as("swapped Monday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2025-04-26"))).as("make-up Saturday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2025-05-02"))).as("swapped Friday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-27"))).as("compensatory").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-24"))).as("Ngày Văn hóa").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-23"))).isTrue();
	}

	@Test
	void provisionalYears() {
		assertThat(calendar.isProvisional(2025)).isFalse();
		assertThat(calendar.isProvisional(2026)).isFalse();
		assertThat(calendar.isProvisional(2027)).isTrue();
		assertThat(calendar.isProvisional(2028)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(doubles = { -1, 0.3, 1.1, Double.NaN, Double.POSITIVE_INFINITY, 1e9 })
	void rejectsBadWorkingDays(double days) {
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.officeTime(days))
			.withMessageContaining("workingDays");
	}

	@Test
	void quarterDaysAreExact() {
		assertThat(calendar.officeTime(0.25)).isEqualTo(Duration.ofHours(2));
		assertThat(calendar.officeTime(0.5)).isEqualTo(Duration.ofHours(4));
		assertThat(calendar.officeTime(1.5)).isEqualTo(Duration.ofHours(12));
	}

}
