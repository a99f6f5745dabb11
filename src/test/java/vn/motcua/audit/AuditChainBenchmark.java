package vn.motcua.audit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times the verification of the audit record on a generated history, with the old verification as
 * the baseline in the same run: {@code dossiers} dossier rows, each with a chain of four entries
 * (receipt, record of the row, handoff, return), its head and its sealed head; and the same
 * entries once more as one global chain in the pre-V60 layout ({@code bench_legacy_event},
 * {@code bench_legacy_head}), which {@link LegacyChain#verify} streams as the old
 * {@code AuditChain.verify} did. Not a unit test; run it with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=vn.motcua.audit.AuditChainBenchmark -Dexec.classpathScope=test \
 *   [-Dbench.dossiers=1000000] [-Dbench.runs=3] [-Dbench.reuse=true]
 * </pre>
 *
 * (the JVM of {@code exec:java} is Maven's: give it memory with {@code MAVEN_OPTS=-Xmx3g}).
 */
public final class AuditChainBenchmark {

	static final int CHUNK = 50_000;

	static final String[] UNITS = { "xa-an-binh", "xa-hoa-phu", "phuong-tan-an", "xa-my-loc" };

	public static void main(String[] args) throws Exception {
		int dossiers = Integer.getInteger("bench.dossiers", 1_000_000);
		int runs = Integer.getInteger("bench.runs", 3);
		Path dir = Path.of("target", "audit-chain-bench");
		boolean reuse = Boolean.getBoolean("bench.reuse") && Files.exists(dir.resolve("motcua.mv.db"));
		if (Files.exists(dir) && !reuse) {
			try (var files = Files.walk(dir)) {
				files.sorted(Collections.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
		Files.createDirectories(dir);
		HikariDataSource ds = new HikariDataSource();
		ds.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("motcua")
				+ ";MODE=LEGACY;QUERY_CACHE_SIZE=0;OPTIMIZE_REUSE_RESULTS=0");
		ds.setUsername("sa");
		ds.setMaximumPoolSize(4);
		try (ds) {
			Flyway.configure()
				.dataSource(ds)
				.locations("classpath:db/migration")
				.javaMigrations(new V61__Audit_chain_per_dossier())
				.table("motcua_schema_history")
				.load()
				.migrate();
			JdbcTemplate jdbc = new JdbcTemplate(ds);
			DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
			ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
			messages.setBasenames("messages/audit-chain");
			messages.setDefaultEncoding("UTF-8");
			messages.setFallbackToSystemLocale(false);
			ChainTexts texts = new ChainTexts(messages);
			SealKey key = new SealKey("YmVuY2htYXJrLWtleS1mb3ItdGhlLWF1ZGl0LWNoYWluLXNlYWxz", "");
			AuditSeals seals = new AuditSeals(jdbc, key);
			AuditVerifier verifier = new AuditVerifier(ds, seals, texts, transactions);
			AuditSealer sealer = new AuditSealer(verifier, seals, jdbc, transactions, Duration.ZERO, false);
			AuditChain chain = new AuditChain(jdbc);
			if (!reuse) {
				long t = System.nanoTime();
				generate(ds, jdbc, dossiers);
				System.out.printf("generated %,d dossiers, %,d entries (and the same %,d as one legacy chain) in %,d ms%n",
						count(jdbc, "dossier"), count(jdbc, "audit_event"), count(jdbc, "bench_legacy_event"), ms(t));
				t = System.nanoTime();
				AuditSealer.Outcome first = sealer.seal();
				System.out.printf("first seal (writes every sealed head) in %,d ms: %s%n", ms(t),
						first.seal().map(s -> "seal " + s.sealNo() + ", " + s.treeSize() + " chains")
							.orElse(first.verification().message()));
				jdbc.execute("ANALYZE");
			}
			System.out.printf("%n%,d dossiers, %,d chains, %,d entries%n%n", count(jdbc, "dossier"),
					count(jdbc, "audit_head"), count(jdbc, "audit_event"));
			System.out.println("| what | runs | median ms | max ms | result |");
			System.out.println("|---|---|---|---|---|");
			time("before: old verify, one global chain (streams every entry in seq order)", runs, () -> {
				LegacyChain.Result r = LegacyChain.verify(jdbc, "bench_legacy_event", "bench_legacy_head");
				return r.intact() ? "intact, " + r.checked() + " entries" : "broken at " + r.firstBroken();
			});
			time("after: quick verify (seals, every head and sealed head, every dossier row, entry count, content since the seal)", runs,
					() -> describe(verifier.verify()));
			time("after: full verify (also the content of every entry)", Math.min(runs, 2),
					() -> describe(verifier.verifyFull()));
			time("after: seal, nothing changed", runs, () -> sealer.seal().seal().isPresent() ? "sealed" : "nothing to seal");
			List<String> codes = jdbc.queryForList("select code from dossier order by code limit 1000", String.class);
			TransactionTemplate tx = new TransactionTemplate(transactions);
			time("after: append 1 event to each of 1,000 dossiers (1,000 transactions)", 1, () -> {
				for (String code : codes) {
					tx.executeWithoutResult(s -> chain.append(new Date(), code, "HANDOFF", UNITS[0], null, Map.of()));
				}
				return "1000 appended";
			});
			time("after: quick verify with 1,000 chains changed since the seal", runs, () -> describe(verifier.verify()));
			time("after: seal 1,000 changed chains", 1, () -> sealer.seal().seal().map(s -> "seal " + s.sealNo() + ", "
					+ s.changed() + " changed").orElse("not sealed"));
			String victim = codes.get(codes.size() / 2);
			jdbc.update("update dossier set status = 'REFUSED' where code = ?", victim);
			time("after: quick verify, one dossier row edited by SQL", 1, () -> describe(verifier.verify()));
			jdbc.update("update dossier set status = 'RETURNED' where code = ?", victim);
		}
	}

	static String describe(Verification v) {
		return v.intact() ? "intact, " + v.dossiers() + " dossiers, " + v.checked() + " entries re-hashed"
				: "broken: " + v.message();
	}

	/**
	 * Everything inside H2, by {@code INSERT … SELECT} in chunks: the dossier rows from
	 * {@code SYSTEM_RANGE}; each entry of the chains hashed by {@link AuditChain#hash} through the
	 * function alias {@code BENCH_HASH} (entry {@code k} joined to entry {@code k - 1}); the record
	 * entry's payload by {@code BENCH_RECORD} from the dossier row; the legacy global chain by the
	 * stateful {@code BENCH_LEGACY}, called once per entry in {@code seq} order.
	 */
	static void generate(HikariDataSource ds, JdbcTemplate jdbc, int dossiers) throws Exception {
		jdbc.execute("""
				create table if not exists bench_legacy_event (
				    seq bigint not null primary key, recorded_at timestamp not null, dossier_code varchar(64),
				    event_type varchar(30) not null, unit_code varchar(100), user_id varchar(100),
				    payload varchar(8000) not null, prev_hash varchar(64) not null, hash varchar(64) not null)""");
		jdbc.execute("create table if not exists bench_legacy_head (id integer not null primary key, last_seq bigint not null, last_hash varchar(64) not null)");
		String self = AuditChainBenchmark.class.getName();
		jdbc.execute("create alias if not exists BENCH_HASH for '" + self + ".hash'");
		jdbc.execute("create alias if not exists BENCH_RECORD for '" + self + ".record'");
		jdbc.execute("create alias if not exists BENCH_RECORD_HASH for '" + self + ".recordHash'");
		jdbc.execute("create alias if not exists BENCH_LEGACY for '" + self + ".legacy'");
		String[][] entries = {
				{ "'RECEIPT'", "d.receiving_unit", "'desk.officer'",
						"'" + AuditChain.json(Map.of("element", "Task_RegisterDossier", "procedureName", "Đăng ký khai sinh")) + "'" },
				{ "'" + AuditChain.RECORD + "'", "null", "null", "BENCH_RECORD(" + String.join(", ", DossierRecord.FIELDS.keySet().stream().map(f -> "d." + f).toList()) + ")" },
				{ "'HANDOFF'", "'ca-xa-an-binh'", "null", "'" + AuditChain.json(Map.of("element", "Task_ReceiveHandoff",
						"stepName", "Đăng ký thường trú", "stepUnit", "ca-xa-an-binh")) + "'" },
				{ "'RETURN'", "d.receiving_unit", "'desk.officer'", "'" + AuditChain.json(Map.of("element", "Task_CloseDossier")) + "'" } };
		for (int from = 0; from < dossiers; from += CHUNK) {
			int to = Math.min(dossiers, from + CHUNK);
			jdbc.update("""
					insert into dossier (code, process_instance_id, procedure_key, procedure_name, procedure_version, receiving_unit,
					  received_by, applicant_name, applicant_id_number, applicant_phone, applicant_address, channel,
					  legal_working_days, received_at, original_due, legal_due, due_at, status, finished_at, timeliness)
					select 'BC-' || lpad(cast(x as varchar), 8, '0'), 'pi-' || x, 'birth-registration', 'Đăng ký khai sinh', 1,
					  casewhen(mod(x, 4) = 0, 'xa-an-binh', casewhen(mod(x, 4) = 1, 'xa-hoa-phu', casewhen(mod(x, 4) = 2, 'phuong-tan-an', 'xa-my-loc'))),
					  'desk.officer', 'Nguyễn Văn ' || x, lpad(cast(x as varchar), 12, '0'), '09' || lpad(cast(x as varchar), 8, '0'),
					  'Thôn ' || mod(x, 97) || ', xã An Bình', 'in-person', 3,
					  dateadd('SECOND', x * 157, TIMESTAMP '2021-01-04 07:30:00'), dateadd('SECOND', x * 157 + 259200, TIMESTAMP '2021-01-04 07:30:00'), dateadd('SECOND', x * 157 + 259200, TIMESTAMP '2021-01-04 07:30:00'),
					  dateadd('SECOND', x * 157 + 259200, TIMESTAMP '2021-01-04 07:30:00'), 'RETURNED', dateadd('SECOND', x * 157 + 172800, TIMESTAMP '2021-01-04 07:30:00'), 'EARLY'
					from system_range(?, ?)""", from, to - 1);
			String range = " where d.code >= '" + String.format("BC-%08d", from) + "' and d.code <= '"
					+ String.format("BC-%08d", to - 1) + "'";
			for (int k = 1; k <= 4; k++) {
				String[] e = entries[k - 1];
				String seq = "(cast(substring(d.code, 4) as bigint) * 4 + " + k + ")";
				String at = "dateadd('HOUR', " + k + ", d.received_at)";
				String prev = k == 1 ? "'" + AuditChain.GENESIS + "'" : "p.hash";
				String join = k == 1 ? "" : " join audit_event p on p.chain_key = d.code and p.chain_seq = " + (k - 1);
				jdbc.update("insert into audit_event (seq, chain_key, chain_seq, recorded_at, dossier_code, event_type, unit_code, user_id, payload, prev_hash, hash)"
						+ " select " + seq + ", d.code, " + k + ", " + at + ", d.code, " + e[0] + ", " + e[1] + ", " + e[2]
						+ ", pl, " + prev + ", BENCH_HASH(" + prev + ", " + seq + ", d.code, " + k + ", " + at + ", d.code, "
						+ e[0] + ", " + e[1] + ", " + e[2] + ", pl)"
						+ " from (select d.*, " + e[3] + " pl from dossier d" + range + ") d" + join);
			}
			jdbc.update("insert into audit_head (chain_key, last_seq, last_hash, record_hash, changed_at)"
					+ " select d.code, 4, e.hash, BENCH_RECORD_HASH(r.payload), e.recorded_at from dossier d"
					+ " join audit_event e on e.chain_key = d.code and e.chain_seq = 4"
					+ " join audit_event r on r.chain_key = d.code and r.chain_seq = 2" + range);
			if ((to / CHUNK) % 10 == 0) {
				System.out.printf("  %,d dossiers%n", to);
			}
		}
		LEGACY_PREV = AuditChain.GENESIS;
		long seq = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
		for (long lo = 0; lo <= seq; lo += 4L * CHUNK) {
			jdbc.update("insert into bench_legacy_event select seq, recorded_at, dossier_code, event_type, unit_code, user_id,"
					+ " payload, left(v, 64), right(v, 64) from (select e.*, BENCH_LEGACY(seq, recorded_at, dossier_code,"
					+ " event_type, unit_code, user_id, payload) v from audit_event e where seq >= ? and seq < ? order by seq) x",
					lo, lo + 4L * CHUNK);
		}
		jdbc.update("merge into bench_legacy_head key (id) values (1, ?, ?)", seq, LEGACY_PREV);
		jdbc.execute("alter sequence audit_event_seq restart with " + (seq + 1));
	}

	/** {@code BENCH_HASH}: the entry's hash, exactly as {@link AuditChain} computes it. */
	public static String hash(String prev, long seq, String chainKey, long chainSeq, Timestamp at, String code,
			String type, String unit, String user, String payload) {
		return AuditChain.hash(prev, new AuditEvent(seq, chainKey, chainSeq, new Date(at.getTime()), code, type, unit,
				user, payload, prev, null).canonical());
	}

	/** {@code BENCH_RECORD}: the payload of the dossier's {@code RECORD} entry, as {@link AuditChain#appendRecord} writes it. */
	public static String record(String code, String processInstanceId, String procedureKey, String procedureName,
			Integer procedureVersion, String receivingUnit, String receivedBy, String applicantName, String idNumber,
			String phone, String email, String address, String channel, java.math.BigDecimal legalWorkingDays,
			Timestamp receivedAt, Timestamp originalDue, Timestamp legalDue, Timestamp dueAt, String status,
			Timestamp finishedAt, String timeliness, Timestamp pausedAt) {
		Object[] values = { code, processInstanceId, procedureKey, procedureName, procedureVersion, receivingUnit,
				receivedBy, applicantName, idNumber, phone, email, address, channel, legalWorkingDays, receivedAt,
				originalDue, legalDue, dueAt, status, finishedAt, timeliness, pausedAt };
		Map<String, String> fields = new java.util.TreeMap<>();
		StringBuilder canonical = new StringBuilder();
		int i = 0;
		for (Map.Entry<String, Character> f : DossierRecord.FIELDS.entrySet()) {
			String value = DossierRecord.value(values[i++], f.getValue());
			fields.put(f.getKey(), AuditChain.sha256(code + "\n" + f.getKey() + "\n" + value).substring(0, 16));
			canonical.append(f.getKey()).append('=').append(value).append('\n');
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("record", AuditChain.sha256(canonical.toString()));
		payload.put("fields", fields);
		return AuditChain.json(payload);
	}

	public static String recordHash(String payload) {
		return AuditChain.recordedHash(payload);
	}

	private static String LEGACY_PREV = AuditChain.GENESIS;

	/** {@code BENCH_LEGACY}: {@code prev_hash:hash} of the next entry of the old global chain (called in seq order). */
	public static String legacy(long seq, Timestamp at, String code, String type, String unit, String user,
			String payload) {
		String prev = LEGACY_PREV;
		String hash = AuditChain.hash(prev, LegacyChain.canonical(seq, new Date(at.getTime()), code, type, unit, user,
				payload));
		LEGACY_PREV = hash;
		return prev + ":" + hash;
	}

	static long count(JdbcTemplate jdbc, String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	static long ms(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1_000_000;
	}

	static void time(String what, int runs, Supplier<String> run) {
		List<Long> times = new ArrayList<>();
		String result = null;
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			result = run.get();
			times.add(ms(t));
		}
		Collections.sort(times);
		System.out.printf("| %s | %d | %,d | %,d | %s |%n", what, runs, times.get((times.size() - 1) / 2),
				times.get(times.size() - 1), result);
	}

}
