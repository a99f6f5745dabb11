package vn.motcua.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
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

	/** Receipt of generated dossier 0: dossier x is received x * 157 s later. */
	static final java.time.LocalDateTime GENERATED_FROM = java.time.LocalDateTime.of(2021, 1, 4, 7, 30);

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
		// the generated rows bypass DossierUnits: add their dossier_unit rows as V31's backfill does
		this.jdbc.update("""
				insert into dossier_unit (unit_code, received_at, dossier_code)
				select d.receiving_unit, d.received_at, d.code from dossier d
				where not exists (select 1 from dossier_unit du where du.unit_code = d.receiving_unit and du.dossier_code = d.code)""");
		this.jdbc.update("""
				insert into dossier_unit (unit_code, received_at, dossier_code)
				select distinct h.to_unit, d.received_at, d.code from handoff h join dossier d on d.code = h.dossier_code
				where not exists (select 1 from dossier_unit du where du.unit_code = h.to_unit and du.dossier_code = h.dossier_code)""");
		log.info("dossier_unit filled ({} s)", (System.nanoTime() - started) / 1_000_000_000);
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

	/** One measured case: {@code run.apply(i)} runs iteration {@code i} with its own parameters. */
	record Case(String name, IntFunction<Object> run) {

	}

	/** Timings in ms of one case: first (cold) run, then the varied runs. */
	record Timing(double cold, double median, double p95, double max, int runs) {

		static Timing of(double cold, double[] ms) {
			double[] sorted = ms.clone();
			Arrays.sort(sorted);
			int n = sorted.length;
			return new Timing(cold, n == 0 ? cold : sorted[n / 2],
					n == 0 ? cold : sorted[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)], n == 0 ? cold : sorted[n - 1],
					n);
		}

		String cells() {
			return String.format(Locale.ROOT, "%.0f | %.0f | %.0f | %.0f (%d)", this.cold, this.median, this.p95, this.max,
					this.runs);
		}

	}

	@Value("${motcua.audit.bench.runs:15}")
	private int runs;

	@Value("${motcua.audit.bench.baseline-runs:5}")
	private int baselineRuns;

	@Value("${motcua.audit.bench.baseline:true}")
	private boolean baseline;

	/** Time budget of one case (cold run included): at least one varied run after the cold one. */
	@Value("${motcua.audit.bench.budget-seconds:30}")
	private int budgetSeconds;

	@Value("${motcua.audit.bench.seed:20251124}")
	private long seed;

	void benchmark() {
		// never serve a repeated statement from H2's result reuse: every run executes the query
		// (the profile's URL also sets QUERY_CACHE_SIZE=0, so no prepared command is kept either)
		this.jdbc.execute("set optimize_reuse_results 0");
		log.info("H2 settings: {}", this.jdbc.queryForList("select setting_name, setting_value from "
				+ "information_schema.settings where setting_name in ('QUERY_CACHE_SIZE', 'OPTIMIZE_REUSE_RESULTS')"));
		// a run cut off during its baseline leaves the V20 indexes dropped: V1's are restored here,
		// V20's are dropped for the baseline and (re)created before the indexed runs
		for (String index : SECONDARY_INDEXES.subList(0, SECONDARY_INDEXES.size() - V20_INDEXES.size())) {
			this.jdbc.execute(index.replace("create index", "create index if not exists"));
		}
		long dossiers = this.jdbc.queryForObject("select count(*) from dossier", Long.class);
		long handoffs = this.jdbc.queryForObject("select count(*) from handoff", Long.class);
		Timestamp[] range = this.jdbc.queryForObject("select min(received_at), max(received_at) from dossier",
				(rs, i) -> new Timestamp[] { rs.getTimestamp(1), rs.getTimestamp(2) });
		List<Case> cases = cases(dossiers, range[0].toLocalDateTime().toLocalDate(),
				range[1].toLocalDateTime().toLocalDate());
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT,
				"Data: %,d dossiers, %,d handoffs (H2 file, Java %s, QUERY_CACHE_SIZE=0, OPTIMIZE_REUSE_RESULTS=0); "
						+ "%d varied runs with indexes, %d without",
				dossiers, handoffs, System.getProperty("java.version"), this.runs, this.baselineRuns));
		Timing[] without = new Timing[cases.size()];
		if (this.baseline) {
			for (String index : V20_INDEXES) {
				this.jdbc.execute("drop index if exists " + index.split(" ")[2]);
			}
			try {
				// different seed from the indexed runs: different parameters, nothing shared
				measure(cases, this.baselineRuns, this.seed + 1, without, "baseline (V1 indexes only)");
			}
			finally {
				createV20();
			}
		}
		else {
			createV20();
		}
		Timing[] with = new Timing[cases.size()];
		measure(cases, this.runs, this.seed, with, "with V20 indexes");
		lines.add("| case | cold ms | median ms | p95 ms | max ms (runs) | baseline cold | baseline median | baseline p95 "
				+ "| baseline max (runs) | median ratio |");
		lines.add("|---|---|---|---|---|---|---|---|---|---|");
		for (int i = 0; i < cases.size(); i++) {
			String base = without[i] == null ? "– | – | – | –" : without[i].cells();
			String ratio = without[i] == null ? "–"
					: String.format(Locale.ROOT, "%.1f×", without[i].median() / Math.max(0.1, with[i].median()));
			lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", cases.get(i).name(), with[i].cells(), base,
					ratio));
		}
		System.out.println();
		lines.forEach(System.out::println);
	}

	private void createV20() {
		long t = System.nanoTime();
		for (String index : V20_INDEXES) {
			this.jdbc.execute(index.replace("create index", "create index if not exists"));
		}
		this.jdbc.execute("analyze");
		log.info("V20 indexes present ({} s)", (System.nanoTime() - t) / 1_000_000_000);
	}

	private void measure(List<Case> cases, int n, long seed, Timing[] into, String label) {
		for (int c = 0; c < cases.size(); c++) {
			Case k = cases.get(c);
			// iteration numbers are offset by the seed so the baseline never repeats a parameter set
			int base = (int) (seed % 1000) * 1000;
			long t = System.nanoTime();
			k.run().apply(base);
			double cold = (System.nanoTime() - t) / 1e6;
			double[] ms = new double[n];
			double spent = cold;
			int done = 0;
			// a case stops early once it has used its time budget (the slow baseline cases)
			while (done < n && (done == 0 || spent < this.budgetSeconds * 1000.0)) {
				t = System.nanoTime();
				k.run().apply(base + done + 1);
				ms[done] = (System.nanoTime() - t) / 1e6;
				spent += ms[done++];
			}
			into[c] = Timing.of(cold, Arrays.copyOf(ms, done));
			log.info("{} | {} | {}", label, k.name(), into[c].cells());
		}
	}

	/**
	 * The measured cases. Every iteration {@code i} picks its own unit, procedure, period, code
	 * prefix and page (derived from {@code i}), so no two runs execute the same SQL parameters.
	 */
	private List<Case> cases(long dossiers, LocalDate first, LocalDate last) {
		AuditScope auditor = new AuditScope(true, Set.of());
		String[] statuses = { "returned", "refused", "in-progress" };
		String[] timeliness = { "late", "on-time", "early" };
		String[] handlers = Stream.of(DESKS).flatMap(d -> Stream.of(d[2], d[3])).distinct().toArray(String[]::new);
		String[] supervised = Stream.of(DESKS).flatMap(d -> Stream.of(d[0], d[2], d[3])).distinct().toArray(String[]::new);
		long days = java.time.temporal.ChronoUnit.DAYS.between(first, last);
		IntFunction<Random> rnd = i -> new Random(this.seed * 31 + i);
		// a random period of `length` days inside the data
		java.util.function.BiFunction<Random, Integer, LocalDate> start = (r,
				length) -> first.plusDays(r.nextLong(Math.max(1, days - length)));
		Date now = new Date();
		return List.of(new Case("auditor: unit + 1 year + status + timeliness, by receipt desc, page 1", i -> {
			Random r = rnd.apply(i);
			LocalDate from = start.apply(r, 365);
			return this.queries.search(new DossierSearch(null, null, DESKS[r.nextInt(4)][0], null, from,
					from.plusDays(364), statuses[r.nextInt(2)], timeliness[r.nextInt(3)], "received", "desc", 1, 20),
					auditor, now);
		}), new Case("auditor: unit + 1 year + returned, by receipt desc, deep page (random in 2nd half)", i -> {
			Random r = rnd.apply(i);
			LocalDate from = start.apply(r, 365);
			DossierSearch s = new DossierSearch(null, null, DESKS[r.nextInt(4)][0], null, from, from.plusDays(364),
					"returned", null, "received", "desc", 1, 20);
			// the page count of a unit-year is ≈ 200,000 / 4 / 20 = 2,400: pick one in its 2nd half
			return this.queries.search(s.withPage(1200 + r.nextInt(1200)), auditor, now);
		}), new Case("auditor: procedure + handling unit (EXISTS handoff), by code, page 1", i -> {
			Random r = rnd.apply(i);
			return this.queries.search(new DossierSearch(null, PROCEDURES[r.nextInt(5)][0], null,
					handlers[r.nextInt(handlers.length)], null, null, null, null, "code", r.nextBoolean() ? "asc" : "desc",
					1, 20), auditor, now);
		}), new Case("auditor: procedure + handling unit, by code, deep page (random)", i -> {
			Random r = rnd.apply(i);
			return this.queries.search(new DossierSearch(null, PROCEDURES[r.nextInt(5)][0], null,
					handlers[r.nextInt(handlers.length)], null, null, null, null, "code", "asc", 1 + r.nextInt(2500), 20),
					auditor, now);
		}), new Case("auditor: no filter, newest first, page 1 (varied size)", i -> {
			Random r = rnd.apply(i);
			return this.queries.search(new DossierSearch(null, null, null, null, null, null, null, null, "received",
					"desc", 1, 20 + r.nextInt(30)), auditor, now);
		}), new Case("auditor: no filter, by receipt, deep page (random up to 50,000)", i -> {
			Random r = rnd.apply(i);
			return this.queries.search(new DossierSearch(null, null, null, null, null, null, null, null, "received",
					r.nextBoolean() ? "asc" : "desc", 1 + r.nextInt((int) Math.max(1, dossiers / 20)), 20), auditor, now);
		}), new Case("auditor: code prefix (agency + day), page 1", i -> {
			Random r = rnd.apply(i);
			String day = first.plusDays(r.nextLong(days + 1)).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
			return this.queries.search(new DossierSearch(DESKS[r.nextInt(4)][1] + "-" + day, null, null, null, null,
					null, null, null, "code", "asc", 1, 20), auditor, now);
		}), new Case("supervisor (1 unit): half a year, by receipt desc, page 1", i -> {
			Random r = rnd.apply(i);
			LocalDate from = start.apply(r, 182);
			return this.queries.search(new DossierSearch(null, null, null, null, from, from.plusDays(181), null, null,
					"received", "desc", 1, 20), new AuditScope(false, Set.of(supervised[r.nextInt(supervised.length)])),
					now);
		}), new Case("supervisor (1 unit): no filter (landing page), page 1", i -> {
			Random r = rnd.apply(i);
			return this.queries.search(DossierSearch.empty(),
					new AuditScope(false, Set.of(supervised[r.nextInt(supervised.length)])), now);
		}), new Case("supervisor (1 unit): no filter, deep page (random up to 10,000)", i -> {
			Random r = rnd.apply(i);
			return this.queries.search(DossierSearch.empty().withPage(1 + r.nextInt(10_000)),
					new AuditScope(false, Set.of(supervised[r.nextInt(supervised.length)])), now);
		}), new Case("auditor: overdue now, by due date, page 1", i -> {
			Random r = rnd.apply(i);
			return this.queries.search(new DossierSearch(null, null, null, null, null, null, null, "overdue", "due",
					"asc", 1, 20), auditor, new Date(now.getTime() - r.nextInt(86_400) * 1000L));
		}), new Case("dossier timeline (random generated dossier)", i -> {
			// the generator's code of dossier x, computed here so that no lookup query is timed
			long x = 1 + rnd.apply(i).nextLong(dossiers);
			String code = DESKS[(int) (x % 4)][1] + "-"
					+ GENERATED_FROM.plusSeconds(x * 157).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"))
					+ "-" + String.format(Locale.ROOT, "%07d", x);
			return this.timeline.of(code, auditor).orElseThrow();
		}));
	}

}
