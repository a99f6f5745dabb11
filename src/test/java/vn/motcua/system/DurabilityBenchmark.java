package vn.motcua.system;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.motcua.MotcuaApplication;

/**
 * The cost of durable commits on the embedded default: intake throughput over HTTP (4 desks,
 * {@code POST /api/dossiers}, each starting a process) with H2's own default {@code WRITE_DELAY}
 * of 500 ms against Motcua's {@code WRITE_DELAY=0}, in the same run, alternating rounds. Not a unit
 * test; run it with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=vn.motcua.system.DurabilityBenchmark -Dexec.classpathScope=test \
 *   [-Dbench.intakes=400] [-Dbench.rounds=3]
 * </pre>
 */
public final class DurabilityBenchmark {

	private DurabilityBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int intakes = Integer.getInteger("bench.intakes", 400);
		int rounds = Integer.getInteger("bench.rounds", 3);
		Path dir = Files.createDirectories(Path.of("target", "durability-bench", String.valueOf(System.nanoTime())));
		String url = CrashTest.defaultUrl().replace("./data/motcua", dir.toAbsolutePath().resolve("motcua").toString());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class).run(
				"--spring.datasource.url=" + url, "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
			run(port, intakes / 4, "warm-up");
			double delayed = 0;
			double durable = 0;
			for (int r = 0; r < rounds; r++) {
				jdbc.execute("SET WRITE_DELAY 500");
				delayed += run(port, intakes, "WRITE_DELAY=500 (H2 default)");
				jdbc.execute("SET WRITE_DELAY 0");
				durable += run(port, intakes, "WRITE_DELAY=0 (Motcua default)");
			}
			System.out.printf("%nIntakes per second, mean of %d rounds: WRITE_DELAY=500 %.1f, WRITE_DELAY=0 %.1f (ratio %.2f)%n",
					rounds, delayed / rounds, durable / rounds, durable / delayed);
		}
	}

	/** Intakes per second with 4 desks sending {@code count} dossiers in all. */
	static double run(int port, int count, String label) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		List<Thread> desks = new ArrayList<>();
		long start = System.nanoTime();
		for (int d = 0; d < 4; d++) {
			Thread desk = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					try {
						HttpResponse<String> r = CrashTest.post(port, "/api/dossiers", CrashTest.OFFICER,
								CrashTest.intake("Đo hiệu năng " + i));
						if (r.statusCode() != 201) {
							failed.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failed.incrementAndGet();
					}
				}
			});
			desk.start();
			desks.add(desk);
		}
		for (Thread desk : desks) {
			desk.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double rate = count / seconds;
		System.out.printf("%-32s %5d intakes in %6.2f s: %6.1f/s (%d failed)%n", label, count, seconds, rate,
				failed.get());
		return rate;
	}

}
