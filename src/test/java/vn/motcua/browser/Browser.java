package vn.motcua.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver: no browser download.
 * Outside CI a machine without Chromium skips browser tests; in CI ({@code CI=true}) they must run.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final WebDriver driver;

	final WebDriverWait wait;

	private final String name;

	private int shot;

	private Browser(String name, String language) {
		this(name, language, null);
	}

	/** @param phone width and height in CSS pixels of an emulated phone, or null for a desktop window */
	private Browser(String name, String language, int[] phone) {
		this.name = name;
		ChromeOptions options = new ChromeOptions();
		if (phone != null) {
			options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
					java.util.Map.of("width", phone[0], "height", phone[1], "pixelRatio", 3.0, "touch", true), "userAgent",
					"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"));
		}
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,1000", "--lang=" + language);
		// the browser of an official in Vietnam: its clock in Vietnam time, whatever the build machine's zone
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withEnvironment(java.util.Map.of("TZ", "Asia/Ho_Chi_Minh"))
			.build();
		this.driver = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(60));
	}

	static Browser open(String name, String language) {
		boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!available && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
		}
		assumeTrue(available, "Debian chromium and chromium-driver are not installed");
		return new Browser(name, language);
	}

	/** A phone of {@code width} × {@code height} CSS pixels (e.g. 390 × 844), emulated by Chromium. */
	static Browser phone(String name, String language, int width, int height) {
		boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!available && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
		}
		assumeTrue(available, "Debian chromium and chromium-driver are not installed");
		return new Browser(name, language, new int[] { width, height });
	}

	/** Saves {@code target/screenshots/<browser>-<nn>-<step>.png}. */
	Path screenshot(String step) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", this.name, ++this.shot, step));
			Files.write(file, ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
