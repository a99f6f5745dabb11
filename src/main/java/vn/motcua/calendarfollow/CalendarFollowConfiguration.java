package vn.motcua.calendarfollow;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds {@code motcua.calendar.follow.*} and runs the poller. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarFollowProperties.class)
@EnableScheduling
class CalendarFollowConfiguration {

}
