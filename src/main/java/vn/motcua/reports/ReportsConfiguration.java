package vn.motcua.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reports read "now" from the engine clock, the clock dossiers are closed with. */
@Configuration(proxyBeanMethods = false)
class ReportsConfiguration {

	@Bean
	ReportFolding reportFolding(org.springframework.jdbc.core.JdbcTemplate jdbc, ReportCounters counters,
			org.springframework.transaction.PlatformTransactionManager transactions,
			@org.springframework.beans.factory.annotation.Value("${motcua.reports.fold-interval:1s}") java.time.Duration interval) {
		return new ReportFolding(jdbc, counters, transactions, interval);
	}

	@Bean
	Clock reportClock() {
		return new EngineClock();
	}

	static final class EngineClock extends Clock {

		@Override
		public ZoneId getZone() {
			return Period.ZONE;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(instant(), zone);
		}

		@Override
		public Instant instant() {
			return ClockUtil.getCurrentTime().toInstant();
		}

	}

}
