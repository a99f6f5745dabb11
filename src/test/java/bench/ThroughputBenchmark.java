package bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Motcua against a bare Camunda engine of the same process shape, side by side in one run. Starts
 * both as separate JVMs on the same classpath (Motcua with its own defaults, H2 file database under
 * {@code target/throughput-bench/motcua/data}; {@link bench.bare.BareEngineApplication} on H2 file
 * under {@code target/throughput-bench/bare/data}), then for 1, 4 and 16 desks measures each in turn
 * (rounds of A B): every desk drives whole lifecycles over REST (intake, then five task completions,
 * each found, claimed and completed by the right official) for a window, and the run prints
 * lifecycles/s, p50/p95/p99 of start and complete, errors and the ratio per pair. Not a test; see
 * docs/performance.md for the command. Options (system properties): {@code bench.window} (s, 15),
 * {@code bench.warmup} (s, 30), {@code bench.rounds} (1), {@code bench.desks} (1,4,16),
 * {@code bench.heap} (512m), {@code bench.db} ({@code h2}, or {@code postgres}: both on databases of the
 * PostgreSQL at 127.0.0.1:5432, dropped and created at the start).
 */
public final class ThroughputBenchmark {

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public static void main(String[] args) throws Exception {
		int window = Integer.getInteger("bench.window", 15);
		int warmup = Integer.getInteger("bench.warmup", 30);
		int rounds = Integer.getInteger("bench.rounds", 1);
		String heap = System.getProperty("bench.heap", "512m");
		List<Integer> levels = new ArrayList<>();
		for (String d : System.getProperty("bench.desks", "1,4,16").split(",")) {
			levels.add(Integer.parseInt(d.strip()));
		}
		Path root = Path.of("target", "throughput-bench").toAbsolutePath();
		deleteTree(root);
		boolean postgres = "postgres".equals(System.getProperty("bench.db", "h2"));
		List<String> motcuaArgs = new ArrayList<>(List.of("--logging.level.root=WARN", "--logging.level.vn.motcua=WARN"));
		List<String> bareArgs = new ArrayList<>(List.of("--logging.level.root=WARN"));
		if (postgres) {
			createDatabases("motcua_throughput_bench", "bare_throughput_bench");
			motcuaArgs.addAll(List.of("--spring.profiles.active=postgres", "--MOTCUA_DB_NAME=motcua_throughput_bench",
					"--motcua.audit.seal.key=" + Base64.getEncoder()
						.encodeToString("throughput-bench-seal-key-32-byt".getBytes(StandardCharsets.US_ASCII))));
			bareArgs.addAll(List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/bare_throughput_bench",
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--spring.datasource.hikari.connection-init-sql=SET synchronous_commit = on"));
		}
		else {
			bareArgs.add("--spring.datasource.url=jdbc:h2:file:./data/bare;DB_CLOSE_ON_EXIT=FALSE"
					+ System.getProperty("bench.bare-url-options", ""));
		}
		Target motcua = new Motcua(start("motcua", root.resolve("motcua"), heap, "vn.motcua.MotcuaApplication",
				motcuaArgs.toArray(String[]::new)));
		Target bare = new Bare(start("bare", root.resolve("bare"), heap, "bench.bare.BareEngineApplication",
				bareArgs.toArray(String[]::new)));
		try {
			List<Result> results = new ArrayList<>();
			for (int desks : levels) {
				for (int round = 0; round < rounds; round++) {
					for (Target target : List.of(motcua, bare)) {
						run(target, desks, warmup);
						Result r = run(target, desks, window);
						r.round = round + 1;
						results.add(r);
						System.out.println(r.line());
					}
				}
			}
			System.out.println();
			System.out.printf("Conditions: %s, %d s windows after %d s warm-up, %d round(s) A B, heap %s per JVM, %d cores, %s%n",
					postgres ? "PostgreSQL" : "H2", window, warmup, rounds, heap, Runtime.getRuntime().availableProcessors(),
					System.getProperty("java.version"));
			System.out.printf("startup: Motcua %.1f s, bare %.1f s%n", motcua.app().startupSeconds,
					bare.app().startupSeconds);
			System.out.println();
			System.out.println("| desks | round | system | lifecycles/s | start p50/p95/p99 ms | complete p50/p95/p99 ms | errors | abandoned | JVM CPU ms per lifecycle | machine CPU ms per lifecycle |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|");
			for (Result r : results) {
				System.out.println(r.row());
			}
			System.out.println();
			System.out.println("| desks | round | Motcua lifecycles/s | bare lifecycles/s | ratio | Motcua errors | bare errors | JVM CPU per lifecycle, Motcua / bare |");
			System.out.println("|---|---|---|---|---|---|---|---|");
			for (int i = 0; i + 1 < results.size(); i += 2) {
				Result m = results.get(i);
				Result b = results.get(i + 1);
				System.out.printf(Locale.ROOT, "| %d | %d | %.2f | %.2f | %.2f | %d | %d | %.2f |%n", m.desks, m.round,
						m.perSecond(), b.perSecond(), b.perSecond() == 0 ? 0 : m.perSecond() / b.perSecond(), m.errors.get(),
						b.errors.get(), m.cpuPerLifecycle(m.cpuNanos) / b.cpuPerLifecycle(b.cpuNanos));
			}
			System.out.println();
			System.out.println("live heap after the load (after a full GC): Motcua " + motcua.app().liveHeap() + ", bare "
					+ bare.app().liveHeap());
		}
		finally {
			motcua.app().stop();
			bare.app().stop();
		}
	}

	/** One measured window: {@code desks} threads drive lifecycles until the window closes. */
	static Result run(Target target, int desks, int seconds) throws InterruptedException {
		Result result = new Result(target.name(), desks, seconds);
		AtomicBoolean open = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(desks);
		for (int d = 0; d < desks; d++) {
			pool.submit(() -> {
				while (open.get()) {
					target.lifecycle(result, open);
				}
			});
		}
		long cpu = target.app().cpuNanos();
		long machine = machineCpuNanos();
		Thread.sleep(seconds * 1000L);
		result.cpuNanos = cpu < 0 ? -1 : target.app().cpuNanos() - cpu;
		result.machineCpuNanos = machine < 0 ? -1 : machineCpuNanos() - machine;
		open.set(false);
		pool.shutdown();
		if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
			pool.shutdownNow();
		}
		return result;
	}

	/**
	 * The CPU time all cores of this machine have spent busy since boot ({@code /proc/stat}: user,
	 * nice, system, irq, softirq and steal), or -1 where there is no such file.
	 */
	static long machineCpuNanos() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long ticks = 0;
			for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
				ticks += Long.parseLong(cpu[i]);
			}
			return ticks * 10_000_000L; // USER_HZ is 100 on Linux
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/** The figures of one window. */
	static final class Result {

		final String system;

		final int desks;

		final int seconds;

		int round;

		final AtomicLong lifecycles = new AtomicLong();

		final AtomicLong errors = new AtomicLong();

		final AtomicLong abandoned = new AtomicLong();

		final List<Long> starts = Collections.synchronizedList(new ArrayList<>());

		final List<Long> completes = Collections.synchronizedList(new ArrayList<>());

		final List<String> samples = Collections.synchronizedList(new ArrayList<>());

		/** CPU time of the application's JVM (all its threads: requests, JIT, GC, jobs) in the window, or -1. */
		long cpuNanos = -1;

		/** CPU time of the whole machine in the window (the database server and this driver too), or -1. */
		long machineCpuNanos = -1;

		Result(String system, int desks, int seconds) {
			this.system = system;
			this.desks = desks;
			this.seconds = seconds;
		}

		double perSecond() {
			return (double) this.lifecycles.get() / this.seconds;
		}

		/** Milliseconds of CPU per lifecycle finished in the window. */
		double cpuPerLifecycle(long nanos) {
			return nanos < 0 || this.lifecycles.get() == 0 ? Double.NaN : nanos / 1e6 / this.lifecycles.get();
		}

		void error(String what) {
			this.errors.incrementAndGet();
			if (this.samples.size() < 5) {
				this.samples.add(what.length() > 300 ? what.substring(0, 300) : what);
			}
		}

		static String percentiles(List<Long> nanos) {
			List<Long> sorted;
			synchronized (nanos) {
				sorted = new ArrayList<>(nanos);
			}
			if (sorted.isEmpty()) {
				return "–";
			}
			Collections.sort(sorted);
			return String.format(Locale.ROOT, "%d / %d / %d", ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
		}

		private static long ms(List<Long> sorted, double p) {
			int i = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
			return Math.round(sorted.get(Math.max(0, i)) / 1e6);
		}

		String row() {
			return String.format(Locale.ROOT, "| %d | %d | %s | %.2f | %s | %s | %d | %d | %.0f | %.0f |", this.desks,
					this.round, this.system, perSecond(), percentiles(this.starts), percentiles(this.completes),
					this.errors.get(), this.abandoned.get(), cpuPerLifecycle(this.cpuNanos),
					cpuPerLifecycle(this.machineCpuNanos));
		}

		String line() {
			return String.format(Locale.ROOT,
					"%s, %d desks, %d s: %d lifecycles (%.2f/s), start %s ms, complete %s ms, CPU per lifecycle %.0f ms (JVM) %.0f ms (machine), %d errors%s",
					this.system, this.desks, this.seconds, this.lifecycles.get(), perSecond(), percentiles(this.starts),
					percentiles(this.completes), cpuPerLifecycle(this.cpuNanos), cpuPerLifecycle(this.machineCpuNanos),
					this.errors.get(), this.samples.isEmpty() ? "" : " e.g. " + this.samples);
		}

	}

	/** A system under test: how a desk starts a dossier and who completes which task. */
	abstract static class Target {

		private final App app;

		Target(App app) {
			this.app = app;
		}

		App app() {
			return this.app;
		}

		abstract String name();

		/** Starts a dossier; returns its business key. */
		abstract String start(int desk) throws IOException, InterruptedException;

		/** The five tasks in order: {user, task definition key, variables JSON}. */
		abstract String[][] steps();

		/** One whole lifecycle; counts it only if it finished inside the window. */
		void lifecycle(Result result, AtomicBoolean open) {
			try {
				long t = System.nanoTime();
				String key;
				try {
					key = start(0);
				}
				catch (RuntimeException ex) {
					result.error("start: " + ex.getMessage());
					result.abandoned.incrementAndGet();
					return;
				}
				long started = System.nanoTime() - t;
				if (open.get()) {
					result.starts.add(started);
				}
				for (String[] step : steps()) {
					String task = awaitTask(key, step[0], step[1]);
					if (task == null) {
						result.error("no task " + step[1] + " for " + key);
						result.abandoned.incrementAndGet();
						return;
					}
					Response claim = this.app.post("/engine-rest/task/" + task + "/claim", step[0],
							"{\"userId\":\"" + step[0] + "\"}");
					if (claim.status / 100 != 2) {
						result.error("claim " + claim.status + " " + claim.body);
						result.abandoned.incrementAndGet();
						return;
					}
					long c = System.nanoTime();
					Response done = this.app.post("/engine-rest/task/" + task + "/complete", step[0],
							"{\"variables\":" + step[2] + "}");
					long took = System.nanoTime() - c;
					if (done.status / 100 != 2) {
						result.error("complete " + done.status + " " + done.body);
						result.abandoned.incrementAndGet();
						return;
					}
					if (open.get()) {
						result.completes.add(took);
					}
				}
				if (open.get()) {
					result.lifecycles.incrementAndGet();
				}
			}
			catch (IOException ex) {
				result.error(ex.toString());
				result.abandoned.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private String awaitTask(String key, String user, String taskKey) throws IOException, InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (System.nanoTime() < deadline) {
				Response r = this.app.get("/engine-rest/task?processInstanceBusinessKey=" + key + "&taskDefinitionKey="
						+ taskKey, user);
				if (r.status == 200) {
					JsonNode list = JSON.readTree(r.body);
					if (list.size() > 0) {
						return list.get(0).path("id").asText();
					}
				}
				Thread.sleep(20);
			}
			return null;
		}

	}

	static final String DONE = "{\"stepOutcome\":{\"value\":\"done\",\"type\":\"String\"}}";

	static final String RETURNED = "{\"returnMethod\":{\"value\":\"in-person\",\"type\":\"String\"},"
			+ "\"resultHandedOver\":{\"value\":true,\"type\":\"Boolean\"},"
			+ "\"recipientName\":{\"value\":\"Nguyễn Thị Lan\",\"type\":\"String\"}}";

	/** Motcua: intake at the commune's desk through {@code POST /api/dossiers}, birth-registration. */
	static final class Motcua extends Target {

		static final String DESK = "xa-an-binh.officer";

		Motcua(App app) {
			super(app);
		}

		@Override
		String name() {
			return "Motcua";
		}

		@Override
		String start(int desk) throws IOException, InterruptedException {
			String born = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3).toString();
			Response r = app().post("/api/dossiers", DESK, """
					{"procedureKey": "birth-registration", "receivingUnit": "xa-an-binh", "channel": "in-person",
					 "applicant": {"name": "Lê Văn Bình", "idNumber": "001190054321", "phone": "0987654321", "address": "Xóm Trại"},
					 "documents": ["to-khai-dien-tu", "giay-chung-sinh"],
					 "data": {"childName": "Lê Minh Khôi", "childBirthDate": "%s", "childSex": "nam",
					          "birthplace": "Trạm y tế xã", "motherName": "Phạm Thị Hoa"}}""".formatted(born));
			if (r.status != 201) {
				throw new IllegalStateException("intake " + r.status + " " + r.body);
			}
			return JSON.readTree(r.body).path("code").asText();
		}

		@Override
		String[][] steps() {
			return new String[][] { { DESK, "Task_HandleStep", DONE }, { DESK, "Task_HandleStep", DONE },
					{ "ca-xa-an-binh.officer", "Task_HandleStep", DONE },
					{ "bhxh-bac-son.officer", "Task_HandleStep", DONE }, { DESK, "Task_ReturnResult", RETURNED } };
		}

	}

	/** The bare engine: {@code POST /engine-rest/process-definition/key/bare-dossier/start}. */
	static final class Bare extends Target {

		private final AtomicLong keys = new AtomicLong();

		Bare(App app) {
			super(app);
		}

		@Override
		String name() {
			return "bare";
		}

		@Override
		String start(int desk) throws IOException, InterruptedException {
			String key = "B-" + this.keys.incrementAndGet();
			Response r = app().post("/engine-rest/process-definition/key/bare-dossier/start", "desk", """
					{"businessKey": "%s", "variables": {
					 "deskGroup": {"value": "desk", "type": "String"},
					 "policeGroup": {"value": "police", "type": "String"},
					 "insuranceGroup": {"value": "insurance", "type": "String"},
					 "applicantName": {"value": "Lê Văn Bình", "type": "String"},
					 "childName": {"value": "Lê Minh Khôi", "type": "String"}}}""".formatted(key));
			if (r.status != 200) {
				throw new IllegalStateException("start " + r.status + " " + r.body);
			}
			return key;
		}

		@Override
		String[][] steps() {
			return new String[][] { { "desk", "Handle", DONE }, { "desk", "Handle", DONE }, { "police", "Handle", DONE },
					{ "insurance", "Handle", DONE }, { "desk", "Return", RETURNED } };
		}

	}

	record Response(int status, String body) {
	}

	/** A started application in its own JVM. */
	static final class App {

		final Process process;

		final int port;

		double startupSeconds;

		App(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		/** The CPU time the application's JVM has used so far. */
		long cpuNanos() {
			return this.process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
		}

		Response get(String path, String user) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).GET());
		}

		Response post(String path, String user, String json) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Authorization", basic(user))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
		}

		private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
			HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(r.statusCode(), r.body());
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + this.port + path);
		}

		private static String basic(String user) {
			return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		}

		String liveHeap() {
			try {
				String pid = Long.toString(this.process.pid());
				new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
				Process info = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
				String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
				return m.find() ? (Long.parseLong(m.group(1)) / 1024) + " MB" : "?";
			}
			catch (IOException | InterruptedException ex) {
				return "?";
			}
		}

		void stop() {
			this.process.destroy();
			try {
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
			}
		}

	}

	static App start(String name, Path dir, String heap, String mainClass, String... args)
			throws IOException, InterruptedException {
		Files.createDirectories(dir);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + heap, "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8"));
		if (Boolean.getBoolean("bench.jfr")) {
			// the request threads' stacks run 150 to 300 frames deep (filters, Jersey, the engine)
			command.add("-XX:FlightRecorderOptions=stackdepth=1024");
			command.add("-XX:StartFlightRecording=filename=" + dir.resolve(name + ".jfr") + ",settings=profile");
		}
		command.addAll(List.of("-cp", absoluteClassPath(), mainClass, "--server.port=" + port));
		command.addAll(List.of(args));
		long t = System.nanoTime();
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve(name + ".log").toFile())
			.start();
		App app = new App(process, port);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited; see " + dir.resolve(name + ".log"));
			}
			try {
				if (app.get("/engine-rest/engine", "mock").status() != 0) {
					String probe = name.equals("motcua") ? "xa-an-binh.officer" : "desk";
					if (app.get("/engine-rest/process-definition/count", probe).body().contains("count")) {
						break;
					}
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		app.startupSeconds = (System.nanoTime() - t) / 1e9;
		System.out.printf("%s up on port %d in %.1f s%n", name, port, app.startupSeconds);
		return app;
	}

	/** Drops and creates the benchmark's PostgreSQL databases (127.0.0.1:5432, user postgres). */
	static void createDatabases(String... names) throws java.sql.SQLException {
		try (java.sql.Connection admin = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); java.sql.Statement sql = admin.createStatement()) {
			for (String name : names) {
				sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
				sql.execute("CREATE DATABASE " + name);
			}
		}
	}

	private static String absoluteClassPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			entries.add(Path.of(entry).toAbsolutePath().toString());
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	static void deleteTree(Path root) throws IOException {
		if (Files.exists(root)) {
			try (var files = Files.walk(root)) {
				files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
