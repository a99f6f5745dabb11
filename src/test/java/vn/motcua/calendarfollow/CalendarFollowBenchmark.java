package vn.motcua.calendarfollow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.MotcuaApplication;
import vn.motcua.deadline.LegalCalendar;
import vn.motcua.procedure.ConstructionPermitProcess;
import vn.motcua.procedure.DossierVariables;

/**
 * Recomputes N running dossiers (construction permits received on 25/01/2027, 2027 provisional)
 * when the official 2027 file with one more day off (04/02/2027) is loaded, against a baseline
 * measured in the same run on the same dossiers: the bare {@code setJobDuedate} loop over their
 * timer jobs (one engine command each). Not a unit test; run it with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=vn.motcua.calendarfollow.CalendarFollowBenchmark \
 *   -Dexec.classpathScope=test [-Dbench.dossiers=10000] [-Dbench.batch=200]
 * </pre>
 */
public final class CalendarFollowBenchmark {

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	public static void main(String[] args) throws Exception {
		int n = Integer.getInteger("bench.dossiers", 10_000);
		int batch = Integer.getInteger("bench.batch", 200);
		Path dir = Files.createTempDirectory("motcua-follow-bench");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MotcuaApplication.class)
			// command-line arguments: they override application.yaml (default properties do not)
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:follow-bench;MODE=LEGACY;DB_CLOSE_DELAY=-1",
					"--camunda.bpm.job-execution.enabled=false", "--motcua.calendar.directory=" + dir,
					"--motcua.calendar.follow.enabled=false", "--motcua.calendar.follow.batch-size=" + batch,
					"--logging.level.root=WARN")) {
			RuntimeService runtime = context.getBean(RuntimeService.class);
			ManagementService management = context.getBean(ManagementService.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			LegalCalendar calendar = context.getBean(LegalCalendar.class);
			CalendarFollow follow = context.getBean(CalendarFollow.class);
			follow.sync("bench");

			long t0 = System.nanoTime();
			// receipt days 18–22 and 25/01/2027 (the desk's daily sequence has four digits)
			List<LocalDateTime> days = List.of(LocalDateTime.of(2027, 1, 18, 8, 0), LocalDateTime.of(2027, 1, 19, 8, 0),
					LocalDateTime.of(2027, 1, 20, 8, 0), LocalDateTime.of(2027, 1, 21, 8, 0),
					LocalDateTime.of(2027, 1, 22, 8, 0), LocalDateTime.of(2027, 1, 25, 8, 0));
			for (int i = 0; i < n; i++) {
				LocalDateTime day = days.get(i * days.size() / n);
				ClockUtil.setCurrentTime(at(day.plusSeconds(i % 2000)));
				runtime.startProcessInstanceByKey(ConstructionPermitProcess.KEY, permit());
			}
			System.out.printf("created %,d running dossiers in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
			ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 1, 26, 9, 0)));

			// baseline: the bare setJobDuedate loop over the same dossiers' timers (one engine command each)
			List<Job> timers = management.createJobQuery().timers().list();
			int touched = 0;
			long b0 = System.nanoTime();
			for (Job j : timers) {
				try {
					management.setJobDuedate(j.getId(), j.getDuedate());
					touched++;
				}
				catch (org.camunda.bpm.engine.ProcessEngineException gone) {
					// a job that no longer exists
				}
			}
			double baseline = (System.nanoTime() - b0) / 1e9;

			Files.writeString(dir.resolve("2027.yaml"), CalendarFollowTest.OFFICIAL_2027, StandardCharsets.UTF_8);
			long f0 = System.nanoTime();
			calendar.reload();
			follow.sync("bench");
			int moved = follow.runPending();
			double following = (System.nanoTime() - f0) / 1e9;
			long moves = jdbc.sql("select count(*) from deadline_move").query(Long.class).single();
			if (moved != n) {
				throw new IllegalStateException("expected " + n + " dossiers moved, got " + moved);
			}
			System.out.printf("baseline setJobDuedate loop: %,d timers in %.2f s (%.0f timers/s)%n", touched, baseline,
					touched / baseline);
			System.out.printf("recomputation: %,d dossiers, %,d deadlines moved, in %.2f s (%.0f dossiers/s)%n", moved, moves,
					following, moved / following);
			System.out.printf("ratio recomputation / baseline: %.1f%n", following / baseline);
		}
	}

	static Map<String, Object> permit() {
		Map<String, Object> v = new HashMap<>();
		v.put(DossierVariables.RECEIVING_UNIT, "xa-an-binh");
		v.put(DossierVariables.APPLICANT_NAME, "Lê Văn Hùng");
		v.put(DossierVariables.APPLICANT_ID_NUMBER, "001085012345");
		v.put(DossierVariables.APPLICANT_PHONE, "0987654321");
		v.put(DossierVariables.APPLICANT_ADDRESS, "Xóm Trại, xa-an-binh");
		v.put(DossierVariables.CHANNEL, "in-person");
		v.put(DossierVariables.DOCUMENTS, List.of("application-form", "land-right-document", "design-drawings"));
		v.put(ConstructionPermitProcess.CONSTRUCTION_ADDRESS, "Thửa 120, tờ 7");
		v.put(ConstructionPermitProcess.PARCEL_NUMBER, "120");
		v.put(ConstructionPermitProcess.MAP_SHEET_NUMBER, "7");
		v.put(ConstructionPermitProcess.FLOOR_COUNT, 3);
		v.put(ConstructionPermitProcess.LAND_CERTIFICATE_SERIAL, "CS 012345");
		v.put(ConstructionPermitProcess.BUILDING_FOOTPRINT, 80);
		v.put(ConstructionPermitProcess.TOTAL_FLOOR_AREA, 240);
		v.put(ConstructionPermitProcess.BUILDING_HEIGHT, 11.5);
		return v;
	}

	private static Date at(LocalDateTime local) {
		return Date.from(local.atZone(ZONE).toInstant());
	}

}
