package vn.motcua.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's proof in a real browser: a commune officer works a demo dossier in the Vietnamese
 * Tasklist, the commune police then see the handed-off task, and another commune never sees it.
 * Screenshots of every step land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:journey;DB_CLOSE_DELAY=-1;MODE=LEGACY",
				"camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class TasklistJourneyTest {

	/** Tasklist opened on this context's engine: other test contexts' engines live in the same JVM. */
	@Autowired
	org.camunda.bpm.engine.ProcessEngine processEngine;

	private static final String CHECK_COMPLETENESS = "Kiểm tra tính đầy đủ của hồ sơ";

	private static final String REGISTER_BIRTH = "Đăng ký khai sinh";

	private static final String REGISTER_RESIDENCE = "Đăng ký thường trú";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Test
	void aCommuneOfficerCompletesTasksInVietnameseAndThePoliceReceiveTheDossier() throws Exception {
		String code = receiveBirthDossier();

		try (Browser officer = Browser.open("1-commune-officer", "en-US")) {
			login(officer, "xa-an-binh.officer");
			officer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Việc của đơn vị"));
			assertThat(bodyText(officer)).contains("Việc của đơn vị", "Sắp đến hạn", "Quá hạn", "Bắt đầu quy trình")
				.doesNotContain("Start process", "Camunda 8");
			officer.screenshot("tasklist-in-vietnamese");

			openTask(officer, CHECK_COMPLETENESS);
			assertThat(bodyText(officer)).contains("Kết quả xử lý", "Hoàn thành, chuyển bước tiếp theo");
			assertThat(fieldValues(officer)).contains(code, "Trần Thị Mai");
			officer.screenshot("completeness-form");
			completeWith(officer, "Hoàn thành, chuyển bước tiếp theo", Map.of());
			officer.screenshot("completeness-done");

			openTask(officer, REGISTER_BIRTH);
			assertThat(bodyText(officer)).contains("Số đăng ký khai sinh");
			completeWith(officer, "Hoàn thành, chuyển bước tiếp theo", Map.of("Số đăng ký khai sinh", "123/2026"));
			officer.screenshot("birth-registered");

			officer.driver.navigate().refresh();
			officer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Việc của đơn vị"));
			assertThat(taskNames(officer)).doesNotContain(REGISTER_RESIDENCE, REGISTER_BIRTH, CHECK_COMPLETENESS);
			officer.screenshot("handed-off");
		}

		try (Browser police = Browser.open("2-commune-police", "vi")) {
			login(police, "ca-xa-an-binh.officer");
			police.wait.until(d -> taskNames(police).contains(REGISTER_RESIDENCE));
			openTask(police, REGISTER_RESIDENCE);
			assertThat(fieldValues(police)).contains(code);
			police.screenshot("residence-task-received");
		}

		try (Browser stranger = Browser.open("3-other-commune", "vi")) {
			login(stranger, "xa-hoa-phu.officer");
			stranger.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Việc của đơn vị"));
			assertThat(bodyText(stranger)).doesNotContain(code);
			assertThat(fieldValues(stranger)).doesNotContain(code);
			assertThat(taskNames(stranger)).isEmpty();
			stranger.screenshot("sees-nothing");
		}
	}

	private String receiveBirthDossier() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set(HttpHeaders.AUTHORIZATION, "Basic "
				+ Base64.getEncoder().encodeToString("xa-an-binh.officer:demo".getBytes(StandardCharsets.UTF_8)));
		Map<String, Object> body = Map.of("procedureKey", "birth-registration", "channel", "in-person",
				"applicant",
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
		browser.screenshot("login-" + user);
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
		WebElement claim = browser.wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("button.claim, [ng-click='claim()']")));
		claim.click();
		browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container, .fjs-form")));
		browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Kết quả xử lý"));
	}

	private void completeWith(Browser browser, String outcomeLabel, Map<String, String> fields) {
		fields.forEach((label, value) -> {
			WebElement field = browser.driver.findElement(By.xpath(
					"//label[contains(@class,'fjs-form-field-label')][contains(normalize-space(.),'" + label + "')]"
							+ "/following::input[1]"));
			((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
			field.clear();
			field.sendKeys(value);
		});
		click(browser, browser.driver.findElement(By.xpath("//label[contains(normalize-space(.),'" + outcomeLabel + "')]")));
		click(browser, browser.wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("button[ng-click='complete()'], button.btn-primary[type='submit']"))));
		browser.wait
			.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));
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

	static {
		try {
			Files.createDirectories(Browser.SCREENSHOTS);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
