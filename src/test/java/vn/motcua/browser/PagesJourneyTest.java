package vn.motcua.browser;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen on a phone (390 × 844, emulated by Chromium) opens the lookup of a dossier waiting for
 * a supplement: a compact header without any staff link, and what to bring and by when. Another
 * journey: a supervisor's list of breached steps after the breach timer of a step fired
 * (executed explicitly, the engine clock moved, no waiting).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:pages-browser;DB_CLOSE_DELAY=-1;MODE=LEGACY",
				"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true" })
class PagesJourneyTest {

	/** Tasklist opened on this context's engine: other test contexts' engines live in the same JVM. */
	@Autowired
	org.camunda.bpm.engine.ProcessEngine processEngine;

	/** Monday 02/03/2026 09:00, an ordinary working day. */
	static final Date RECEIVED = Date.from(java.time.LocalDateTime.of(2026, 3, 2, 9, 0)
		.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
		.toInstant());

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private String[] receive(String applicant) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.AUTHORIZATION, "Basic "
				+ Base64.getEncoder().encodeToString("xa-an-binh.officer:demo".getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> body = Map.of("procedureKey", "birth-registration", "channel", "in-person", "applicant",
				Map.of("name", applicant, "idNumber", "001190012345", "phone", "0912345678", "address",
						"Thôn Đông, xã An Bình"),
				"documents", List.of("to-khai-dien-tu", "giay-chung-sinh"), "data",
				Map.of("childName", "Nguyễn Minh An", "childBirthDate", "2026-02-20", "childSex", "nam", "birthplace",
						"Bệnh viện đa khoa tỉnh", "motherName", applicant));
		ResponseEntity<Map> created = this.http.postForEntity(url("/api/dossiers"), new HttpEntity<>(body, headers),
				Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return new String[] { (String) created.getBody().get("code"), (String) created.getBody().get("lookupSecret") };
	}

	private Task step(String code, String group) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey("Task_HandleStep")
			.taskCandidateGroup(group)
			.singleResult();
	}

	@Test
	void aCitizenOnAPhoneSeesWhatToBringAndByWhen() {
		ClockUtil.setCurrentTime(RECEIVED);
		String[] received = receive("Trần Thị Mai");
		String code = received[0];
		this.tasks.complete(step(code, "xa-an-binh-officers").getId(),
				Map.of("stepOutcome", "supplement", "supplementItems", "Giấy chứng sinh bản chính"));
		Date due = this.jdbc.queryForObject("select citizen_due from supplement_request where dossier_code = ?",
				java.sql.Timestamp.class, code);
		String dueText = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
			.format(due.toInstant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));

		try (Browser phone = Browser.phone("citizen-phone", "vi", 390, 844)) {
			phone.driver.get(url("/tra-cuu"));
			phone.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code")));
			Number width = (Number) ((JavascriptExecutor) phone.driver).executeScript("return window.innerWidth;");
			assertThat(width.intValue()).isEqualTo(390);
			phone.driver.findElement(By.id("code")).sendKeys(" " + code.toLowerCase() + " ");
			phone.driver.findElement(By.id("secret")).sendKeys(received[1].toLowerCase());
			phone.screenshot("lookup-form");
			phone.driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
			phone.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("supplement")));
			String supplement = phone.driver.findElement(By.id("supplement")).getText();
			assertThat(supplement).contains("Cần bổ sung hồ sơ", "Giấy chứng sinh bản chính", "Hạn nộp bổ sung", dueText);
			assertThat(phone.driver.findElement(By.id("result")).getText()).contains("Hồ sơ " + code,
					"Chờ công dân bổ sung");
			JavascriptExecutor js = (JavascriptExecutor) phone.driver;
			Number header = (Number) js.executeScript("return document.querySelector('header.topbar').getBoundingClientRect().height;");
			assertThat(header.doubleValue()).as("header height on a 844 px screen").isLessThan(844 / 10.0);
			Number scroll = (Number) js.executeScript("return document.documentElement.scrollWidth;");
			assertThat(scroll.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(390);
			String top = phone.driver.findElement(By.cssSelector("header.topbar")).getText();
			assertThat(top).contains("Tra cứu hồ sơ").doesNotContain("Xử lý hồ sơ", "Kiểm tra", "Báo cáo", "Tiếp nhận");
			assertThat(phone.driver.findElements(By.cssSelector("a.staff, a[href*='/camunda/'], a[href$='/audit']")))
				.isEmpty();
			js.executeScript("document.getElementById('supplement').scrollIntoView();");
			phone.screenshot("supplement-on-phone");
		}
	}

	@Test
	void aSupervisorListsTheBreachedStepAfterItsTimerFired() {
		ClockUtil.setCurrentTime(RECEIVED);
		String code = receive("Lý Thị Hoa")[0];
		this.tasks.complete(step(code, "xa-an-binh-officers").getId(), Map.of("stepOutcome", "done"));
		Task birth = step(code, "xa-an-binh-officers");
		this.tasks.claim(birth.getId(), "xa-an-binh.officer");
		Job breach = this.management.createJobQuery()
			.processInstanceId(birth.getProcessInstanceId())
			.activityId("BoundaryEvent_StepBreach")
			.singleResult();
		ClockUtil.setCurrentTime(new Date(breach.getDuedate().getTime() + 3 * 3_600_000L));
		this.management.executeJob(breach.getId());

		try (Browser supervisor = Browser.open("supervisor-breaches", "vi")) {
			supervisor.driver.get(url("/login"));
			supervisor.driver.findElement(By.id("username")).sendKeys("xa-an-binh.supervisor");
			supervisor.driver.findElement(By.id("password")).sendKeys("demo");
			supervisor.driver.findElement(By.cssSelector("button[type=submit]")).click();
			supervisor.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			supervisor.driver.findElement(By.linkText("Bước quá hạn")).click();
			supervisor.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("breach-rows")));
			String row = supervisor.driver.findElements(By.cssSelector("tr.breach-row.breached"))
				.stream()
				.map(e -> e.getText())
				.filter(t -> t.contains(code))
				.findFirst()
				.orElseThrow();
			assertThat(row).contains("Quá hạn", "làm việc", "Đăng ký khai sinh", "UBND xã An Bình",
					"Mở việc đôn đốc trong Tasklist");
			supervisor.screenshot("breach-list");
			String link = supervisor.driver.findElement(By.cssSelector("tr.breached a.escalation-link")).getAttribute("href");
			assertThat(link).contains("/camunda/app/tasklist/").contains("?task=");
		}
	}

	@Test
	void theDeskStartsADossierInTasklistFollowsTheLinkToItsReceiptAndFindsItOnTheDeskPage() {
		ClockUtil.setCurrentTime(RECEIVED);
		try (Browser desk = Browser.open("desk-start", "vi")) {
			desk.driver.get(url("/camunda/app/tasklist/" + this.processEngine.getName() + "/"));
			// the first Tasklist of a fresh server loads its webjar: give a loaded machine time
			new org.openqa.selenium.support.ui.WebDriverWait(desk.driver, java.time.Duration.ofSeconds(240))
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
				.sendKeys("xa-an-binh.officer");
			desk.driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
			desk.driver.findElement(By.cssSelector("button[type='submit']")).click();
			desk.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks]")));
			desk.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
			desk.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
					"//ul[contains(@class,'processes')]//a[contains(normalize-space(.),'đăng ký khai sinh')]")))
				.click();
			desk.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container, .fjs-form")));
			desk.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(field("Họ và tên người nộp"))));
			type(desk, "Họ và tên người nộp", "Ngô Thị Lụa");
			type(desk, "Số định danh cá nhân", "001190012345");
			type(desk, "Số điện thoại", "0912345678");
			type(desk, "Địa chỉ thường trú", "Thôn Đông, xã An Bình");
			choose(desk, "Kênh tiếp nhận", "Trực tiếp");
			type(desk, "Họ, chữ đệm và tên của trẻ", "Ngô Minh Đức");
			date(desk, "Ngày sinh của trẻ", java.time.LocalDate.of(2026, 2, 20));
			click(desk, desk.driver.findElement(By.xpath(
					"//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='Nam']")));
			type(desk, "Nơi sinh", "Trạm y tế xã An Bình");
			type(desk, "Họ và tên mẹ", "Ngô Thị Lụa");
			click(desk, desk.driver.findElement(By.xpath("//label[contains(normalize-space(.),'Tờ khai điện tử liên thông')]")));
			click(desk, desk.driver.findElement(By.xpath("//label[contains(normalize-space(.),'Giấy chứng sinh (hoặc')]")));
			desk.screenshot("start-form-filled");
			click(desk, desk.wait.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("button[ng-click='startProcessInstance()']"))));

			// the custom script shows the new dossier's code and the link to its receipt
			var box = desk.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("motcua-receipt-link")));
			String text = box.getText();
			assertThat(text).contains("Đã tiếp nhận hồ sơ", "Xem phiếu tiếp nhận");
			String code = text.replaceAll("(?s).*Đã tiếp nhận hồ sơ (\\S+)\\..*", "$1");
			assertThat(this.jdbc.queryForObject("select applicant_name from dossier where code = ?", String.class, code))
				.isEqualTo("Ngô Thị Lụa");
			desk.screenshot("receipt-link-after-start");
			box.findElement(By.cssSelector("a.motcua-receipt")).click();
			desk.wait.until(ExpectedConditions.urlContains("/dossiers/"));
			desk.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), code));
			String receipt = desk.driver.findElement(By.tagName("body")).getText();
			assertThat(receipt).contains("GIẤY TIẾP NHẬN HỒ SƠ", code, "Ngô Thị Lụa");
			desk.screenshot("receipt");

			// the desk page of the day lists it, with its receipt, without a second login
			desk.driver.get(url("/desk"));
			desk.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("desk-rows")));
			assertThat(desk.driver.findElement(By.id("desk-count")).getText()).startsWith("Hôm nay đã tiếp nhận");
			assertThat(desk.driver.findElement(By.id("desk-rows")).getText()).contains(code, "Ngô Thị Lụa");
			desk.screenshot("desk-today");
			desk.driver.findElement(By.id("desk-q")).sendKeys("lụa");
			desk.driver.findElement(By.id("desk-submit")).click();
			desk.wait.until(ExpectedConditions.urlContains("q="));
			assertThat(desk.driver.findElements(By.cssSelector("tr.desk-row"))).hasSize(1);
			desk.driver.findElement(By.cssSelector("tr.desk-row a.receipt-link")).click();
			desk.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "GIẤY TIẾP NHẬN HỒ SƠ"));
			desk.screenshot("desk-search-receipt");
		}
	}

	private static String field(String label) {
		return "//div[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.),'" + label + "')]]";
	}

	private static void type(Browser browser, String label, String value) {
		var input = browser.driver.findElement(By.xpath(field(label) + "//input[not(@type='checkbox') and not(@type='radio')]"));
		click(browser, input);
		input.sendKeys(value);
	}

	private static void choose(Browser browser, String label, String option) {
		click(browser, browser.driver.findElement(By.xpath(field(label) + "//div[contains(@class,'fjs-input-group')]")));
		click(browser, browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(field(label)
				+ "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']"))));
	}

	private static void date(Browser browser, String label, java.time.LocalDate day) {
		var input = browser.driver.findElement(By.xpath(field(label) + "//input"));
		click(browser, input);
		String placeholder = String.valueOf(input.getAttribute("placeholder")).toLowerCase();
		String text = placeholder.startsWith("dd") ? String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(),
				day.getYear()) : String.format("%02d/%02d/%d", day.getMonthValue(), day.getDayOfMonth(), day.getYear());
		input.sendKeys(text);
		input.sendKeys(org.openqa.selenium.Keys.ENTER);
		input.sendKeys(org.openqa.selenium.Keys.TAB);
	}

	private static void click(Browser browser, org.openqa.selenium.WebElement element) {
		((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
