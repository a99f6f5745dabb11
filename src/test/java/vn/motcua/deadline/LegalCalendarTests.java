package vn.motcua.deadline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The Date adapter used by BPMN expressions; independent of the JVM's default zone. */
class LegalCalendarTests {

	private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

	private final LegalCalendar calendar = new LegalCalendar(CalendarProperties.defaults());

	private static Date at(String local) {
		return Date.from(LocalDateTime.parse(local).atZone(VN).toInstant());
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void dueFromTheEngineClock() {
		ClockUtil.setCurrentTime(at("2026-02-13T10:00"));
		assertThat(calendar.due(null, 1)).isEqualTo(at("2026-02-23T10:00"));
		ClockUtil.setCurrentTime(at("2026-03-02T15:30"));
		assertThat(calendar.dueSameDay(null, 0.5)).isEqualTo(at("2026-03-03T11:30"));
		assertThat(calendar.due(null, 0.5)).isEqualTo(at("2026-03-03T10:00"));
	}

	@Test
	void instantsAreReadInVietnamsZone() {
		// 03:00 UTC on Friday 13/2/2026 is 10:00 in Hanoi.
		Date start = Date.from(java.time.Instant.parse("2026-02-13T03:00:00Z"));
		assertThat(calendar.dueFrom(start, 1).toInstant()).hasToString("2026-02-23T03:00:00Z");
		assertThat(calendar.dueFromSameDay(at("2026-02-13T15:01"), 0.25)).isEqualTo(at("2026-02-23T09:30"));
	}

	@Test
	void warningBeforeAndUsage() {
		Date due = at("2026-02-23T10:00");
		assertThat(calendar.before(due, 0.5)).isEqualTo(at("2026-02-13T15:30"));
		assertThat(calendar.workingDaysBetween(at("2026-02-13T10:00"), due)).isEqualTo(1.0);
		assertThat(calendar.workingDaysBetween(due, at("2026-02-13T10:00"))).isEqualTo(-1.0);
	}

	@Test
	void pausedClockAcrossNationalDay() {
		Date due = calendar.dueFrom(at("2026-08-26T10:00"), 3); // Wed + 3 -> Thu 3/9 (29/8-2/9 off)
		assertThat(due).isEqualTo(at("2026-09-03T10:00"));
		Duration left = calendar.officeTimeBetween(at("2026-08-27T10:00"), due);
		assertThat(left).isEqualTo(Duration.ofHours(16));
		assertThat(calendar.resume(at("2026-08-31T09:00"), left)).isEqualTo(at("2026-09-04T17:00"));
	}

	@Test
	void deadlineRecord() {
		Deadline d = calendar.deadline(LocalDateTime.parse("2027-12-31T18:00"), 1, false);
		assertThat(d.effectiveStart()).isEqualTo("2028-01-04T07:30");
		assertThat(d.due()).isEqualTo("2028-01-04T17:00");
		assertThat(d.provisional()).isTrue();
		assertThat(calendar.isProvisional(2026)).isFalse();
	}

	@Test
	void validatesWorkingDays() {
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.dueFrom(new Date(), 0.1))
			.withMessageContaining("multiple of 0.25");
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.dueFrom(new Date(), Double.NaN))
			.withMessageContaining("finite");
	}

}
