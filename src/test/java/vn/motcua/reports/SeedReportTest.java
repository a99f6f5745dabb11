package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.reports.Report.Grouping;

/**
 * The period of the seed report (seeds/003): 664 dossiers carried over and 17,413 newly received,
 * 17,612 came due in the period, 16,325 returned early or on time, so the rate on the dossiers
 * that came due is 16,325 / 17,612 = 92,69 %. Built row by row in its own database, then counted
 * by the counters, the drill-down and a direct count.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:seed-report;DB_CLOSE_DELAY=-1;MODE=LEGACY",
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
		"spring.datasource.generate-unique-name=true" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedReportTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final String UNIT = "xa-an-binh";

	/** The fourth quarter of 2025, long past. */
	private static final Period QUARTER = Period.quarter(2025, 4);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReportCounters counters;

	@Autowired
	PerformanceReports reports;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	private final List<Object[]> rows = new ArrayList<>();

	private int sequence;

	@BeforeAll
	void seedPeriod() {
		LocalDateTime start = LocalDateTime.of(2025, 10, 1, 8, 0);
		// 664 carried over, received in September, due in October: 600 returned on time, 64 late
		for (int i = 0; i < 664; i++) {
			LocalDateTime due = start.plusDays(3 + i % 20);
			add(start.minusDays(10), due, i < 600 ? due.minusHours(2) : due.plusDays(2), i < 600 ? "ON_TIME" : "LATE");
		}
		// 17,413 new; 16,948 of them due in the period:
		// 15,725 returned early or on time, 836 late, 387 still open and overdue at the end
		for (int i = 0; i < 16_948; i++) {
			LocalDateTime received = start.plusDays(i % 70).plusMinutes(i % 400);
			LocalDateTime due = received.plusDays(5);
			if (i < 15_725) {
				add(received, due, received.plusDays(i % 2 == 0 ? 2 : 5).minusMinutes(1), i % 2 == 0 ? "EARLY" : "ON_TIME");
			}
			else if (i < 15_725 + 836) {
				add(received, due, due.plusDays(1), "LATE");
			}
			else {
				add(received, due, null, null);
			}
		}
		// 415 received at the end of December and due in January, still open; 50 refused
		for (int i = 0; i < 415; i++) {
			add(LocalDateTime.of(2025, 12, 29, 9, 0).plusMinutes(i), LocalDateTime.of(2026, 1, 8, 9, 0), null, null);
		}
		for (int i = 0; i < 50; i++) {
			LocalDateTime received = start.plusDays(i);
			this.rows.add(row(received, received.plusDays(5), received.plusDays(1), null, "REFUSED"));
		}
		this.jdbc.batchUpdate("""
				insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit,
				  applicant_name, channel, legal_working_days, received_at, original_due, legal_due, due_at, status,
				  finished_at, timeliness)
				values (?, 'birth-registration', 'Đăng ký khai sinh', 1, ?, 'Nguyễn Văn A', 'in-person', 5, ?, ?, ?, ?, ?, ?, ?)""",
				this.rows);
		this.counters.rebuild();
	}

	private void add(LocalDateTime received, LocalDateTime due, LocalDateTime finished, String timeliness) {
		this.rows.add(row(received, due, finished, timeliness, finished == null ? "IN_PROGRESS" : "RETURNED"));
	}

	private Object[] row(LocalDateTime received, LocalDateTime due, LocalDateTime finished, String timeliness,
			String status) {
		return new Object[] { "SEED-251001-%05d".formatted(++this.sequence), UNIT, ts(received), ts(due), ts(due), ts(due),
				status, finished == null ? null : ts(finished), timeliness };
	}

	private static Timestamp ts(LocalDateTime local) {
		return Timestamp.from(local.atZone(ZONE).toInstant());
	}

	@Test
	void theRateOnTheDossiersThatCameDueIsTheSeedReports() {
		Figures total = this.reports.report(QUARTER, Scope.PROVINCE, null, Grouping.UNIT).total();
		assertThat(total.carriedOver()).isEqualTo(664);
		assertThat(total.received()).isEqualTo(17_413);
		assertThat(total.total()).isEqualTo(18_077);
		assertThat(total.cameDue()).isEqualTo(17_612);
		assertThat(total.early() + total.onTime()).isEqualTo(16_325);
		assertThat(total.dueRate()).isCloseTo(16_325.0 / 17_612, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(Charts.percent(total.dueRate(), java.util.Locale.forLanguageTag("vi"))).isEqualTo("92,69 %");
		// the other rate, on the dossiers resolved: 16,325 / (16,325 + 900)
		assertThat(total.resolved()).isEqualTo(17_225);
		assertThat(Charts.percent(total.onTimeRate(), java.util.Locale.forLanguageTag("vi"))).isEqualTo("94,78 %");

		NaiveCount naive = new NaiveCount(this.jdbc);
		java.time.Instant now = java.time.Instant.now();
		for (Cell cell : List.of(Cell.CAME_DUE, Cell.CARRIED, Cell.RECEIVED, Cell.EARLY, Cell.ON_TIME, Cell.LATE,
				Cell.REFUSED, Cell.OVERDUE)) {
			assertThat(total.get(cell)).as(cell.param()).isEqualTo(naive.count(cell, QUARTER, now, null, null));
		}
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).with(httpBasic("auditor", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void thePageShowsBothRatesApartAndTheDrillDownListsTheDossiersThatCameDue() throws Exception {
		String html = page("/reports?period=2025-Q4");
		assertThat(html).contains("Đến hạn giải quyết")
			.contains("(Trước hạn + đúng hạn) / đến hạn")
			.contains("(Trước hạn + đúng hạn) / đã giải quyết")
			.contains("92,69 %")
			.contains("94,78 %")
			.contains("17.612")
			.contains("18.077")
			.contains("trong năm 2025")
			.doesNotContain("2.025")
			.doesNotContain("92.69")
			// the official frame
			.contains("UBND TỈNH DEMO")
			.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
			.contains("Độc lập - Tự do - Hạnh phúc")
			.contains("Nơi nhận:")
			.contains("THỦ TRƯỞNG ĐƠN VỊ");
		String unitPage = page("/reports?period=2025-Q4&scope=unit-only:" + UNIT);
		assertThat(unitPage).contains("UBND XÃ AN BÌNH").contains("(để báo cáo);");
		String drillPage = page("/reports/dossiers?period=2025-Q4&cell=came-due");
		assertThat(drillPage).contains("Số hồ sơ: 17.612")
			.contains("Mã hồ sơ")
			.contains("Hạn giải quyết theo quy định")
			.contains("/audit/dossiers/SEED-251001-00001")
			.contains("Đăng ký khai sinh")
			.contains("UBND xã An Bình")
			.contains("Trước hạn")
			.contains("Đang giải quyết, đã quá hạn")
			.doesNotContain("xa-an-binh</td>")
			.doesNotContain("EARLY");
		String drill = page("/api/reports/dossiers?period=2025-Q4&cell=came-due");
		Map<?, ?> codes = this.json.readValue(drill, Map.class);
		assertThat(((Number) codes.get("count")).longValue()).isEqualTo(17_612);
		Long direct = this.jdbc.queryForObject("""
				select count(*) from dossier where legal_due >= ? and legal_due < ? and status <> 'REFUSED'""",
				Long.class, Timestamp.from(QUARTER.start()), Timestamp.from(QUARTER.end()));
		assertThat(direct).isEqualTo(17_612);
	}

}
