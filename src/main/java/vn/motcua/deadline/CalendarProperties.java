package vn.motcua.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the legal calendar ({@code motcua.calendar.*}).
 *
 * @param zone the zone deadlines are counted in
 * @param sessions office sessions of a working day, such as {@code 07:30-11:30}
 * @param sameDayCutoff for same-day steps, a start after this time counts from the next
 * working day's opening
 * @param workingWeekdays the weekdays that are working days unless the year file says otherwise
 * @param directory an external directory of year files ({@code 2027.yaml}) overriding the
 * classpath ones; re-read when its files change, without a rebuild or restart
 * @param reloadCheckInterval how often the external directory is checked for changes
 */
@ConfigurationProperties(prefix = "motcua.calendar")
record CalendarProperties(@DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
		@DefaultValue({ "07:30-11:30", "13:00-17:00" }) List<String> sessions,
		@DefaultValue("15:00") LocalTime sameDayCutoff,
		@DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) Set<DayOfWeek> workingWeekdays,
		String directory, @DefaultValue("30s") Duration reloadCheckInterval) {

	static CalendarProperties defaults() {
		return new CalendarProperties(ZoneId.of("Asia/Ho_Chi_Minh"), List.of("07:30-11:30", "13:00-17:00"),
				LocalTime.of(15, 0), Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
						DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
				null, Duration.ofSeconds(30));
	}

}
