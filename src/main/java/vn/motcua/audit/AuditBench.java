package vn.motcua.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Profile {@code audit-bench}: {@code --motcua.audit.bench.action=generate} loads historic dossiers
 * (with three handoffs each) into H2 with {@code INSERT ... SELECT FROM SYSTEM_RANGE} in chunks;
 * {@code benchmark} times audit searches and a dossier timeline, then the same searches without the
 * V20 indexes (baseline), and restores them. Commands and figures: {@code docs/audit.md}.
 */
@Component
@Profile("audit-bench")
class AuditBench implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AuditBench.class);

	static final String[][] DESKS = { { "xa-an-binh", "000.31.31.H99", "ca-xa-an-binh", "bhxh-bac-son" },
			{ "xa-hoa-phu", "000.32.31.H99", "ca-xa-hoa-phu", "bhxh-bac-son" },
			{ "phuong-tan-an", "000.33.32.H99", "ca-phuong-tan-an", "bhxh-nam-son" },
			{ "xa-my-loc", "000.34.32.H99", "ca-xa-my-loc", "bhxh-nam-son" } };

	static final String[][] PROCEDURES = { { "birth-registration", "Liên thông đăng ký khai sinh, thường trú, cấp thẻ BHYT" },
			{ "death-registration", "Liên thông đăng ký khai tử, xóa thường trú, trợ cấp mai táng" },
			{ "land-transfer", "Đăng ký biến động quyền sử dụng đất" },
			{ "construction-permit", "Cấp giấy phép xây dựng nhà ở riêng lẻ" },
			{ "household-business", "Đăng ký hộ kinh doanh" } };

	static final List<String> V20_INDEXES = List.of(
			"create index ix_dossier_received on dossier (received_at)",
			"create index ix_dossier_procedure_received on dossier (procedure_key, received_at)",
			"create index ix_dossier_status_received on dossier (status, received_at)",
			"create index ix_dossier_timeliness_received on dossier (timeliness, received_at)",
			"create index ix_handoff_unit_dossier on handoff (to_unit, dossier_code)");

	/** V1's and V20's secondary indexes on the two tables the generator fills. */
	static final List<String> SECONDARY_INDEXES = java.util.stream.Stream.concat(Stream.of(
			"create index ix_dossier_process on dossier (process_instance_id)",
			"create index ix_dossier_unit_received on dossier (receiving_unit, received_at)",
			"create index ix_dossier_status_due on dossier (status, due_at)",
			"create index ix_handoff_dossier on handoff (dossier_code)",
			"create index ix_handoff_step on handoff (step_instance_id)",
			"create index ix_handoff_unit_received on handoff (to_unit, received_at)"), V20_INDEXES.stream()).toList();

	private final JdbcTemplate jdbc;

	private final AuditQueries queries;

	private final DossierTimeline timeline;

	private final ConfigurableApplicationContext context;

	@Value("${motcua.audit.bench.action:benchmark}")
	private String action;

	@Value("${motcua.audit.bench.count:1000000}")
	private int count;

	@Value("${motcua.audit.bench.chunk:50000}")
	private int chunk;

	AuditBench(JdbcTemplate jdbcTemplate, AuditQueries queries, DossierTimeline timeline,
			ConfigurableApplicationContext context) {
		this.jdbc = jdbcTemplate;
		this.queries = queries;
		this.timeline = timeline;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int exit = 0;
		try {
			if ("generate".equals(this.action)) {
				generate();
			}
			else {
				benchmark();
			}
		}
		catch (RuntimeException ex) {
			log.error("audit-bench failed", ex);
			exit = 1;
		}
		System.exit(SpringApplication.exit(this.context, () -> 0) + (exit == 0 ? 0 : 1));
	}

	// ---------------------------------------------------------------- generator

	void generate() {
		long existing = this.jdbc.queryForObject("select coalesce(max(cast(substring(code, 22) as bigint)), 0) "
				+ "from dossier where code like '___.__.__.H99-______-_______'", Long.class);
		long from = existing + 1;
		long to = existing + this.count;
		long started = System.nanoTime();
		// bulk load: secondary indexes and foreign keys off, indexes rebuilt once at the end
		this.jdbc.execute("set referential_integrity false");
		for (String index : SECONDARY_INDEXES) {
			this.jdbc.execute("drop index if exists " + index.split(" ")[2]);
		}
		try {
			for (long a = from; a <= to; a += this.chunk) {
				long b = Math.min(to, a + this.chunk - 1);
				insertChunk(a, b);
				log.info("generated dossiers {}..{} ({} s)", a, b, (System.nanoTime() - started) / 1_000_000_000);
			}
		}
		finally {
			for (String index : SECONDARY_INDEXES) {
				this.jdbc.execute(index.replace("create index", "create index if not exists"));
				log.info("{} ({} s)", index, (System.nanoTime() - started) / 1_000_000_000);
			}
			this.jdbc.execute("set referential_integrity true");
		}
		long dossiers = this.jdbc.queryForObject("select count(*) from dossier", Long.class);
		long handoffs = this.jdbc.queryForObject("select count(*) from handoff", Long.class);
		this.jdbc.execute("analyze");
		System.out.printf(Locale.ROOT, "%nGENERATED %,d dossiers in %.1f s; table dossier %,d rows, handoff %,d rows%n",
				this.count, (System.nanoTime() - started) / 1e9, dossiers, handoffs);
	}

	private void insertChunk(long a, long b) {
		StringBuilder unit = new StringBuilder("case mod(x, 4)");
		StringBuilder agency = new StringBuilder("case mod(x, 4)");
		StringBuilder police = new StringBuilder("case mod(x, 4)");
		StringBuilder insurance = new StringBuilder("case mod(x, 4)");
		for (int i = 0; i < DESKS.length; i++) {
			unit.append(" when ").append(i).append(" then '").append(DESKS[i][0]).append('\'');
			agency.append(" when ").append(i).append(" then '").append(DESKS[i][1]).append('\'');
			police.append(" when ").append(i).append(" then '").append(DESKS[i][2]).append('\'');
			insurance.append(" when ").append(i).append(" then '").append(DESKS[i][3]).append('\'');
		}
		StringBuilder key = new StringBuilder("case mod(x / 3, 5)");
		StringBuilder name = new StringBuilder("case mod(x / 3, 5)");
		for (int i = 0; i < PROCEDURES.length; i++) {
			key.append(" when ").append(i).append(" then '").append(PROCEDURES[i][0]).append('\'');
			name.append(" when ").append(i).append(" then '").append(PROCEDURES[i][1]).append('\'');
		}
		// one dossier every 157 s from Monday 04/01/2021 07:30: 1,000,000 dossiers span five years
		String source = "select x, " + unit + " end as unit, " + agency + " end as agency, " + police
				+ " end as police, " + insurance + " end as insurance, " + key + " end as pk, " + name + " end as pn, "
				+ "dateadd('SECOND', x * 157, timestamp '2021-01-04 07:30:00') as r, "
				+ "case when mod(x, 100) < 2 then 'IN_PROGRESS' when mod(x, 100) < 4 then 'REFUSED' else 'RETURNED' end as st, "
				+ "case when mod(x / 7, 10) < 6 then 'EARLY' when mod(x / 7, 10) < 9 then 'ON_TIME' else 'LATE' end as tl "
				+ "from system_range(" + a + ", " + b + ")";
		String code = "agency || '-' || formatdatetime(r, 'yyMMdd') || '-' || lpad(cast(x as varchar), 7, '0')";
		this.jdbc.update("""
				insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit, received_by,
				  applicant_name, applicant_phone, applicant_address, channel, legal_working_days, received_at,
				  original_due, legal_due, due_at, status, finished_at, timeliness, refusal_reason)
				select %s, pk, pn, 1, unit, unit || '.officer', 'Công dân số ' || x, '09' || lpad(cast(x as varchar), 8, '0'),
				  'Thôn ' || mod(x, 97) || ', ' || unit, case when mod(x, 3) = 0 then 'online' else 'in-person' end, 5, r,
				  dateadd('DAY', 7, r), dateadd('DAY', 7, r), dateadd('DAY', 7, r), st,
				  case when st = 'IN_PROGRESS' then null when tl = 'EARLY' then dateadd('DAY', 3, r)
				       when tl = 'ON_TIME' then dateadd('HOUR', 7 * 24 - 2, r) else dateadd('DAY', 9, r) end,
				  case when st = 'RETURNED' then tl end,
				  case when st = 'REFUSED' then 'Hồ sơ không đủ điều kiện theo quy định' end
				from (%s) t""".formatted(code, source));
		String[][] steps = { { "unit", "Kiểm tra tính đầy đủ của hồ sơ", "0", "0.5", "desk" },
				{ "police", "Đăng ký thường trú", "2", "2", "residence" },
				{ "insurance", "Cấp thẻ bảo hiểm y tế", "4", "2", "health-insurance" } };
		for (String[] s : steps) {
			this.jdbc.update("""
					insert into handoff (dossier_code, step_instance_id, step_element, step_name, function_code, from_unit,
					  to_unit, sent_at, received_at, due_at, allotted_days, finished_at, finished_by, working_days_used, outcome,
					  step_outcome)
					select %s, 'generated', null, '%s', '%s', unit, %s, dateadd('HOUR', %s, r), dateadd('HOUR', %s, r),
					  dateadd('DAY', %s, dateadd('HOUR', %s, r)), %s,
					  case when st = 'IN_PROGRESS' and %s > 0 then null else dateadd('HOUR', %s + 3, r) end,
					  case when st = 'IN_PROGRESS' and %s > 0 then null else %s || '.officer' end,
					  case when st = 'IN_PROGRESS' and %s > 0 then null else 0.4 end,
					  case when st = 'IN_PROGRESS' and %s > 0 then null when tl = 'LATE' and %s = 4 then 'LATE' else 'EARLY' end,
					  case when st = 'IN_PROGRESS' and %s > 0 then null else 'done' end
					from (%s) t""".formatted(code, s[1], s[4], s[0], s[2], s[2], s[3], s[2], s[3], s[2], s[2], s[2],
					s[0], s[2], s[2], s[2], s[2], source));
		}
	}

	// ---------------------------------------------------------------- benchmark

	record Case(String name, Supplier<Object> run) {

	}

	void benchmark() {
		long dossiers = this.jdbc.queryForObject("select count(*) from dossier", Long.class);
		long handoffs = this.jdbc.queryForObject("select count(*) from handoff", Long.class);
		Date now = new Date();
		AuditScope auditor = new AuditScope(true, Set.of());
		AuditScope supervisor = new AuditScope(false, Set.of("bhxh-nam-son"));
		String middle = this.jdbc.queryForObject("select code from dossier order by code limit 1 offset ?", String.class,
				dossiers / 2);
		DossierSearch filtered = new DossierSearch(null, null, "xa-an-binh", null, LocalDate.of(2023, 1, 1),
				LocalDate.of(2024, 12, 31), "returned", "late", "received", "desc", 1, 20);
		long filteredPages = this.queries.search(filtered, auditor, now).pages();
		DossierSearch byHandler = new DossierSearch(null, "land-transfer", null, "ca-phuong-tan-an", null, null, null,
				null, "code", "asc", 1, 20);
		long handlerPages = this.queries.search(byHandler, auditor, now).pages();
		DossierSearch all = new DossierSearch(null, null, null, null, null, null, null, null, "received", "desc", 1, 20);
		DossierSearch scoped = new DossierSearch(null, null, null, null, LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 6, 30), null, null, "received", "desc", 1, 20);
		long scopedPages = this.queries.search(scoped, supervisor, now).pages();
		List<Case> cases = List.of(
				new Case("unit + period + returned + late, sorted by receipt, page 1",
						() -> this.queries.search(filtered, auditor, now)),
				new Case("same, last page (" + filteredPages + ")",
						() -> this.queries.search(filtered.withPage((int) filteredPages), auditor, now)),
				new Case("procedure + handling unit, sorted by code, page 1",
						() -> this.queries.search(byHandler, auditor, now)),
				new Case("same, page " + handlerPages / 2 + " (middle)",
						() -> this.queries.search(byHandler.withPage((int) (handlerPages / 2)), auditor, now)),
				new Case("no filter, newest first, page 1", () -> this.queries.search(all, auditor, now)),
				new Case("no filter, page 10000", () -> this.queries.search(all.withPage(10_000), auditor, now)),
				new Case("supervisor bhxh-nam-son, half a year, page 1", () -> this.queries.search(scoped, supervisor, now)),
				new Case("same, last page (" + scopedPages + ")",
						() -> this.queries.search(scoped.withPage((int) scopedPages), supervisor, now)),
				new Case("overdue now, page 1", () -> this.queries.search(new DossierSearch(null, null, null, null, null,
						null, null, "overdue", "due", "asc", 1, 20), auditor, now)),
				new Case("dossier timeline " + middle, () -> this.timeline.of(middle, auditor).orElseThrow()));
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Data: %,d dossiers, %,d handoffs (H2 file, %s)", dossiers, handoffs,
				System.getProperty("java.version")));
		lines.add("| case | with V20 indexes: median / max ms | without (baseline): median / max ms |");
		lines.add("|---|---|---|");
		long[][] with = new long[cases.size()][];
		for (int i = 0; i < cases.size(); i++) {
			with[i] = time(cases.get(i).run(), 2, 7);
			log.info("{}: {} ms", cases.get(i).name(), with[i][0]);
		}
		for (String index : V20_INDEXES) {
			this.jdbc.execute("drop index if exists " + index.split(" ")[2]);
		}
		long[][] without = new long[cases.size()][];
		try {
			for (int i = 0; i < cases.size(); i++) {
				without[i] = time(cases.get(i).run(), 0, 3);
				log.info("baseline {}: {} ms", cases.get(i).name(), without[i][0]);
			}
		}
		finally {
			for (String index : V20_INDEXES) {
				this.jdbc.execute(index.replace("create index", "create index if not exists"));
			}
		}
		for (int i = 0; i < cases.size(); i++) {
			lines.add(String.format(Locale.ROOT, "| %s | %d / %d | %d / %d |", cases.get(i).name(), with[i][0], with[i][1],
					without[i][0], without[i][1]));
		}
		System.out.println();
		lines.forEach(System.out::println);
	}

	/** Median and max in ms of {@code runs} runs after {@code warmup} runs. */
	private static long[] time(Supplier<Object> run, int warmup, int runs) {
		for (int i = 0; i < warmup; i++) {
			run.get();
		}
		long[] ms = new long[runs];
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			run.get();
			ms[i] = (System.nanoTime() - t) / 1_000_000;
		}
		Arrays.sort(ms);
		return new long[] { ms[runs / 2], ms[runs - 1] };
	}

}
