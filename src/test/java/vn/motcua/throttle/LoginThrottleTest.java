package vn.motcua.throttle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.throttle.ClientHttp.basic;

/**
 * A stranger guessing an official's password from one address slows down only that address, with
 * a growing wait, on every login path; the official logs in from elsewhere as usual.
 */
class LoginThrottleTest extends PerimeterTestBase {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ThrottleProperties properties;

	@Autowired
	ThrottleClock throttleClock;

	static final String OFFICIAL = "xa-an-binh.officer";

	static final String FORM = "application/x-www-form-urlencoded";

	ClientHttp.Response engineRest(ClientHttp client, String password) {
		return client.get("/engine-rest/task", "Authorization", basic(OFFICIAL, password));
	}

	/** Motcua's form login: answers where it redirects to. */
	String formLogin(ClientHttp client, String password) {
		ClientHttp.Response page = client.get("/login");
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
		ClientHttp.Response answer = client.post("/login", FORM, "username=" + OFFICIAL + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1), "Accept", "text/html");
		return answer.status() == 302 ? answer.header("Location") : "status " + answer.status();
	}

	/** The Camunda webapps' own login, as Tasklist sends it. */
	ClientHttp.Response webappLogin(ClientHttp client, String password) {
		client.get("/camunda/app/tasklist/default/");
		String xsrf = client.cookie("XSRF-TOKEN");
		return client.post("/camunda/api/admin/auth/user/default/login/tasklist", FORM,
				"username=" + OFFICIAL + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
				"X-XSRF-TOKEN", xsrf == null ? "" : xsrf);
	}

	@Test
	void elevenWrongPasswordsFromOneAddressNeitherLockTheOfficialNorStopTheirLogins() {
		ClientHttp attacker = from("127.0.0.66");
		List<Long> waits = new ArrayList<>();
		for (int attempt = 1; attempt <= 11; attempt++) {
			ClientHttp.Response wrong = engineRest(attacker, "doan-mo-" + attempt);
			assertThat(wrong.status()).as("attempt %d is checked and refused", attempt).isEqualTo(401);
			ClientHttp.Response next = engineRest(attacker, "demo");
			if (next.status() == 429) {
				long seconds = Long.parseLong(next.header("Retry-After"));
				waits.add(seconds);
				CLOCK.advance(Duration.ofSeconds(seconds));
			}
			else {
				// Within the free failures the right password still works from the same address.
				assertThat(next.status()).as("attempt %d", attempt).isEqualTo(200);
			}
		}
		// Five free failures, then 2 s doubling: the attacker's wait grows with each failure.
		assertThat(waits).containsExactly(2L, 4L, 8L, 16L, 32L, 64L);

		ClientHttp official = from("127.0.0.7");
		assertThat(engineRest(official, "demo").status()).isEqualTo(200);
		assertThat(official.get("/api/dossiers/000.00.00.H00-991231-9999", "Authorization", basic(OFFICIAL, "demo"))
			.status()).as("Motcua's API with HTTP Basic").isEqualTo(404);
		assertThat(formLogin(from("127.0.0.8"), "demo")).doesNotContain("error");
		assertThat(webappLogin(from("127.0.0.9"), "demo").status()).isEqualTo(200);
	}

	@Test
	void aWaitingAddressGets429InVietnameseWithoutItsPasswordBeingChecked() {
		ClientHttp attacker = from("127.0.0.67");
		for (int attempt = 1; attempt <= 6; attempt++) {
			assertThat(engineRest(attacker, "sai").status()).isEqualTo(401);
		}
		ClientHttp.Response blocked = engineRest(attacker, "demo");
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.header("Retry-After")).isEqualTo("2");
		assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
		assertThat(blocked.body()).contains("quá nhiều lần đăng nhập sai", "thử lại sau 2 giây",
				"\"type\":\"urn:motcua:problem:too-many-requests\"", "\"status\":429", "\"message\":");
		CLOCK.advance(Duration.ofMillis(1500));
		assertThat(engineRest(attacker, "demo").header("Retry-After")).as("rounded up").isEqualTo("1");
		CLOCK.advance(Duration.ofMillis(500));
		assertThat(engineRest(attacker, "demo").status()).isEqualTo(200);
		assertThat(engineRest(attacker, "sai").status()).isEqualTo(401);
		assertThat(engineRest(attacker, "demo").header("Retry-After")).isEqualTo("4");
	}

	@Test
	void oneWrongPasswordDoesNotDelayTheRightOne() {
		ClientHttp official = from("127.0.0.10");
		assertThat(engineRest(official, "dmeo").status()).isEqualTo(401);
		assertThat(engineRest(official, "demo").status()).isEqualTo(200);
		assertThat(webappLogin(official, "dmeo").status()).isEqualTo(401);
		assertThat(webappLogin(official, "demo").status()).isEqualTo(200);
	}

	@Test
	void everyLoginPathCountsAgainstTheSameAddress() {
		ClientHttp attacker = from("127.0.0.68");
		assertThat(formLogin(attacker, "sai")).contains("/login?error");
		assertThat(webappLogin(attacker, "sai").status()).isEqualTo(401);
		assertThat(attacker.get("/", "Authorization", basic(OFFICIAL, "sai")).status()).isEqualTo(401);
		assertThat(attacker.get("/api/dossiers/X", "Authorization", basic(OFFICIAL, "sai")).status()).isEqualTo(401);
		assertThat(engineRest(attacker, "sai").status()).isEqualTo(401);
		assertThat(engineRest(attacker, "sai").status()).as("the sixth failure").isEqualTo(401);

		assertThat(formLogin(attacker, "demo")).isEqualTo("status 429");
		ClientHttp.Response page = attacker.post("/login", FORM, "username=" + OFFICIAL + "&password=demo", "Accept",
				"text/html");
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("Quá nhiều yêu cầu", "thử lại sau 2 giây", "Quay lại trang đăng nhập");
		assertThat(webappLogin(attacker, "demo").status()).isEqualTo(429);
		assertThat(attacker.get("/api/dossiers/X", "Authorization", basic(OFFICIAL, "demo")).status()).isEqualTo(429);
		assertThat(attacker.get("/tra-cuu").status()).as("pages without credentials are not throttled").isEqualTo(200);
	}

	@Test
	void twoNodesCountEveryFailureOfOneAddressUnderConcurrency() throws Exception {
		LoginThrottle node1 = new LoginThrottle(this.jdbc, this.properties, this.throttleClock);
		LoginThrottle node2 = new LoginThrottle(this.jdbc, this.properties, this.throttleClock);
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int thread = 0; thread < 16; thread++) {
				LoginThrottle node = thread % 2 == 0 ? node1 : node2;
				done.add(pool.submit(() -> {
					for (int i = 0; i < 4; i++) {
						node.failed("192.0.2.1");
					}
				}));
			}
			for (Future<?> f : done) {
				f.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select failures from login_failure where client = '192.0.2.1'").query(Integer.class).single())
			.isEqualTo(64);
		assertThat(node2.waitFor("192.0.2.1")).as("the other node sees the wait").isPresent();
	}

	@Test
	void anAddressIsForgivenAfterAnHourWithoutFailures() {
		ClientHttp client = from("127.0.0.69");
		for (int attempt = 1; attempt <= 6; attempt++) {
			engineRest(client, "sai");
		}
		assertThat(engineRest(client, "demo").status()).isEqualTo(429);
		CLOCK.advance(Duration.ofHours(1));
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(engineRest(client, "sai").status()).isEqualTo(401);
		}
		assertThat(engineRest(client, "demo").status()).as("five free failures again").isEqualTo(200);
	}

}
