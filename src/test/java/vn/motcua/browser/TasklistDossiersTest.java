package vn.motcua.browser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
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
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 in a real browser (an English one, to prove the Vietnamese does not depend on it): an
 * official's list of several dossiers, each card naming its dossier code and applicant, searched by
 * code; the completeness check with the documents received and the header of appointment, due time
 * and time left; validation in Vietnamese; dates dd/mm/yyyy; the follow-up date saved. Screenshots
 * in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:tasklist-dossiers;DB_CLOSE_DELAY=-1;MODE=LEGACY",
				"camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class TasklistDossiersTest {

	/** Tasklist opened on this context's engine: other test contexts' engines live in the same JVM. */
	@Autowired
	org.camunda.bpm.engine.ProcessEngine processEngine;

	private static final String CHECK_COMPLETENESS = "Kiểm tra tính đầy đủ của hồ sơ";

	private static final String REGISTER_BIRTH = "Đăng ký khai sinh";

	/** English texts of form-js and the date pickers that must never reach an official. */
	private static final List<String> ENGLISH = List.of("Field is required", "Field must", "Select", "Search",
			"January", "December", "Sunday", "Monday", "mm/dd/yyyy", "Value is");

	private static final String[] APPLICANTS = { "Trần Thị Mai", "Lê Văn Hùng", "Phạm Thu Hà" };

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	TaskService tasks;

	@Test
	void officialsFindDossiersByCodeAndWorkThemInVietnamese() {
		List<String> codes = new ArrayList<>();
		for (String applicant : APPLICANTS) {
			codes.add(receiveBirthDossier(applicant));
		}

		try (Browser officer = Browser.open("tasklist-dossiers", "en-US")) {
			login(officer, "xa-an-binh.officer");
			officer.wait.until(d -> cards(officer).size() >= APPLICANTS.length);
			// every card: dossier code, procedure, applicant, step and its due time
			for (int i = 0; i < APPLICANTS.length; i++) {
				String card = card(officer, codes.get(i));
				assertThat(card).contains(codes.get(i), APPLICANTS[i], CHECK_COMPLETENESS, "Mã hồ sơ", "Người nộp",
						"Thủ tục", "Liên thông: đăng ký khai sinh", "Hạn xử lý")
					.containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
			}
			officer.screenshot("cards-of-three-dossiers");

			// a code typed into the search finds its dossier: the dossier code is the first criterion
			WebElement search = officer.driver.findElement(By.cssSelector("[cam-widget-search] input.main-field"));
			search.sendKeys(codes.get(1).substring(codes.get(1).length() - 4));
			search.sendKeys(Keys.ENTER);
			officer.wait.until(d -> cards(officer).size() == 1);
			assertThat(cards(officer).get(0)).contains(codes.get(1), APPLICANTS[1]);
			assertThat(bodyText(officer)).contains("Mã hồ sơ");
			officer.screenshot("searched-by-code");

			openCard(officer, codes.get(1));
			assertThat(fieldValues(officer)).contains(codes.get(1), APPLICANTS[1]);
			String documents = value(officer, "Thành phần hồ sơ đã nhận");
			assertThat(documents).contains("Giấy chứng sinh (hoặc giấy tờ thay thế)",
					"Giấy tờ tùy thân của người đi đăng ký", "Tờ khai điện tử liên thông")
				.doesNotContain("giay-chung-sinh");
			assertThat(value(officer, "Ngày hẹn trả kết quả")).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
			assertThat(value(officer, "Hạn xử lý của bước này")).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
			assertThat(value(officer, "Thời gian còn lại")).matches("(Còn|Quá hạn) .* làm việc");
			assertThat(bodyText(officer)).contains("Ngày hẹn trả kết quả", "Hạn xử lý của bước này", "Thời gian còn lại");
			officer.screenshot("completeness-header-and-documents");

			// completing without an outcome: form-js' required message, in Vietnamese only
			click(officer, officer.wait.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("button[ng-click='complete()'], button.btn-primary[type='submit']"))));
			officer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
					"Vui lòng nhập trường này."));
			assertNoEnglish(officer);
			officer.screenshot("validation-in-vietnamese");

			// the follow-up date is saved (Tasklist sends the whole task back, its form reference included)
			String taskId = taskOf(codes.get(1)).getId();
			jsClick(officer, officer.driver.findElement(By.xpath("//a[normalize-space(.)='Đặt ngày theo dõi']")));
			WebElement picker = officer.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".cam-widget-inline-field.field-control .uib-daypicker")));
			assertThat(picker.getText()).containsPattern("Tháng \\d{1,2}, \\d{4}")
				.doesNotContainPattern("January|February|March|April|May|June|July|August|September|October|November|December");
			assertThat(officer.driver.findElement(By.cssSelector(".cam-widget-inline-field.field-control")).getText())
				.doesNotContain("AM", "PM");
			List<String> weekdays = picker.findElements(By.cssSelector("thead th small"))
				.stream()
				.map(e -> e.getText().trim())
				.filter(t -> t.matches("CN|T[2-7]"))
				.toList();
			assertThat(weekdays).startsWith("T2").contains("CN");
			officer.screenshot("follow-up-picker");
			jsClick(officer, officer.driver.findElement(By.xpath("//button[contains(@ng-click,'applyChange')]")));
			officer.wait.until(d -> this.tasks.createTaskQuery().taskId(taskId).singleResult().getFollowUpDate() != null);
			assertThat(bodyText(officer)).doesNotContain("CamundaFormRef", "Cannot construct");
			officer.screenshot("follow-up-saved");

			// finish the check, then the birth registration shows the child's birth date dd/mm/yyyy
			click(officer, officer.driver.findElement(By.xpath("//label[contains(normalize-space(.),'Hoàn thành, chuyển bước tiếp theo')]")));
			// the toast of the refused attempt may lie over the button
			jsClick(officer, officer.driver.findElement(By.cssSelector("button[ng-click='complete()'], button.btn-primary[type='submit']")));
			officer.wait.until(d -> taskOf(codes.get(1)).getName().equals(REGISTER_BIRTH));
			officer.driver.navigate().refresh();
			officer.wait.until(d -> !cards(officer).isEmpty());
			openCard(officer, codes.get(1));
			officer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Số đăng ký khai sinh"));
			assertThat(fieldValues(officer)).contains("20/11/2026").doesNotContain("2026-11-20");
			assertNoEnglish(officer);
			officer.screenshot("birth-date-dd-mm-yyyy");
		}
	}

	private Task taskOf(String code) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
	}

	private static void assertNoEnglish(Browser browser) {
		String form = browser.driver.findElement(By.cssSelector(".fjs-container")).getText();
		@SuppressWarnings("unchecked")
		List<String> placeholders = (List<String>) ((JavascriptExecutor) browser.driver).executeScript(
				"return Array.from(document.querySelectorAll('.fjs-container [placeholder]')).map(e => e.getAttribute('placeholder'));");
		for (String english : ENGLISH) {
			assertThat(form).as("form text").doesNotContain(english);
			assertThat(placeholders).as("placeholders").noneMatch(p -> p.contains(english));
		}
	}

	private String receiveBirthDossier(String applicant) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.AUTHORIZATION, "Basic "
				+ Base64.getEncoder().encodeToString("xa-an-binh.officer:demo".getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> body = Map.of("procedureKey", "birth-registration", "channel", "in-person", "applicant",
				Map.of("name", applicant, "idNumber", "001190012345", "phone", "0912345678", "address",
						"Thôn Đông, xã An Bình"),
				"documents", List.of("to-khai-dien-tu", "giay-chung-sinh", "giay-to-tuy-than"), "data",
				Map.of("childName", "Nguyễn Minh An", "childBirthDate", "2026-11-20", "childSex", "nam", "birthplace",
						"Bệnh viện đa khoa tỉnh", "motherName", applicant));
		ResponseEntity<Map> created = this.http.postForEntity(url("/api/dossiers"), new HttpEntity<>(body, headers),
				Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) created.getBody().get("code");
	}

	private void login(Browser browser, String user) {
		browser.driver.get(url("/camunda/app/tasklist/" + this.processEngine.getName() + "/"));
		browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
			.sendKeys(user);
		browser.driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
		browser.driver.findElement(By.cssSelector("button[type='submit']")).click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks]")));
	}

	private static void openCard(Browser browser, String code) {
		WebElement card = browser.driver.findElements(By.cssSelector("ol.tasks-list li.task"))
			.stream()
			.filter(c -> c.getText().contains(code))
			.findFirst()
			.orElseThrow();
		click(browser, card.findElement(By.cssSelector("h4.task a")));
		WebElement claim = browser.wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("button.claim, [ng-click='claim()']")));
		claim.click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container, .fjs-form")));
		browser.wait.until(d -> fieldValues(browser).contains(code));
	}

	private static List<String> cards(Browser browser) {
		return browser.driver.findElements(By.cssSelector("ol.tasks-list li.task"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static String card(Browser browser, String code) {
		return cards(browser).stream().filter(c -> c.contains(code)).findFirst().orElseThrow(
				() -> new AssertionError("no card shows " + code + ": " + cards(browser)));
	}

	/** The value of the form field with this label. */
	private static String value(Browser browser, String label) {
		WebElement field = browser.driver.findElement(By.xpath(
				"//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='" + label + "']"
						+ "/following::*[self::input or self::textarea][1]"));
		return field.getAttribute("value");
	}

	/** Tasklist's inline fields open on their own click handler, which a synthetic click reaches reliably. */
	private static void jsClick(Browser browser, WebElement element) {
		((JavascriptExecutor) browser.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
	}

	private static void click(Browser browser, WebElement element) {
		((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	@SuppressWarnings("unchecked")
	private static List<String> fieldValues(Browser browser) {
		return (List<String>) ((JavascriptExecutor) browser.driver)
			.executeScript("return Array.from(document.querySelectorAll('input, textarea')).map(e => e.value);");
	}

	private static String bodyText(Browser browser) {
		return browser.driver.findElement(By.tagName("body")).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
