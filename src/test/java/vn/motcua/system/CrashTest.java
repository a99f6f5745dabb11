package vn.motcua.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.yaml.snakeyaml.Yaml;

/**
 * Kill -9 loses nothing that was answered. The application runs in its own JVM on a database in
 * {@code target/}; four desks receive dossiers and complete tasks over REST; the JVM is killed
 * with SIGKILL while they work (2 s after at least 12 dossiers and 3 completions were answered); it is started again on the same database. Every dossier answered
 * 201 is there with its own applicant (its code was not given to another dossier), every task
 * completion answered 204 is in the history, and dossiers received after the restart get new
 * codes. On the embedded default (H2 file, the URL of {@code application.yaml}) and on
 * PostgreSQL with {@code -Dmotcua.test.postgres=true}.
 */
class CrashTest {

	static final String OFFICER = "xa-an-binh.officer";

	static final int DESKS = 4;

	static final int MIN_ANSWERED = 12;

	static final Duration LOAD_AFTER_ANSWERS = Duration.ofSeconds(2);

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final String DONE = "{\"variables\": {\"stepOutcome\": {\"value\": \"done\", \"type\": \"String\"}}}";

	@Test
	void h2FileDatabaseLosesNothingAnswered() throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "crash-h2", String.valueOf(System.nanoTime())));
		String url = defaultUrl().replace("./data/motcua", dir.toAbsolutePath().resolve("motcua").toString());
		assertThat(url).contains(dir.toAbsolutePath().toString()).contains("WRITE_DELAY=0");
		crashAndRestart(dir, List.of("--spring.datasource.url=" + url));
	}

	@Test
	@EnabledIfSystemProperty(named = "motcua.test.postgres", matches = "true")
	void postgresLosesNothingAnswered() throws Exception {
		String database = "motcua_errors_durability";
		try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + database);
			sql.execute("CREATE DATABASE " + database);
		}
		Path dir = Files.createDirectories(Path.of("target", "crash-postgres", String.valueOf(System.nanoTime())));
		crashAndRestart(dir, List.of("--spring.profiles.active=postgres", "--MOTCUA_DB_NAME=" + database));
	}

	/** The datasource URL of the embedded default, as the product ships it. */
	static String defaultUrl() throws IOException {
		try (InputStream in = CrashTest.class.getResourceAsStream("/application.yaml")) {
			for (Object document : new Yaml().loadAll(in)) {
				if (document instanceof Map<?, ?> root && root.get("spring") instanceof Map<?, ?> spring
						&& spring.get("datasource") instanceof Map<?, ?> datasource && datasource.get("url") != null) {
					return datasource.get("url").toString();
				}
			}
		}
		throw new IllegalStateException("no spring.datasource.url in application.yaml");
	}

	void crashAndRestart(Path dir, List<String> database) throws Exception {
		Map<String, String> answeredDossiers = new ConcurrentHashMap<>();
		Set<String> answeredCompletions = ConcurrentHashMap.newKeySet();
		AtomicInteger codesAnsweredTwice = new AtomicInteger();
		int port = freePort();
		Process first = start(dir, "first", port, database);
		try {
			awaitHealthy(first, port);
			AtomicBoolean stop = new AtomicBoolean();
			List<Thread> desks = new ArrayList<>();
			for (int d = 0; d < DESKS; d++) {
				int desk = d;
				Thread thread = new Thread(() -> work(port, desk, stop, answeredDossiers, answeredCompletions,
						codesAnsweredTwice), "desk-" + d);
				thread.start();
				desks.add(thread);
			}
			// kill while the desks work, once some of both kinds of writes were answered (at most 90 s)
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			while ((answeredDossiers.size() < MIN_ANSWERED || answeredCompletions.size() < MIN_ANSWERED / 4)
					&& System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			Thread.sleep(LOAD_AFTER_ANSWERS.toMillis());
			first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
			assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
			stop.set(true);
			for (Thread thread : desks) {
				thread.join(TimeUnit.SECONDS.toMillis(40));
			}
		}
		finally {
			first.destroyForcibly();
		}
		assertThat(answeredDossiers).as("dossiers answered 201 before the kill").isNotEmpty();
		assertThat(answeredCompletions).as("completions answered 204 before the kill").isNotEmpty();
		assertThat(codesAnsweredTwice).as("codes answered for two dossiers").hasValue(0);

		int secondPort = freePort();
		Process second = start(dir, "second", secondPort, database);
		try {
			awaitHealthy(second, secondPort);
			List<String> missing = new ArrayList<>();
			List<String> reissued = new ArrayList<>();
			for (Map.Entry<String, String> dossier : answeredDossiers.entrySet()) {
				HttpResponse<String> status = get(secondPort, "/api/dossiers/" + dossier.getKey(), "auditor");
				if (status.statusCode() != 200) {
					missing.add(dossier.getKey());
				}
				else if (!dossier.getValue().equals(JSON.readTree(status.body()).path("applicantName").asText())) {
					reissued.add(dossier.getKey());
				}
			}
			assertThat(missing).as("answered dossiers lost by the kill").isEmpty();
			assertThat(reissued).as("answered codes now showing another dossier").isEmpty();
			JsonNode finished = JSON.readTree(
					get(secondPort, "/engine-rest/history/task?finished=true&maxResults=1000000", "admin").body());
			Set<String> finishedIds = ConcurrentHashMap.newKeySet();
			finished.forEach(task -> finishedIds.add(task.path("id").asText()));
			assertThat(finishedIds).as("answered completions lost by the kill").containsAll(answeredCompletions);
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> after = post(secondPort, "/api/dossiers", OFFICER, intake("Sau khi khởi động lại " + i));
				assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
				assertThat(answeredDossiers).as("code given again after the restart")
					.doesNotContainKey(JSON.readTree(after.body()).path("code").asText());
			}
			System.out.printf("Crash test (%s): %d dossiers and %d completions answered before SIGKILL, all kept%n",
					database, answeredDossiers.size(), answeredCompletions.size());
		}
		finally {
			second.destroy();
			if (!second.waitFor(60, TimeUnit.SECONDS)) {
				second.destroyForcibly();
			}
		}
	}

	/** One desk: receives dossiers and completes the first step of every other one, until the server is gone. */
	static void work(int port, int desk, AtomicBoolean stop, Map<String, String> dossiers, Set<String> completions,
			AtomicInteger twice) {
		ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
		for (int i = 0; !stop.get(); i++) {
			try {
				String applicant = "Quầy " + desk + " người nộp " + i;
				HttpResponse<String> created = post(port, "/api/dossiers", OFFICER, intake(applicant));
				if (created.statusCode() == 201) {
					String code = JSON.readTree(created.body()).path("code").asText();
					if (dossiers.put(code, applicant) != null) {
						twice.incrementAndGet();
					}
					received.add(code);
				}
				if (i % 2 == 1 && !received.isEmpty()) {
					String code = received.poll();
					JsonNode tasks = JSON.readTree(
							get(port, "/engine-rest/task?processInstanceBusinessKey=" + code, OFFICER).body());
					if (tasks.size() == 1) {
						String taskId = tasks.get(0).path("id").asText();
						if (post(port, "/engine-rest/task/" + taskId + "/complete", OFFICER, DONE).statusCode() == 204) {
							completions.add(taskId);
						}
					}
				}
			}
			catch (IOException ex) {
				return; // killed
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	static String intake(String applicant) {
		LocalDate born = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3);
		return """
				{"procedureKey": "birth-registration",
				 "applicant": {"name": "%s", "idNumber": "001190012345", "phone": "0912345678",
				               "address": "Thôn Đông, xã An Bình"},
				 "channel": "in-person", "documents": ["to-khai-dien-tu", "giay-chung-sinh"],
				 "data": {"childName": "Trần Minh An", "childBirthDate": "%s", "childSex": "nam",
				          "birthplace": "Trạm y tế xã An Bình", "motherName": "Nguyễn Thị Lan"}}
				""".formatted(applicant, born);
	}

	static Process start(Path dir, String name, int port, List<String> database) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				"vn.motcua.MotcuaApplication", "--server.port=" + port, "--camunda.bpm.job-execution.enabled=false",
				"--spring.main.banner-mode=off"));
		command.addAll(database);
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve(name + ".log").toFile())
			.start();
	}

	static void awaitHealthy(Process process, int port) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as("application exited during startup").isTrue();
			try {
				if (get(port, "/actuator/health", null).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("application not healthy after 240 s");
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static HttpResponse<String> get(int port, String path, String user) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.GET();
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static HttpResponse<String> post(int port, String path, String user, String body)
			throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", basic(user))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

}
