package vn.motcua.deadline;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YearScheduleParserTests {

	private static YearSchedule parse(String name, String yaml) {
		return YearScheduleParser.parse(name, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void readsAFile() {
		YearSchedule s = parse("calendar/2026.yaml", """
				year: 2026
				days:
				  - date: 2026-08-22
				    kind: make-up
				    reason: Làm bù
				  - date: 2026-08-31
				    kind: day-off
				    reason: Nghỉ hoán đổi
				""");
		assertThat(s.year()).isEqualTo(2026);
		assertThat(s.provisional()).isFalse();
		assertThat(s.days()).extracting(CalendarDay::kind).containsExactly(DayKind.MAKE_UP, DayKind.DAY_OFF);
	}

	@Test
	void duplicateDate() {
		assertThatThrownBy(() -> parse("calendar/2026.yaml", """
				year: 2026
				days:
				  - date: 2026-02-16
				    kind: holiday
				    reason: Tết
				  - date: 2026-02-16
				    kind: holiday
				    reason: Tết
				"""))
			.isInstanceOf(CalendarFileException.class)
			.hasMessage("calendar/2026.yaml, line 6: 2026-02-16 is listed twice (first at line 3)");
	}

	@Test
	void makeUpDayOnAWeekday() {
		assertThatThrownBy(() -> parse("calendar/2026.yaml", """
				year: 2026
				days:
				  - date: 2026-01-01
				    kind: holiday
				    reason: Tết Dương lịch
				  - date: 2026-08-21
				    kind: make-up
				    reason: Làm bù
				"""))
			.hasMessageStartingWith("calendar/2026.yaml, line 6: make-up day 2026-08-21 is a FRIDAY");
	}

	@Test
	void dateOutsideTheYear() {
		assertThatThrownBy(() -> parse("calendar/2026.yaml", """
				year: 2026
				days:
				  - date: 2025-09-02
				    kind: holiday
				    reason: Quốc khánh
				"""))
			.hasMessage("calendar/2026.yaml, line 3: 2025-09-02 is outside the year 2026");
	}

	@Test
	void missingYear() {
		assertThatThrownBy(() -> parse("calendar/2026.yaml", """
				days:
				  - date: 2026-09-02
				    kind: holiday
				    reason: Quốc khánh
				"""))
			.hasMessage("calendar/2026.yaml, line 1: missing 'year'");
	}

	@Test
	void yearNotMatchingTheFileName() {
		assertThatThrownBy(() -> parse("/etc/motcua/calendar/2027.yaml", """
				# copied from last year
				year: 2026
				days: []
				"""))
			.hasMessage("/etc/motcua/calendar/2027.yaml, line 2: the file is named for 2027 but declares year 2026");
	}

	@Test
	void unknownKindAndKey() {
		assertThatThrownBy(() -> parse("calendar/2026.yaml", """
				year: 2026
				days:
				  - date: 2026-09-02
				    kind: festival
				    reason: Quốc khánh
				"""))
			.hasMessageStartingWith("calendar/2026.yaml, line 3: unknown kind 'festival'");
		assertThatThrownBy(() -> parse("calendar/2026.yaml", """
				year: 2026
				days:
				  - date: 2026-09-02
				    kind: holiday
				    why: Quốc khánh
				"""))
			.hasMessageStartingWith("calendar/2026.yaml, line 5: unknown key 'why'");
	}

	@Test
	void compensatoryDayOnAWeekendAndBadDate() {
		assertThatThrownBy(() -> parse("calendar/2026.yaml", """
				year: 2026
				days:
				  - date: 2026-04-26
				    kind: compensatory
				    reason: Nghỉ bù
				"""))
			.hasMessageStartingWith("calendar/2026.yaml, line 3: compensatory 2026-04-26 is a SUNDAY");
		assertThatThrownBy(() -> parse("calendar/2026.yaml", """
				year: 2026
				days:
				  - date: 2026-02-30
				    kind: holiday
				    reason: Tết
				"""))
			.hasMessageStartingWith("calendar/2026.yaml, line 3: '2026-02-30' is not a date");
	}

	@Test
	void theShippedFilesAreValid() {
		assertThat(YearFiles.load(null)).containsKeys(2025, 2026);
	}

	@Test
	void externalDirectoryOverridesTheClasspath(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("2026.yaml"), """
				year: 2026
				source: test
				days:
				  - date: 2026-03-02
				    kind: day-off
				    reason: Nghỉ thử
				""");
		Files.writeString(dir.resolve("README.txt"), "not a year file");
		var years = YearFiles.load(dir.toString());
		assertThat(years.get(2026).days()).singleElement().extracting(CalendarDay::date).hasToString("2026-03-02");
		assertThat(years.get(2025).days()).isNotEmpty();
	}

	@Test
	void externalFileErrorNamesThePath(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("2028.yaml"), "year: 2028\ndays:\n  - date: 2028-01-03\n    kind: make-up\n    reason: x\n");
		assertThatThrownBy(() -> YearFiles.load(dir.toString()))
			.hasMessageStartingWith(dir.resolve("2028.yaml") + ", line 3: make-up day 2028-01-03 is a MONDAY");
	}

}
