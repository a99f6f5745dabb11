package vn.motcua.reports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write path of the report counters without hot rows. A transaction that changes a dossier only
 * appends its code to {@code report_pending} ({@link #changed(String)}). A single writer folds the pending codes into the counters ({@link ReportCounters#sync}):
 * every {@code motcua.reports.fold-interval} in the background, and before every report
 * ({@link #foldPending()}), so a report always includes every change committed before it started.
 * Folds of all nodes are serialised by the row of {@code report_fold}, which no engine transaction
 * touches; a fold handles at most {@value #BATCH} dossiers per transaction.
 */
public class ReportFolding implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReportFolding.class);

	static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final ReportCounters counters;

	private final TransactionTemplate transaction;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	ReportFolding(JdbcTemplate jdbc, ReportCounters counters, PlatformTransactionManager transactions,
			Duration interval) {
		this.jdbc = jdbc;
		this.counters = counters;
		this.transaction = new TransactionTemplate(transactions);
		this.interval = interval;
	}

	/** Records, in the caller's transaction, that the counters of a dossier must be brought up to date. */
	void changed(String code) {
		this.jdbc.update("insert into report_pending (dossier_code) values (?)", code);
	}

	/**
	 * Folds every pending change into the counters (joining the caller's transaction, if any). A
	 * concurrent fold of another node or thread is waited for.
	 */
	public void foldPending() {
		for (int attempt = 0;; attempt++) {
			try {
				while (foldBatch() == BATCH) {
					// more pending
				}
				return;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt >= 20 || TransactionSynchronizationManager.isActualTransactionActive()) {
					throw ex;
				}
			}
		}
	}

	/** One batch in one transaction; returns the number of pending rows it took. */
	int foldBatch() {
		Integer taken = this.transaction.execute(status -> {
			this.jdbc.queryForObject("select id from report_fold where id = 1 for update", Integer.class);
			List<Long> ids = new ArrayList<>();
			Set<String> codes = new LinkedHashSet<>();
			this.jdbc.query("select id, dossier_code from report_pending order by id limit " + BATCH, rs -> {
				ids.add(rs.getLong(1));
				codes.add(rs.getString(2));
			});
			if (ids.isEmpty()) {
				return 0;
			}
			codes.forEach(this.counters::sync);
			List<Object[]> delete = new ArrayList<>();
			ids.forEach(id -> delete.add(new Object[] { id }));
			this.jdbc.batchUpdate("delete from report_pending where id = ?", delete);
			this.jdbc.update("update report_fold set folded_at = current_timestamp where id = 1");
			return ids.size();
		});
		return taken == null ? 0 : taken;
	}

	/** Changes not folded yet. */
	long pending() {
		Long n = this.jdbc.queryForObject("select count(*) from report_pending", Long.class);
		return n == null ? 0 : n;
	}

	@Override
	public void start() {
		if (this.interval.isZero() || this.interval.isNegative()) {
			return;
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "report-fold");
			t.setDaemon(true);
			return t;
		});
		this.scheduler.scheduleWithFixedDelay(() -> {
			try {
				foldPending();
			}
			catch (DataAccessException | org.springframework.transaction.TransactionException ex) {
				log.debug("Report fold skipped: {}", ex.getMessage());
			}
			catch (RuntimeException ex) {
				log.warn("Report fold failed", ex);
			}
		}, this.interval.toMillis(), this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			try {
				this.scheduler.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
