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

	static final int CHUNK = 10_000;

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
			time("after: quick verify (seals, every dossier row, numbering of every entry, content since the seal)", runs,
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

	/** Dossier rows by INSERT … SELECT; the chains (new and legacy layout) computed here, in chunks. */
	static void generate(HikariDataSource ds, JdbcTemplate jdbc, int dossiers) throws Exception {
		jdbc.execute("""
				create table if not exists bench_legacy_event (
				    seq bigint not null primary key, recorded_at timestamp not null, dossier_code varchar(64),
				    event_type varchar(30) not null, unit_code varchar(100), user_id varchar(100),
				    payload varchar(8000) not null, prev_hash varchar(64) not null, hash varchar(64) not null)""");
		jdbc.execute("create table if not exists bench_legacy_head (id integer not null primary key, last_seq bigint not null, last_hash varchar(64) not null)");
		long seq = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
		String legacyPrev = AuditChain.GENESIS;
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
			try (Connection c = ds.getConnection()) {
				c.setAutoCommit(false);
				try (PreparedStatement rows = c.prepareStatement(DossierRecord.SELECT + " where code >= ? and code <= ? order by code");
						PreparedStatement event = c.prepareStatement("""
								insert into audit_event (seq, chain_key, chain_seq, recorded_at, dossier_code, event_type, unit_code,
								  user_id, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
						PreparedStatement legacy = c.prepareStatement("""
								insert into bench_legacy_event (seq, recorded_at, dossier_code, event_type, unit_code, user_id,
								  payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
						PreparedStatement head = c.prepareStatement("""
								insert into audit_head (chain_key, last_seq, last_hash, record_hash, changed_at) values (?, ?, ?, ?, ?)""")) {
					rows.setString(1, String.format("BC-%08d", from));
					rows.setString(2, String.format("BC-%08d", to - 1));
					try (ResultSet rs = rows.executeQuery()) {
						while (rs.next()) {
							String code = rs.getString("code");
							String unit = rs.getString("receiving_unit");
							long at = rs.getTimestamp("received_at").getTime();
							Map<String, String> fields = DossierRecord.fieldHashes(rs);
							String record = DossierRecord.recordHash(rs);
							Map<String, Object> recordPayload = new LinkedHashMap<>();
							recordPayload.put("record", record);
							recordPayload.put("fields", fields);
							List<Object[]> entries = new ArrayList<>();
							entries.add(new Object[] { "RECEIPT", unit, "desk.officer", AuditChain.json(Map.of("element", "Task_RegisterDossier", "procedureName", "Đăng ký khai sinh")) });
							entries.add(new Object[] { AuditChain.RECORD, null, null, AuditChain.json(recordPayload) });
							entries.add(new Object[] { "HANDOFF", "ca-xa-an-binh", null, AuditChain.json(Map.of("element", "Task_ReceiveHandoff", "stepName", "Đăng ký thường trú", "stepUnit", "ca-xa-an-binh")) });
							entries.add(new Object[] { "RETURN", unit, "desk.officer", AuditChain.json(Map.of("element", "Task_CloseDossier")) });
							String prev = AuditChain.GENESIS;
							long chainSeq = 0;
							for (Object[] e : entries) {
								seq++;
								chainSeq++;
								Date when = new Date(at + chainSeq * 3_600_000L);
								AuditEvent entry = new AuditEvent(seq, code, chainSeq, when, code, (String) e[0], (String) e[1],
										(String) e[2], (String) e[3], prev, null);
								String hash = AuditChain.hash(prev, entry.canonical());
								event.setLong(1, seq);
								event.setString(2, code);
								event.setLong(3, chainSeq);
								event.setTimestamp(4, new Timestamp(when.getTime()));
								event.setString(5, code);
								event.setString(6, (String) e[0]);
								event.setString(7, (String) e[1]);
								event.setString(8, (String) e[2]);
								event.setString(9, (String) e[3]);
								event.setString(10, prev);
								event.setString(11, hash);
								event.addBatch();
								String legacyHash = AuditChain.hash(legacyPrev, LegacyChain.canonical(seq, when, code,
										(String) e[0], (String) e[1], (String) e[2], (String) e[3]));
								legacy.setLong(1, seq);
								legacy.setTimestamp(2, new Timestamp(when.getTime()));
								legacy.setString(3, code);
								legacy.setString(4, (String) e[0]);
								legacy.setString(5, (String) e[1]);
								legacy.setString(6, (String) e[2]);
								legacy.setString(7, (String) e[3]);
								legacy.setString(8, legacyPrev);
								legacy.setString(9, legacyHash);
								legacy.addBatch();
								legacyPrev = legacyHash;
								prev = hash;
							}
							head.setString(1, code);
							head.setLong(2, chainSeq);
							head.setString(3, prev);
							head.setString(4, record);
							head.setTimestamp(5, new Timestamp(at));
							head.addBatch();
						}
					}
					event.executeBatch();
					legacy.executeBatch();
					head.executeBatch();
				}
				c.commit();
			}
			if ((to / CHUNK) % 10 == 0) {
				System.out.printf("  %,d dossiers%n", to);
			}
		}
		jdbc.update("merge into bench_legacy_head key (id) values (1, ?, ?)", seq, legacyPrev);
		jdbc.execute("alter sequence audit_event_seq restart with " + (seq + 1));
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
