package vn.motcua.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the heads of all chains into a signed Merkle root, outside any user transaction: every
 * {@code motcua.audit.seal.every} (default 5 minutes) on a thread of its own, and on demand. One
 * sealer at a time across all nodes: the seal's transaction first locks the single row of
 * {@code audit_seal_lock}, which no user transaction touches. Before sealing it verifies what
 * changed since the last seal (quick verify); a broken chain is never sealed.
 */
@Component
class AuditSealer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	private final AuditVerifier verifier;

	private final AuditSeals seals;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Duration every;

	private final boolean background;

	private ScheduledExecutorService executor;

	AuditSealer(AuditVerifier verifier, AuditSeals seals, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			@Value("${motcua.audit.seal.every:PT5M}") Duration every,
			@Value("${camunda.bpm.job-execution.enabled:true}") boolean jobExecution) {
		this.verifier = verifier;
		this.seals = seals;
		this.jdbc = jdbc;
		this.every = every;
		// like the engine's timers: scenario tests (job executor off) seal explicitly
		this.background = jobExecution && every != null && !every.isZero() && !every.isNegative();
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/** What a sealing run did: the new seal (empty if nothing changed or the chain is broken). */
	record Outcome(Optional<AuditSeals.Seal> seal, Verification verification) {
	}

	Outcome seal() {
		return this.transaction.execute(status -> {
			this.jdbc.queryForList("select id from audit_seal_lock where id = 1 for update");
			Connection c = this.verifier.connection();
			AuditVerifier.Scan scan = this.verifier.scan(c, false);
			Verification v = scan.result();
			if (!v.intact()) {
				log.error("Audit chain broken, not sealed: {}", v.message());
				return new Outcome(Optional.empty(), v);
			}
			if (scan.changed.isEmpty() && scan.seal.isPresent()) {
				return new Outcome(Optional.empty(), v);
			}
			try {
				write(c, scan.changed, scan.changedHadSeal, scan.seal.map(s -> s.sealNo() + 1).orElse(1L));
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			AuditSeals.Seal seal = this.seals.add(scan.seal, ClockUtil.getCurrentTime(), scan.current.size(),
					scan.current.root(), scan.changed.size());
			return new Outcome(Optional.of(seal), v);
		});
	}

	private static void write(Connection c, List<AuditVerifier.Head> changed, List<Boolean> hadSeal, long sealNo)
			throws SQLException {
		try (PreparedStatement update = c.prepareStatement(
				"update audit_sealed_head set last_seq = ?, last_hash = ?, record_hash = ?, seal_no = ? where chain_key = ?");
				PreparedStatement insert = c.prepareStatement("""
						insert into audit_sealed_head (last_seq, last_hash, record_hash, seal_no, chain_key)
						values (?, ?, ?, ?, ?)""")) {
			int updates = 0;
			int inserts = 0;
			for (int i = 0; i < changed.size(); i++) {
				AuditVerifier.Head h = changed.get(i);
				PreparedStatement ps = hadSeal.get(i) ? update : insert;
				ps.setLong(1, h.lastSeq());
				ps.setString(2, h.lastHash());
				ps.setString(3, h.recordHash());
				ps.setLong(4, sealNo);
				ps.setString(5, h.key());
				ps.addBatch();
				if (hadSeal.get(i) && ++updates % 1000 == 0) {
					update.executeBatch();
				}
				if (!hadSeal.get(i) && ++inserts % 1000 == 0) {
					insert.executeBatch();
				}
			}
			update.executeBatch();
			insert.executeBatch();
		}
	}

	@Override
	public void start() {
		if (!this.background) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "audit-sealer");
			t.setDaemon(true);
			return t;
		});
		long ms = this.every.toMillis();
		this.executor.scheduleWithFixedDelay(this::sealQuietly, ms, ms, TimeUnit.MILLISECONDS);
	}

	private void sealQuietly() {
		try {
			seal().seal().ifPresent(s -> log.info("Audit seal {}: {} chains, root {}", s.sealNo(), s.treeSize(),
					s.rootHash()));
		}
		catch (RuntimeException ex) {
			// another node sealed first (duplicate seal number) or the database is away: next round
			log.warn("Audit sealing failed: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}
