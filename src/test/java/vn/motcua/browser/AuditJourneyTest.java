package vn.motcua.browser;

import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor in headless Chromium: logs in, searches a dossier by code, opens its timeline, the
 * control sheet (form 05) and its PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:audit-browser;DB_CLOSE_DELAY=-1;MODE=LEGACY",
				"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true" })
class AuditJourneyTest {

	static final String CODE = "000.31.31.H99-250303-0042";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void auditorSearchesOpensTheTimelineAndTheControlSheetPdf() {
		LocalDateTime received = LocalDateTime.of(2025, 3, 3, 8, 15);
		if (this.jdbc.queryForObject("select count(*) from dossier where code = ?", Integer.class, CODE) == 0) {
			this.jdbc.update("""
					insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit, received_by,
					  applicant_name, channel, legal_working_days, received_at, original_due, legal_due, due_at, status,
					  finished_at, timeliness)
					values (?, 'birth-registration', 'Liên thông đăng ký khai sinh, thường trú, cấp thẻ BHYT', 1, 'xa-an-binh',
					  'xa-an-binh.officer', 'Phạm Thị Hồng', 'in-person', 3, ?, ?, ?, ?, 'RETURNED', ?, 'EARLY')""", CODE,
					Timestamp.valueOf(received), Timestamp.valueOf(received.plusDays(3)),
					Timestamp.valueOf(received.plusDays(3)), Timestamp.valueOf(received.plusDays(3)),
					Timestamp.valueOf(received.plusDays(1)));
			this.jdbc.update("""
					insert into handoff (dossier_code, step_instance_id, step_name, function_code, from_unit, to_unit, sent_at,
					  received_at, due_at, allotted_days, finished_at, finished_by, working_days_used, outcome, step_outcome)
					values (?, 'none', 'Đăng ký thường trú', 'residence', 'xa-an-binh', 'ca-xa-an-binh', ?, ?, ?, 2, ?,
					  'ca-xa-an-binh.officer', 0.5, 'EARLY', 'done')""", CODE, Timestamp.valueOf(received.plusHours(1)),
					Timestamp.valueOf(received.plusHours(1)), Timestamp.valueOf(received.plusDays(2)),
					Timestamp.valueOf(received.plusHours(5)));
		}
		String base = "http://localhost:" + this.port;
		try (Browser browser = Browser.open("audit", "vi")) {
			browser.driver.get(base + "/login");
			browser.driver.findElement(By.id("username")).sendKeys("auditor");
			browser.driver.findElement(By.id("password")).sendKeys("demo");
			browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
			browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

			browser.driver.get(base + "/audit");
			browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("audit-search")));
			browser.driver.findElement(By.name("code")).sendKeys("000.31.31.H99-250303");
			browser.screenshot("search-form");
			browser.driver.findElement(By.id("search-submit")).click();
			browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.dossier-link")));
			assertThat(browser.driver.findElement(By.id("result-count")).getText()).startsWith("Tìm thấy 1 hồ sơ");
			browser.screenshot("search-results");

			browser.driver.findElement(By.cssSelector("a.dossier-link")).click();
			browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("steps")));
			String timeline = browser.driver.findElement(By.tagName("main")).getText();
			assertThat(timeline).contains("Hồ sơ " + CODE, "Công an xã An Bình", "Cán bộ Công an xã An Bình",
					"03/03/2025 09:15", "Trước hạn");
			browser.screenshot("timeline");

			browser.driver.findElement(By.id("control-sheet")).click();
			browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sheet-rows")));
			assertThat(browser.driver.findElement(By.tagName("body")).getText())
				.contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 05", CODE);
			browser.screenshot("control-sheet");

			String pdfUrl = browser.driver.findElement(By.id("sheet-pdf")).getAttribute("href");
			Object probe = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					fetch(arguments[0], { credentials: 'same-origin' })
					  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
					    + String.fromCharCode(...new Uint8Array(b.slice(0, 5))) + ' ' + b.byteLength)))
					  .catch(e => done('error ' + e));""", pdfUrl);
			assertThat(probe.toString()).matches("200 application/pdf(;charset=UTF-8)? %PDF- \\d+");
			long size = Long.parseLong(probe.toString().substring(probe.toString().lastIndexOf(' ') + 1));
			assertThat(size).isGreaterThan(5_000);
			browser.driver.get(pdfUrl);
			browser.screenshot("control-sheet-pdf");
		}
	}

}
