package bench;

import java.io.File;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lifecycles per second of Motcua on one node and on two nodes of one PostgreSQL database, in one
 * run. Node a starts alone on a fresh database ({@code bench.db}, default
 * {@code motcua_cluster_bench}, dropped and created); {@code bench.desks} desks drive whole
 * birth-registration lifecycles over REST against it (as {@link ThroughputBenchmark} does: intake,
 * five tasks found, claimed and completed); then node b starts and the same number of desks is
 * split over both nodes. Prints lifecycles/s, latencies, errors and the ratio two/one. Not a test;
 * see docs/performance.md for the command. Options: {@code bench.window} (s, 30),
 * {@code bench.warmup} (s, 10), {@code bench.desks} (8), {@code bench.heap} (512m), {@code bench.db}.
 */
public final class ClusterBenchmark {

	public static void main(String[] args) throws Exception {
		int window = Integer.getInteger("bench.window", 30);
		int warmup = Integer.getInteger("bench.warmup", 10);
		int desks = Integer.getInteger("bench.desks", 8);
		String heap = System.getProperty("bench.heap", "512m");
		String database = System.getProperty("bench.db", "motcua_cluster_bench");
		try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			sql.execute("CREATE DATABASE " + database);
		}
		Path root = Path.of("target", "cluster-bench").toAbsolutePath();
		ThroughputBenchmark.deleteTree(root);
		String key = Base64.getEncoder().encodeToString("cluster-bench-seal-key-32-bytes!".getBytes(StandardCharsets.US_ASCII));
		String[] node = { "--spring.profiles.active=postgres", "--MOTCUA_DB_NAME=" + database,
				"--motcua.audit.seal.key=" + key, "--logging.level.root=WARN", "--logging.level.vn.motcua=WARN" };
		ThroughputBenchmark.App a = start("a", root, heap, node);
		ThroughputBenchmark.App b = null;
		try {
			List<ThroughputBenchmark.Target> one = List.of(new ThroughputBenchmark.Motcua(a));
			run(one, desks, warmup);
			ThroughputBenchmark.Result single = run(one, desks, window);
			System.out.println("one node: " + single.line());
			b = start("b", root, heap, node);
			List<ThroughputBenchmark.Target> two = List.of(new ThroughputBenchmark.Motcua(a),
					new ThroughputBenchmark.Motcua(b));
			run(two, desks, warmup);
			ThroughputBenchmark.Result pair = run(two, desks, window);
			System.out.println("two nodes: " + pair.line());
			System.out.println();
			System.out.printf("Conditions: %d desks, %d s windows after %d s warm-up, heap %s per node, %d cores, %s, PostgreSQL%n",
					desks, window, warmup, heap, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
			System.out.println("| nodes | lifecycles/s | start p50/p95/p99 ms | complete p50/p95/p99 ms | errors | abandoned |");
			System.out.println("|---|---|---|---|---|---|");
			for (ThroughputBenchmark.Result r : List.of(single, pair)) {
				System.out.printf(Locale.ROOT, "| %s | %.2f | %s | %s | %d | %d |%n", r == single ? "1" : "2", r.perSecond(),
						ThroughputBenchmark.Result.percentiles(r.starts), ThroughputBenchmark.Result.percentiles(r.completes),
						r.errors.get(), r.abandoned.get());
			}
			System.out.printf(Locale.ROOT, "ratio two nodes / one node: %.2f%n",
					single.perSecond() == 0 ? 0 : pair.perSecond() / single.perSecond());
		}
		finally {
			a.stop();
			if (b != null) {
				b.stop();
			}
		}
	}

	/**
	 * Starts a node and waits until it is ready ({@code /actuator/health/readiness}, no login: an
	 * unknown user probed while the node creates its accounts would count as failed logins of this
	 * address, and the login throttle would then hold back the desks).
	 */
	static ThroughputBenchmark.App start(String name, Path root, String heap, String... args) throws Exception {
		Path dir = Files.createDirectories(root.resolve(name));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + heap, "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8", "-cp", classPath(),
				"vn.motcua.MotcuaApplication", "--server.port=" + port));
		command.addAll(List.of(args));
		long t = System.nanoTime();
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve(name + ".log").toFile())
			.start();
		ThroughputBenchmark.App app = new ThroughputBenchmark.App(process, port);
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited; see " + dir.resolve(name + ".log"));
			}
			try {
				if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					break;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		app.startupSeconds = (System.nanoTime() - t) / 1e9;
		System.out.printf("%s up on port %d in %.1f s%n", name, port, app.startupSeconds);
		return app;
	}

	private static String classPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			entries.add(Path.of(entry).toAbsolutePath().toString());
		}
		return String.join(File.pathSeparator, entries);
	}

	/** {@code desks} threads, desk i on node i mod n, drive lifecycles for {@code seconds}. */
	static ThroughputBenchmark.Result run(List<ThroughputBenchmark.Target> nodes, int desks, int seconds)
			throws InterruptedException {
		ThroughputBenchmark.Result result = new ThroughputBenchmark.Result(nodes.size() + " node(s)", desks, seconds);
		AtomicBoolean open = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(desks);
		for (int d = 0; d < desks; d++) {
			ThroughputBenchmark.Target target = nodes.get(d % nodes.size());
			pool.submit(() -> {
				while (open.get()) {
					target.lifecycle(result, open);
				}
			});
		}
		Thread.sleep(seconds * 1000L);
		open.set(false);
		pool.shutdown();
		if (!pool.awaitTermination(120, TimeUnit.SECONDS)) {
			pool.shutdownNow();
		}
		return result;
	}

}
