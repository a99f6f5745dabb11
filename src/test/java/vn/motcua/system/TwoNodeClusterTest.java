package vn.motcua.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two nodes in separate JVMs on one PostgreSQL database ({@code motcua_cluster}, dropped and
 * created here), job executor on in both, as {@code docs/cluster.md} describes. Runs with
 * {@code -Dmotcua.test.cluster=true} ({@code .ci/run} sets it).
 * <ol>
 * <li>Both nodes start at the same moment on the fresh database: one deployment, one version of
 * every process, no duplicate Tasklist filter.</li>
 * <li>{@code motcua.test.cluster.dossiers} (2,000) birth-registration dossiers are received at the
 * same desk through both nodes: no failure, no duplicate code.</li>
 * <li>The warning and breach timers of every open step and every dossier's apology timer are
 * moved to the same instant through {@code PUT /engine-rest/job/{id}/duedate}; the job executors
 * of both nodes fire them.</li>
 * <li>While they fire, one node is killed with SIGKILL; the survivor takes over the jobs the dead
 * node had locked once their lock expires (30 s) and finishes the work.</li>
 * <li>Every effect happened exactly once: one breach row, one escalation task and one audit
 * entry per step, one reminder per step, one apology task per dossier, no incident, no timer
 * left; the report figures equal the dossier table.</li>
 * <li>Sessions are per node (sticky sessions): a page session of one node is unknown to the
 * other; after its node died the user logs in again on the survivor and works on.</li>
 * </ol>
 * Sizes and limits: {@code motcua.test.cluster.dossiers}, {@code .desks} (per node, 4),
 * {@code .kill-at} (fraction of the breaches recorded when a node is killed, 0.3),
 * {@code .limit} (seconds from the due instant to the last escalation, 180), {@code .db}.
 */
@EnabledIfSystemProperty(named = "motcua.test.cluster", matches = "true")
class TwoNodeClusterTest {

	static final int DOSSIERS = Integer.getInteger("motcua.test.cluster.dossiers", 2000);

	static final int DESKS = Integer.getInteger("motcua.test.cluster.desks", 4);

	static final double KILL_AT = Double.parseDouble(System.getProperty("motcua.test.cluster.kill-at", "0.3"));

	static final int LIMIT = Integer.getInteger("motcua.test.cluster.limit", 180);

	static final String DATABASE = System.getProperty("motcua.test.cluster.db", "motcua_cluster");

	static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/";

	static final String SEAL_KEY = Base64.getEncoder()
		.encodeToString("cluster-test-seal-key-32-bytes!!".getBytes(StandardCharsets.US_ASCII));

	static final String[] PROCESSES = { "agency-step", "birth-registration", "construction-permit",
			"death-registration", "land-use-right-transfer" };

	static final String BREACH = "BoundaryEvent_StepBreach";

	static final String WARNING = "BoundaryEvent_StepWarning";

	static final String APOLOGY = "StartEvent_ApologyDue";

	final List<String> phases = new ArrayList<>();

	@Test
	void twoNodesShareTheWorkAndEveryTimerActsOnce() throws Exception {
		try (Connection admin = DriverManager.getConnection(JDBC + "postgres", "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
			sql.execute("CREATE DATABASE " + DATABASE);
		}
		Path dir = Files.createDirectories(Path.of("target", "cluster", String.valueOf(System.nanoTime())))
			.toAbsolutePath();
		long t0 = System.nanoTime();
		Node a = Node.start(dir, "a");
		Node b = Node.start(dir, "b");
		try (Connection db = DriverManager.getConnection(JDBC + DATABASE, "postgres", "")) {
			a.awaitHealthy();
			b.awaitHealthy();
			phase("both nodes started together on a fresh database", t0);

			// 1. one deployment, one version of each process, identities and filters once
			assertThat(count(a.get("/engine-rest/deployment/count?name=motcua", "admin"))).isEqualTo(1);
			for (String key : PROCESSES) {
				assertThat(count(b.get("/engine-rest/process-definition/count?key=" + key, "admin"))).as(key)
					.isEqualTo(1);
			}
			assertThat(scalar(db, "select count(*) from (select name_, owner_ from act_ru_filter"
					+ " group by name_, owner_ having count(*) > 1) d")).as("duplicate Tasklist filters").isZero();

			// timers are held from the start (their job definitions suspended), so that none fires before the
			// test makes them all due at one instant: a step due the same day is warned at once
			List<String> definitions = new ArrayList<>();
			CrashTest.JSON
				.readTree(a.get("/engine-rest/job-definition?activityIdIn=" + BREACH + "," + WARNING + "," + APOLOGY,
						"admin").body())
				.forEach(d -> definitions.add(d.path("id").asText()));
			assertThat(definitions).isNotEmpty();
			suspend(a, definitions, true);

			// 2. intake through both nodes
			long t1 = System.nanoTime();
			Map<String, String> codes = intake(a, b, DOSSIERS);
			phase(DOSSIERS + " dossiers received through both nodes (" + rate(DOSSIERS, t1) + "/s)", t1);
			assertThat(codes).hasSize(DOSSIERS);
			assertThat(scalar(db, "select count(distinct code) from dossier")).isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(*) from dossier")).isEqualTo(DOSSIERS);

			// sessions: a page session lives on its node (sticky sessions)
			Session pages = new Session();
			assertThat(pages.login(b, "auditor")).isEqualTo(200);
			assertThat(pages.page(b, "/audit")).isEqualTo(200);
			assertThat(pages.page(a, "/audit")).as("a session of node b on node a").isEqualTo(302);
			Session tasklist = new Session();
			assertThat(tasklist.tasklistLogin(b, "xa-an-binh.officer")).isEqualTo(200);
			assertThat(tasklist.tasklistUser(b)).isEqualTo(200);

			// 3. every timer of the open steps and dossiers due at one instant
			long t2 = System.nanoTime();
			List<String> breaches = jobs(a, BREACH);
			List<String> warnings = jobs(a, WARNING);
			List<String> apologies = jobs(a, APOLOGY);
			assertThat(breaches).hasSize(DOSSIERS);
			assertThat(warnings).hasSize(DOSSIERS);
			assertThat(apologies).hasSize(DOSSIERS);
			List<String> all = new ArrayList<>(breaches);
			all.addAll(warnings);
			all.addAll(apologies);
			// held back while they are moved, then released at once
			moveTimers(a, b, all, new Date());
			phase(all.size() + " timers held and moved to now through both nodes", t2);
			suspend(b, definitions, false);
			Date due = new Date();
			note("timers released at " + due);
			// 4. kill node b while the breaches are escalated; a finishes
			long kill = Math.round(DOSSIERS * KILL_AT);
			long deadline = due.getTime() + TimeUnit.SECONDS.toMillis(LIMIT + 120);
			while (scalar(db, "select count(*) from deadline_breach") < kill && System.currentTimeMillis() < deadline) {
				Thread.sleep(200);
			}
			long atKill = scalar(db, "select count(*) from deadline_breach");
			b.process.destroyForcibly(); // SIGKILL
			assertThat(b.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			long killedAt = System.currentTimeMillis();
			note(String.format(Locale.ROOT, "node b killed (SIGKILL) %.1f s after the due instant, %d breaches recorded",
					(killedAt - due.getTime()) / 1000.0, atKill));
			long escalated = 0;
			while (System.currentTimeMillis() < deadline) {
				escalated = scalar(db, "select count(*) from deadline_breach where escalation_task_id is not null");
				if (escalated >= DOSSIERS && remaining(db) == 0) {
					break;
				}
				Thread.sleep(500);
			}
			long done = System.currentTimeMillis();
			note(String.format(Locale.ROOT, "all %d timers done %.1f s after the due instant (%.1f s after the kill)",
					all.size(), (done - due.getTime()) / 1000.0, (done - killedAt) / 1000.0));

			// 5. exactly once
			assertThat(remaining(db)).as("timers not fired").isZero();
			assertThat(scalar(db, "select count(*) from act_ru_incident")).as("incidents").isZero();
			assertThat(scalar(db, "select count(*) from deadline_breach")).as("breach rows").isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(distinct handoff_id) from deadline_breach")).isEqualTo(DOSSIERS);
			assertThat(escalated).as("breaches escalated").isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(distinct escalation_task_id) from deadline_breach")).isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(*) from act_ru_task where task_def_key_ = 'Task_ResolveBreach'"))
				.as("escalation tasks").isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(*) from audit_event where event_type = 'BREACH'"))
				.as("breach audit entries").isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(distinct dossier_code) from audit_event where event_type = 'BREACH'"))
				.isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(*) from act_hi_actinst where act_id_ = 'Task_RemindHandler'"))
				.as("reminders").isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(*) from handoff where reminded_at is not null")).isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(*) from act_ru_task where task_def_key_ = 'Task_IssueApology'"))
				.as("apology tasks").isEqualTo(DOSSIERS);
			assertThat(scalar(db, "select count(*) from act_hi_actinst where act_id_ = 'Task_IssueApology'"))
				.isEqualTo(DOSSIERS);
			// no dossier lost or stuck: every one still has its open step
			assertThat(scalar(db, "select count(*) from act_ru_task where task_def_key_ = 'Task_HandleStep'"))
				.isEqualTo(DOSSIERS);
			assertThat((done - due.getTime()) / 1000).as("seconds from the due instant to the last timer")
				.isLessThanOrEqualTo(LIMIT);

			// the survivor: sessions of the dead node are gone, a new login works, intake goes on
			assertThat(pages.page(a, "/audit")).as("the dead node's session on the survivor").isEqualTo(302);
			assertThat(pages.login(a, "auditor")).isEqualTo(200);
			assertThat(pages.page(a, "/audit")).isEqualTo(200);
			assertThat(tasklist.tasklistUser(a)).as("the dead node's Tasklist session on the survivor")
				.isNotEqualTo(200);
			assertThat(tasklist.tasklistLogin(a, "xa-an-binh.officer")).isEqualTo(200);
			assertThat(tasklist.tasklistUser(a)).isEqualTo(200);
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> after = a.post("/api/dossiers", CrashTest.OFFICER, CrashTest.intake("Sau sự cố " + i));
				assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
				assertThat(codes).doesNotContainKey(CrashTest.JSON.readTree(after.body()).path("code").asText());
			}
			// the report figures stay exact
			JsonNode kpi = CrashTest.JSON.readTree(a.get("/api/reports/kpi", "auditor").body());
			assertThat(kpi.path("total").path("received").asLong()).as(kpi.toString())
				.isEqualTo(scalar(db, "select count(*) from dossier"));
			phase("whole test", t0);
		}
		finally {
			a.stop();
			b.stop();
			phases.forEach(p -> System.out.println("Two-node cluster: " + p));
		}
	}

	/** Timers of the moved kinds not executed yet. */
	static long remaining(Connection db) throws Exception {
		return scalar(db, "select count(*) from act_ru_job j join act_ru_jobdef d on j.job_def_id_ = d.id_"
				+ " where d.act_id_ in ('" + BREACH + "', '" + WARNING + "', '" + APOLOGY + "')");
	}

	void phase(String what, long since) {
		note(String.format(Locale.ROOT, "%s: %.1f s", what, (System.nanoTime() - since) / 1e9));
	}

	/** Kept for the summary and printed at once (a run stopped midway still shows its phases). */
	void note(String what) {
		this.phases.add(what);
		System.out.println("Two-node cluster (running): " + what);
	}

	static String rate(int n, long since) {
		return String.format(Locale.ROOT, "%.1f", n / ((System.nanoTime() - since) / 1e9));
	}

	/** {@code n} intakes at the desk of xã An Bình, {@code DESKS} threads per node. */
	static Map<String, String> intake(Node a, Node b, int n) throws Exception {
		Map<String, String> codes = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		AtomicReference<String> failure = new AtomicReference<>();
		ExecutorService pool = Executors.newFixedThreadPool(2 * DESKS);
		for (int d = 0; d < 2 * DESKS; d++) {
			Node node = d % 2 == 0 ? a : b;
			pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
					String applicant = "Người nộp " + i + " tại nút " + node.name;
					try {
						HttpResponse<String> r = node.post("/api/dossiers", CrashTest.OFFICER, CrashTest.intake(applicant));
						if (r.statusCode() != 201) {
							failure.compareAndSet(null, r.statusCode() + " " + r.body());
							return;
						}
						String code = CrashTest.JSON.readTree(r.body()).path("code").asText();
						if (codes.put(code, applicant) != null) {
							failure.compareAndSet(null, "code given twice: " + code);
						}
					}
					catch (Exception ex) {
						failure.compareAndSet(null, ex.toString());
					}
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
		assertThat(failure.get()).as("intake failure").isNull();
		return codes;
	}

	/** Ids of the timer jobs of an activity, through the REST API. */
	static List<String> jobs(Node node, String activity) throws Exception {
		JsonNode list = CrashTest.JSON
			.readTree(node.get("/engine-rest/job?timers=true&activityId=" + activity + "&maxResults=1000000", "admin").body());
		List<String> ids = new ArrayList<>();
		list.forEach(job -> ids.add(job.path("id").asText()));
		return ids;
	}

	/** Suspends or activates job definitions with their jobs. */
	static void suspend(Node node, List<String> definitions, boolean suspended) throws Exception {
		for (String id : definitions) {
			HttpResponse<String> r = node.send("PUT", "/engine-rest/job-definition/" + id + "/suspended", "admin",
					"{\"suspended\": " + suspended + ", \"includeJobs\": true}");
			assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
		}
	}

	/** {@code PUT /engine-rest/job/{id}/duedate} for every job, half through each node. */
	static void moveTimers(Node a, Node b, List<String> ids, Date due) throws Exception {
		SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
		format.setTimeZone(TimeZone.getTimeZone("UTC"));
		String body = "{\"duedate\": \"" + format.format(due) + "\", \"cascade\": false}";
		AtomicInteger next = new AtomicInteger();
		AtomicReference<String> failure = new AtomicReference<>();
		ExecutorService pool = Executors.newFixedThreadPool(2 * DESKS);
		for (int d = 0; d < 2 * DESKS; d++) {
			Node node = d % 2 == 0 ? a : b;
			pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < ids.size() && failure.get() == null; i = next.getAndIncrement()) {
					try {
						HttpResponse<String> r = node.send("PUT", "/engine-rest/job/" + ids.get(i) + "/duedate", "admin", body);
						if (r.statusCode() != 204) {
							failure.compareAndSet(null, r.statusCode() + " " + r.body());
						}
					}
					catch (Exception ex) {
						failure.compareAndSet(null, ex.toString());
					}
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
		assertThat(failure.get()).as("moving a timer").isNull();
	}

	static long count(HttpResponse<String> response) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return CrashTest.JSON.readTree(response.body()).path("count").asLong();
	}

	static long scalar(Connection db, String query) throws Exception {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** A browser's cookies on one address (a reverse proxy in front of both nodes), no redirects followed. */
	static final class Session {

		final CookieManager cookies = new CookieManager();

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		int page(Node node, String path) throws Exception {
			return this.client
				.send(HttpRequest.newBuilder(node.uri(path)).header("Accept", "text/html").GET().build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}

		/** Motcua's form login; 200 when the login page's redirect leads to a page of the application. */
		int login(Node node, String user) throws Exception {
			HttpResponse<String> form = this.client.send(HttpRequest.newBuilder(node.uri("/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
			assertThat(csrf.find()).as(form.body()).isTrue();
			HttpResponse<String> login = this.client.send(HttpRequest.newBuilder(node.uri("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
						+ "&password=demo&_csrf=" + csrf.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
			String location = login.headers().firstValue("Location").orElse("");
			return login.statusCode() == 302 && !location.contains("error") ? 200 : login.statusCode();
		}

		int tasklistLogin(Node node, String user) throws Exception {
			this.client.send(HttpRequest.newBuilder(node.uri("/camunda/app/tasklist/default/")).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return this.client.send(HttpRequest.newBuilder(node.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", xsrf())
				.POST(HttpRequest.BodyPublishers
					.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo"))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}

		/** The webapps' current user: 200 with a login, 404 without. */
		int tasklistUser(Node node) throws Exception {
			return this.client.send(HttpRequest.newBuilder(node.uri("/camunda/api/admin/auth/user/default"))
				.header("Accept", "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}

		private String xsrf() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(c -> c.getValue())
				.reduce((first, last) -> last)
				.orElse("");
		}

	}

	/** One node: the application in its own JVM and working directory, on the shared database. */
	static final class Node {

		final String name;

		final Process process;

		final int port;

		Node(String name, Process process, int port) {
			this.name = name;
			this.process = process;
			this.port = port;
		}

		static Node start(Path dir, String name) throws IOException {
			Path home = Files.createDirectories(dir.resolve(name));
			int port = CrashTest.freePort();
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx512m", "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8", "-cp", classPath(),
					"vn.motcua.MotcuaApplication", "--server.port=" + port, "--spring.profiles.active=postgres",
					"--MOTCUA_DB_NAME=" + DATABASE, "--motcua.audit.seal.key=" + SEAL_KEY,
					"--spring.main.banner-mode=off", "--logging.level.vn.motcua=INFO"));
			Process process = new ProcessBuilder(command).directory(home.toFile())
				.redirectErrorStream(true)
				.redirectOutput(home.resolve(name + ".log").toFile())
				.start();
			return new Node(name, process, port);
		}

		/** Ready: started, identities created, models deployed (probed without a login, see the throttle). */
		void awaitHealthy() throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
			while (System.nanoTime() < deadline) {
				assertThat(this.process.isAlive()).as("node " + this.name + " exited during startup").isTrue();
				try {
					if (CrashTest.get(this.port, "/actuator/health/readiness", null).statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(500);
			}
			throw new AssertionError("node " + this.name + " not ready after 600 s");
		}

		URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

		HttpResponse<String> get(String path, String user) throws Exception {
			return send("GET", path, user, null);
		}

		HttpResponse<String> post(String path, String user, String body) throws Exception {
			return send("POST", path, user, body);
		}

		HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json")
				.header("Authorization", CrashTest.basic(user))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			if (body != null) {
				request.header("Content-Type", "application/json");
			}
			return CrashTest.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		void stop() throws InterruptedException {
			if (this.process.isAlive()) {
				this.process.destroy();
				if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
		}

		private static String classPath() {
			List<String> entries = new ArrayList<>();
			for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(File.pathSeparator)) {
				entries.add(Path.of(entry).toAbsolutePath().toString());
			}
			return String.join(File.pathSeparator, entries);
		}

	}

}
