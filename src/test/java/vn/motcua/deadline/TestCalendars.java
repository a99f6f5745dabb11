package vn.motcua.deadline;

import java.util.Map;

/** The standard calendar with the classpath year files, shared by the unit tests. */
final class TestCalendars {

	static final WorkingCalendar STANDARD = standard();

	private TestCalendars() {
	}

	private static WorkingCalendar standard() {
		Map<Integer, YearSchedule> files = YearFiles.load(null);
		LabourCodeSchedule labourCode = new LabourCodeSchedule(new LunarCalendar(LunarCalendar.VIETNAM));
		return WorkingCalendar.standard(year -> files.containsKey(year) ? files.get(year) : labourCode.provisional(year));
	}

}
