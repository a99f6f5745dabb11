package vn.motcua.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

/**
 * A rule of the procedure refuses a completion in the real Tasklist: the commune asks the citizen
 * for a second supplement of the same dossier, which the law allows once per agency. Tasklist
 * shows the rule's one Vietnamese sentence, without ENGINE codes, task ids or the engine's
 * English wrapping, and its notification leaves the form's buttons free. Also: Motcua's pages
 * answer an official who opens a page that is not theirs with the Vietnamese 403 page, and do not
 * offer them its link. Screenshots in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:refusal;DB_CLOSE_DELAY=-1;MODE=LEGACY",
				"camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class TasklistRefusalTest {

	/** Tasklist opened on this context's engine: other test contexts' engines live in the same JVM. */
	@Autowired
	org.camunda.bpm.engine.ProcessEngine processEngine;

	private static final String OFFICER = "xa-an-binh.officer";

	private static final String REGISTER_BIRTH = "Đăng ký khai sinh";

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	TaskService tasks;

	@Test
	void aSecondSupplementIsRefusedWithTheRulesOwnSentence() throws Exception {
		String code = receiveBirthDossier();
		// the commune checked the dossier, asked once for a supplement, and the citizen brought it
		complete(code, Map.of("stepOutcome", "done"));
		complete(code, Map.of("stepOutcome", "supplement", "supplementItems", "Giấy chứng sinh bản chính"));
		complete(code, Map.of("supplementReceived", true));

		try (Browser officer = Browser.open("refusal-commune-officer", "vi")) {
			login(officer, OFFICER);
			openTask(officer, REGISTER_BIRTH);
			click(officer, officer.driver.findElement(By.xpath("//label[contains(normalize-space(.),'Yêu cầu bổ sung hồ sơ')]")));
			WebElement items = officer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea")));
			items.sendKeys("Văn bản ủy quyền");
			WebElement complete = officer.wait.until(ExpectedConditions
				.elementToBeClickable(By.cssSelector("button[ng-click='complete()'], button.btn-primary[type='submit']")));
			click(officer, complete);
			WebElement notification = officer.wait.until(ExpectedConditions
				.visibilityOfElementLocated(By.cssSelector(".notifications .alert-danger, .notifications .alert")));
			officer.wait.until(d -> notification.getText().contains("một lần"));
			officer.screenshot("second-supplement-refused");

			String text = notification.getText();
			assertThat(text).contains("Đơn vị đã yêu cầu bổ sung hồ sơ " + code + " một lần",
					"mỗi cơ quan chỉ được yêu cầu bổ sung hồ sơ một lần")
				.doesNotContain("ENGINE-", "Cannot submit", "TaskListener", "Exception", "Message:")
				.doesNotContainPattern(UUID);
			// the notification leaves the form's buttons (Lưu, Hoàn thành) free to click
			assertThat(overlaps(officer, notification, complete)).as("notification covers «Hoàn thành»").isFalse();
			assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(code).taskName(REGISTER_BIRTH).count())
				.as("the step is still open").isEqualTo(1);
		}
	}

	@Test
	void motcuaPagesAnswerAnOfficialInVietnameseAndOfferOnlyTheirLinks() {
		try (Browser officer = Browser.open("pages-commune-officer", "en-US")) {
			officer.driver.get(url("/login"));
			officer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(OFFICER);
			officer.driver.findElement(By.name("password")).sendKeys("demo");
			officer.driver.findElement(By.cssSelector("form button[type='submit'], form input[type='submit']")).click();
			officer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), OFFICER));
			officer.driver.get(url("/"));
			String home = bodyText(officer);
			assertThat(home).contains("Tra cứu hồ sơ").doesNotContain("Kiểm tra, giám sát");
			assertThat(officer.driver.findElements(By.cssSelector("a[href='/audit'], a[href='/reports']"))).isEmpty();
			officer.screenshot("home-without-audit");
			for (String page : List.of("/audit", "/reports", "/audit/integrity")) {
				officer.driver.get(url(page));
				String text = bodyText(officer);
				assertThat(text).as(page)
					.contains("Không có quyền", "Mã lỗi 403")
					.doesNotContain("Whitelabel", "Forbidden", "There was an unexpected error");
			}
			officer.screenshot("audit-forbidden");
			officer.driver.get(url("/khong-co-trang"));
			assertThat(bodyText(officer)).contains("Không tìm thấy", "Mã lỗi 404").doesNotContain("Whitelabel", "Not Found");
		}
	}

	/** Completes the open task of the dossier as the engine would for its assignee (no browser). */
	private void complete(String code, Map<String, Object> variables) {
		Task task = this.tasks.createTaskQuery().processInstanceBusinessKey(code).list().get(0);
		this.tasks.complete(task.getId(), variables);
	}

	private static boolean overlaps(Browser browser, WebElement a, WebElement b) {
		return (Boolean) ((JavascriptExecutor) browser.driver).executeScript("""
				const r = arguments[0].getBoundingClientRect(), s = arguments[1].getBoundingClientRect();
				return !(r.right <= s.left || s.right <= r.left || r.bottom <= s.top || s.bottom <= r.top);""", a, b);
	}

	private String receiveBirthDossier() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.AUTHORIZATION,
				"Basic " + Base64.getEncoder().encodeToString((OFFICER + ":demo").getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> body = Map.of("procedureKey", "birth-registration", "channel", "in-person", "applicant",
				Map.of("name", "Trần Thị Mai", "idNumber", "001190012345", "phone", "0912345678", "address",
						"Thôn Đông, xã An Bình"),
				"documents", List.of("to-khai-dien-tu", "giay-chung-sinh", "giay-to-tuy-than"), "data",
				Map.of("childName", "Nguyễn Minh An", "childBirthDate", "2026-11-20", "childSex", "nam", "birthplace",
						"Bệnh viện đa khoa tỉnh", "motherName", "Trần Thị Mai"));
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

	private void openTask(Browser browser, String name) {
		browser.wait.until(d -> taskNames(browser).contains(name));
		browser.driver.findElements(By.cssSelector("ol.tasks-list li.task h4.task a"))
			.stream()
			.filter(a -> a.getText().trim().equals(name))
			.findFirst()
			.orElseThrow()
			.click();
		WebElement claim = browser.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim, [ng-click='claim()']")));
		claim.click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container, .fjs-form")));
		browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Kết quả xử lý"));
	}

	private static List<String> taskNames(Browser browser) {
		return browser.driver.findElements(By.cssSelector("ol.tasks-list li.task h4.task a"))
			.stream()
			.map(a -> a.getText().trim())
			.toList();
	}

	private static void click(Browser browser, WebElement element) {
		((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	private static String bodyText(Browser browser) {
		return browser.driver.findElement(By.tagName("body")).getText();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
