package vn.motcua.calendarfollow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code motcua.calendar.follow.*}.
 *
 * @param enabled whether this node checks for calendar changes and recomputes (the poller)
 * @param pollInterval how often the poller runs
 * @param batchSize dossiers recomputed per transaction
 * @param lease how long a claimed recomputation stays with its node without progress before
 * another node may take it over
 */
@ConfigurationProperties(prefix = "motcua.calendar.follow")
record CalendarFollowProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration pollInterval,
		@DefaultValue("200") int batchSize, @DefaultValue("5m") Duration lease) {
}
