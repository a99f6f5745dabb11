package vn.motcua.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.deadline.LegalCalendar;

/**
 * One Spring context on H2 in memory for the report tests, with one history generated once:
 * dossiers received from 1/10/2025 to "now", Friday 20/03/2026 10:00 (engine clock).
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:reports;DB_CLOSE_DELAY=-1;MODE=LEGACY",
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
		"spring.datasource.generate-unique-name=true" })
@AutoConfigureMockMvc
abstract class ReportsTestBase {

	static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 20, 10, 0);

	static final int DOSSIERS = 700;

	private static boolean generated;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	LegalCalendar calendar;

	@BeforeEach
	void history() {
		ClockUtil.setCurrentTime(ReportTestData.at(NOW));
		synchronized (ReportsTestBase.class) {
			if (!generated) {
				generated = true;
				new ReportTestData(this.jdbc, this.tx, this.events, this.calendar, 20260320L).generate(DOSSIERS,
						LocalDate.of(2025, 10, 1), NOW);
			}
		}
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

}
