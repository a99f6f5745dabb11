package vn.motcua.reports;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.organisation.Organisation;
import vn.motcua.reports.Report.Grouping;

/**
 * Loads a generated history into an embedded H2 file database and times the province-wide
 * quarterly report (counters) against two naive baselines in the same run: the same figures
 * counted straight over {@code dossier}, and over Camunda's history tables
 * ({@code ACT_HI_PROCINST} joined with {@code ACT_HI_VARINST} and {@code ACT_HI_TASKINST}); then
 * again while a writer thread keeps changing dossiers. Not a unit test; run it with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=vn.motcua.reports.ReportBenchmark -Dexec.classpathScope=test \
 *   [-Dbench.dossiers=1000000] [-Dbench.camunda=200000] [-Dbench.runs=10]
 * </pre>
 *
 * The generator uses {@code INSERT ... SELECT ... FROM SYSTEM_RANGE} in chunks of 100,000 rows,
 * so time and memory stay bounded; due dates are calendar approximations (no holiday calendar).
 */
public final class ReportBenchmark {

	static final String[] DESKS = { "xa-an-binh", "xa-hoa-phu", "phuong-tan-an", "xa-my-loc", "ttpvhcc-tinh",
			"huyen-bac-son", "huyen-nam-son", "so-tu-phap" };

	static final String[] AGENCIES = { "so-tu-phap", "ca-xa-an-binh", "cn-vpdkdd-bac-son", "thue-tinh", "bhxh-tinh",
			"huyen-nam-son", "so-xay-dung", "vpdkdd-tinh" };

	static final int CHUNK = 100_000;

	public static void main(String[] args) throws Exception {
		int dossiers = Integer.getInteger("bench.dossiers", 1_000_000);
		int camunda = Integer.getInteger("bench.camunda", 200_000);
		int runs = Integer.getInteger("bench.runs", 10);
		Path dir = Path.of("target", "report-bench");
		boolean reuse = Boolean.getBoolean("bench.reuse") && Files.exists(dir.resolve("motcua.mv.db"));
		if (Files.exists(dir) && !reuse) {
			try (var files = Files.walk(dir)) {
				files.sorted(Collections.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
		Files.createDirectories(dir);
		HikariDataSource ds = new HikariDataSource();
		// OPTIMIZE_REUSE_RESULTS=FALSE: H2 would otherwise hand back the cached result of an
		// identical query on unchanged tables, which flatters repeated timings.
		ds.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("motcua")
				+ ";MODE=LEGACY;OPTIMIZE_REUSE_RESULTS=FALSE");
		ds.setUsername("sa");
		ds.setMaximumPoolSize(4);
		try (ds) {
			Flyway.configure()
				.dataSource(ds)
				.locations("classpath:db/migration")
				.table("motcua_schema_history")
				.load()
				.migrate();
			JdbcTemplate jdbc = new JdbcTemplate(ds);
			LocalDateTime now = LocalDateTime.now(Period.ZONE);
			ReportCounters counters = new ReportCounters(jdbc, new org.springframework.jdbc.datasource.DataSourceTransactionManager(ds));
			if (reuse) {
				System.out.printf("reusing %,d dossiers of a previous run%n", count(jdbc, "dossier"));
			}
			else {
			jdbc.execute("RUNSCRIPT FROM 'classpath:org/camunda/bpm/engine/db/create/activiti.h2.create.history.sql'");
			LocalDateTime origin = now.toLocalDate().minusYears(3).atStartOfDay();

			long t = System.nanoTime();
			generate(jdbc, dossiers, origin, now);
			System.out.printf("generated %,d dossiers, %,d handoffs, %,d breaches in %,d ms%n", count(jdbc, "dossier"),
					count(jdbc, "handoff"), count(jdbc, "deadline_breach"), ms(t));
			t = System.nanoTime();
			counters.rebuild();
			System.out.printf("counters rebuilt from scratch in %,d ms (%,d day rows)%n", ms(t),
					count(jdbc, "report_daily"));
			t = System.nanoTime();
			generateCamunda(jdbc, camunda);
			System.out.printf("Camunda history for %,d dossiers (ACT_HI_PROCINST, 3 ACT_HI_VARINST, 1 ACT_HI_TASKINST each) in %,d ms%n",
					camunda, ms(t));
			jdbc.execute("ANALYZE");
			}

			Organisation organisation = Organisation.read(new ClassPathResource("organisation/three-tier-demo.yaml"));
			DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
			ReportFolding folding = new ReportFolding(jdbc, counters, transactions, java.time.Duration.ZERO);
			PerformanceReports reports = new PerformanceReports(new NamedParameterJdbcTemplate(ds), organisation,
					new ReportProperties(0.05, 3), Clock.system(Period.ZONE), folding, transactions);
			LocalDate today = now.toLocalDate();
			int q = (today.getMonthValue() - 1) / 3 + 1;
			Period lastQuarter = q == 1 ? Period.quarter(today.getYear() - 1, 4) : Period.quarter(today.getYear(), q - 1);
			Period currentQuarter = Period.quarter(today.getYear(), q);

			System.out.println();
			System.out.println("| query | rows scanned | median ms | max ms |");
			System.out.println("|---|---|---|---|");
			time("report, province, last quarter, per unit (counters)", "report_daily", runs,
					() -> reports.report(lastQuarter, Scope.PROVINCE, null, Grouping.UNIT));
			time("report, province, current quarter, per unit (counters + open dossiers)", "report_daily", runs,
					() -> reports.report(currentQuarter, Scope.PROVINCE, null, Grouping.UNIT));
			time("report, province, last quarter, per procedure (counters)", "report_daily", runs,
					() -> reports.report(lastQuarter, Scope.PROVINCE, null, Grouping.PROCEDURE));
			boolean current = false;
			time("  of which: figures over report_daily", "report_daily", runs,
					() -> reports.figures(lastQuarter, null, null, current, lastQuarter.end()));
			time("  of which: officials flag over the year", "report_official_year", runs,
					() -> reports.officialFlags(lastQuarter.year(), null, null));
			time("  of which: monthly trend", "report_daily", runs, () -> reports.trend(lastQuarter, null, null));
			NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(ds);
			time("naive: same cells counted over dossier + handoff", dossiers + " dossiers", Math.min(runs, 3),
					() -> naiveDossier(named, lastQuarter));
			time("naive: same cells over Camunda history (ACT_HI_*)", camunda + " instances", Math.min(runs, 3),
					() -> naiveCamunda(named, lastQuarter));

			// concurrent writes: dossiers keep moving while the report runs
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong writes = new AtomicLong();
			TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
			List<String> open = jdbc.queryForList("select code from dossier where finished_at is null", String.class);
			List<String> recent = jdbc.queryForList(
					"select code from dossier where received_at >= ? and finished_at is not null",
					String.class, java.sql.Timestamp.valueOf(now.minusDays(60)));
			Thread writer = new Thread(() -> {
				Random random = new Random(1);
				while (running.get()) {
					boolean close = random.nextBoolean() && !open.isEmpty();
					String code = close ? open.get(random.nextInt(open.size())) : recent.get(random.nextInt(recent.size()));
					tx.executeWithoutResult(s -> {
						if (close) {
							jdbc.update("""
									update dossier set status = 'RETURNED', finished_at = ?,
									  timeliness = case when legal_due < ? then 'LATE' else 'ON_TIME' end
									where code = ? and finished_at is null""",
									java.sql.Timestamp.valueOf(LocalDateTime.now(Period.ZONE)),
									java.sql.Timestamp.valueOf(LocalDateTime.now(Period.ZONE)), code);
						}
						else {
							jdbc.update("update dossier set legal_due = dateadd('DAY', 1, legal_due) where code = ?", code);
						}
						folding.changed(code);
					});
					writes.incrementAndGet();
				}
			}, "writer");
			writer.start();
			Thread.sleep(500);
			long w0 = writes.get();
			long t0 = System.nanoTime();
			time("report, province, last quarter, per unit, while a thread updates dossiers", "report_daily", runs,
					() -> reports.report(lastQuarter, Scope.PROVINCE, null, Grouping.UNIT));
			time("report, province, current quarter, per unit, while a thread updates dossiers", "report_daily", runs,
					() -> reports.report(currentQuarter, Scope.PROVINCE, null, Grouping.UNIT));
			double seconds = (System.nanoTime() - t0) / 1e9;
			running.set(false);
			writer.join();
			System.out.printf("%nwriter: %,d dossier changes (update + pending counter change, one transaction each; folded by the reports) in %.1f s = %.0f/s during the timed reports%n",
					writes.get() - w0, seconds, (writes.get() - w0) / seconds);
			Report r = reports.report(lastQuarter, Scope.PROVINCE, null, Grouping.UNIT);
			System.out.printf("last quarter %s..%s: total %,d, resolved %,d, on-time rate %.2f %%, flagged units %d, flagged officials %d%n",
					lastQuarter.from(), lastQuarter.to(), r.total().total(), r.total().resolved(),
					r.total().onTimeRate() * 100, r.unitFlags().size(), r.officialFlags().size());
		}
	}

	static void generate(JdbcTemplate jdbc, int dossiers, LocalDateTime origin, LocalDateTime now) {
		long span = java.time.Duration.between(origin, now).getSeconds();
		String desk = caseOf("MOD(X, " + DESKS.length + ")", DESKS);
		for (int from = 1; from <= dossiers; from += CHUNK) {
			int to = Math.min(dossiers, from + CHUNK - 1);
			// received spread evenly over three years; legal due 1..10 working days (x 1.4 calendar);
			// finished after 30 % .. 125 % of the allowed time (about 5 % late), or still open if that is after now
			jdbc.update("""
					insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit,
					  applicant_name, channel, legal_working_days, received_at, original_due, legal_due, due_at, status,
					  finished_at, timeliness)
					select code, procedure_key, procedure_name, 1, receiving_unit, 'Nguyễn Văn A', channel, days, received,
					  due, due, due,
					  case when finished > %2$s then 'IN_PROGRESS' when refused then 'REFUSED' else 'RETURNED' end,
					  case when finished > %2$s then null else finished end,
					  case when finished > %2$s or refused then null
					       when finished > due then 'LATE'
					       when cast(finished as date) < cast(due as date) then 'EARLY' else 'ON_TIME' end
					from (
					  select code, procedure_key, procedure_name, receiving_unit, channel, days, received, due, refused,
					    dateadd('SECOND', cast(datediff('SECOND', received, due) * (0.3 + 0.75 * r) as bigint), received) as finished
					  from (
					    select 'B-' || X as code,
					      'procedure-' || MOD(X * 7, 12) as procedure_key, 'Thủ tục số ' || MOD(X * 7, 12) as procedure_name,
					      %1$s as receiving_unit,
					      case MOD(X * 13, 10) when 0 then 'postal' when 1 then 'in-person' when 2 then 'in-person'
					        when 3 then 'in-person' else 'online' end as channel,
					      1 + MOD(X, 10) as days,
					      dateadd('SECOND', cast(X * %3$s as bigint), %4$s) as received,
					      dateadd('MINUTE', (1 + MOD(X, 10)) * 2016, dateadd('SECOND', cast(X * %3$s as bigint), %4$s)) as due,
					      RAND() < 0.02 as refused,
					      RAND() as r
					    from SYSTEM_RANGE(%5$d, %6$d)
					  ) a
					) b""".formatted(desk, literal(now), String.format(java.util.Locale.ROOT, "%.6f", (double) span / dossiers),
					literal(origin), from, to));
			// one inter-agency step per dossier: half the dossier's time allowed, late when it overran
			jdbc.update("""
					insert into handoff (dossier_code, step_instance_id, step_name, function_code, from_unit, to_unit,
					  sent_at, received_at, due_at, allotted_days, finished_at, finished_by, outcome)
					select code, code, 'Thẩm định', 'f', receiving_unit, to_unit, received_at, received_at, step_due, 1,
					  step_end, case when step_end is null then null else 'can-bo-' || MOD(X * 31, 400) end,
					  case when step_end is null then null when step_end > step_due then 'LATE'
					       when cast(step_end as date) < cast(step_due as date) then 'EARLY' else 'ON_TIME' end
					from (
					  select d.code, d.receiving_unit, d.received_at, X, %s as to_unit,
					    dateadd('SECOND', datediff('SECOND', d.received_at, d.legal_due) / 2, d.received_at) as step_due,
					    case when d.finished_at is null then null
					      else dateadd('SECOND', cast(datediff('SECOND', d.received_at, d.finished_at) * (0.3 + 0.5 * RAND()) as bigint), d.received_at) end as step_end
					  from SYSTEM_RANGE(?, ?) join dossier d on d.code = 'B-' || X
					) s""".formatted(caseOf("MOD(X * 3, " + AGENCIES.length + ")", AGENCIES)), from, to);
		}
		jdbc.update("""
				insert into deadline_breach (dossier_code, handoff_id, unit_code, official_user_id, breached_at)
				select dossier_code, id, to_unit, finished_by, due_at from handoff where outcome = 'LATE' and RAND() < 0.5""");
	}

	/** The same dossiers as Camunda history: instance, variables receivingUnit/channel/dossierDue, one task. */
	static void generateCamunda(JdbcTemplate jdbc, int instances) {
		for (int from = 1; from <= instances; from += CHUNK) {
			int to = Math.min(instances, from + CHUNK - 1);
			Object[] range = { from, to };
			jdbc.update("""
					insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,
					  END_TIME_, STATE_)
					select 'p' || X, 'p' || X, d.code, d.procedure_key, d.procedure_key || ':1', d.received_at, d.finished_at,
					  case when d.finished_at is null then 'ACTIVE' else 'COMPLETED' end
					from SYSTEM_RANGE(?, ?) join dossier d on d.code = 'B-' || X""", range);
			jdbc.update("""
					insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, REV_, STATE_)
					select 'u' || X, 'p' || X, 'receivingUnit', 'string', d.receiving_unit, 1, 'CREATED'
					from SYSTEM_RANGE(?, ?) join dossier d on d.code = 'B-' || X""", range);
			jdbc.update("""
					insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, TEXT_, REV_, STATE_)
					select 'c' || X, 'p' || X, 'channel', 'string', d.channel, 1, 'CREATED'
					from SYSTEM_RANGE(?, ?) join dossier d on d.code = 'B-' || X""", range);
			jdbc.update("""
					insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, NAME_, VAR_TYPE_, LONG_, REV_, STATE_)
					select 'd' || X, 'p' || X, 'dossierDue', 'date',
					  datediff('MILLISECOND', timestamp '1970-01-01 00:00:00', d.legal_due), 1, 'CREATED'
					from SYSTEM_RANGE(?, ?) join dossier d on d.code = 'B-' || X""", range);
			jdbc.update("""
					insert into ACT_HI_TASKINST (ID_, PROC_INST_ID_, PROC_DEF_KEY_, TASK_DEF_KEY_, NAME_, ASSIGNEE_,
					  START_TIME_, END_TIME_, DUE_DATE_)
					select 't' || X, 'p' || X, d.procedure_key, 'Task_Step', 'Thẩm định', h.finished_by, h.received_at,
					  h.finished_at, h.due_at
					from SYSTEM_RANGE(?, ?) join dossier d on d.code = 'B-' || X join handoff h on h.dossier_code = d.code""",
					range);
		}
	}

	/** The report's cells counted straight over the dossier and handoff rows. */
	static int naiveDossier(NamedParameterJdbcTemplate jdbc, Period p) {
		var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
			.addValue("start", ts(p.start()))
			.addValue("end", ts(p.end()));
		List<Object> rows = new ArrayList<>(jdbc.queryForList("""
				select receiving_unit,
				  sum(case when received_at < :start and (finished_at is null or finished_at >= :start) then 1 else 0 end),
				  sum(case when received_at >= :start and received_at < :end and channel = 'online' then 1 else 0 end),
				  sum(case when received_at >= :start and received_at < :end and channel = 'in-person' then 1 else 0 end),
				  sum(case when received_at >= :start and received_at < :end and channel = 'postal' then 1 else 0 end),
				  sum(case when finished_at >= :start and finished_at < :end and timeliness = 'EARLY' then 1 else 0 end),
				  sum(case when finished_at >= :start and finished_at < :end and timeliness = 'ON_TIME' then 1 else 0 end),
				  sum(case when finished_at >= :start and finished_at < :end and timeliness = 'LATE' then 1 else 0 end),
				  sum(case when finished_at >= :start and finished_at < :end and status = 'REFUSED' then 1 else 0 end),
				  sum(case when received_at < :end and (finished_at is null or finished_at >= :end) and legal_due >= :end then 1 else 0 end),
				  sum(case when received_at < :end and (finished_at is null or finished_at >= :end) and legal_due < :end then 1 else 0 end)
				from dossier group by receiving_unit""", params));
		rows.addAll(jdbc.queryForList("""
				select to_unit, count(*), sum(case when outcome = 'LATE' then 1 else 0 end) from handoff
				where finished_at >= :start and finished_at < :end group by to_unit""", params));
		return rows.size();
	}

	/** The same cells from Camunda's history: instances, their variables and task instances. */
	static int naiveCamunda(NamedParameterJdbcTemplate jdbc, Period p) {
		var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
			.addValue("start", ts(p.start()))
			.addValue("end", ts(p.end()))
			.addValue("endMs", p.end().toEpochMilli());
		List<Object> rows = new ArrayList<>(jdbc.queryForList("""
				select u.TEXT_,
				  sum(case when pi.START_TIME_ < :start and (pi.END_TIME_ is null or pi.END_TIME_ >= :start) then 1 else 0 end),
				  sum(case when pi.START_TIME_ >= :start and pi.START_TIME_ < :end and c.TEXT_ = 'online' then 1 else 0 end),
				  sum(case when pi.START_TIME_ >= :start and pi.START_TIME_ < :end and c.TEXT_ = 'in-person' then 1 else 0 end),
				  sum(case when pi.START_TIME_ >= :start and pi.START_TIME_ < :end and c.TEXT_ = 'postal' then 1 else 0 end),
				  sum(case when pi.END_TIME_ >= :start and pi.END_TIME_ < :end
				    and datediff('MILLISECOND', timestamp '1970-01-01 00:00:00', pi.END_TIME_) <= d.LONG_ then 1 else 0 end),
				  sum(case when pi.END_TIME_ >= :start and pi.END_TIME_ < :end
				    and datediff('MILLISECOND', timestamp '1970-01-01 00:00:00', pi.END_TIME_) > d.LONG_ then 1 else 0 end),
				  sum(case when pi.START_TIME_ < :end and (pi.END_TIME_ is null or pi.END_TIME_ >= :end) and d.LONG_ >= :endMs then 1 else 0 end),
				  sum(case when pi.START_TIME_ < :end and (pi.END_TIME_ is null or pi.END_TIME_ >= :end) and d.LONG_ < :endMs then 1 else 0 end),
				  sum(t.steps), sum(t.late)
				from ACT_HI_PROCINST pi
				join ACT_HI_VARINST u on u.PROC_INST_ID_ = pi.ID_ and u.NAME_ = 'receivingUnit'
				join ACT_HI_VARINST c on c.PROC_INST_ID_ = pi.ID_ and c.NAME_ = 'channel'
				join ACT_HI_VARINST d on d.PROC_INST_ID_ = pi.ID_ and d.NAME_ = 'dossierDue'
				left join (
				  select PROC_INST_ID_, count(*) as steps, sum(case when END_TIME_ > DUE_DATE_ then 1 else 0 end) as late
				  from ACT_HI_TASKINST where END_TIME_ >= :start and END_TIME_ < :end group by PROC_INST_ID_
				) t on t.PROC_INST_ID_ = pi.ID_
				group by u.TEXT_""", params));
		return rows.size();
	}

	static void time(String label, String scanned, int runs, Supplier<?> work) {
		for (int i = 0; i < Math.min(2, runs); i++) {
			work.get(); // warm-up
		}
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			work.get();
			times.add((System.nanoTime() - t) / 1_000_000);
		}
		Collections.sort(times);
		System.out.printf("| %s | %s | %d | %d |%n", label, scanned, times.get(times.size() / 2),
				times.get(times.size() - 1));
	}

	static String caseOf(String expression, String[] values) {
		StringBuilder sql = new StringBuilder("case ").append(expression);
		for (int i = 0; i < values.length; i++) {
			sql.append(" when ").append(i).append(" then '").append(values[i]).append("'");
		}
		return sql.append(" end").toString();
	}

	static String literal(LocalDateTime local) {
		return "timestamp '" + ts(local).toString() + "'";
	}

	static long count(JdbcTemplate jdbc, String table) {
		Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
		return n == null ? 0 : n;
	}

	static long ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	static java.sql.Timestamp ts(LocalDateTime local) {
		return java.sql.Timestamp.from(local.atZone(Period.ZONE).toInstant());
	}

	static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}

}
