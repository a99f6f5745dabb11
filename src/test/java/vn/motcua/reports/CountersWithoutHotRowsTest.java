package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;
import vn.motcua.reports.Report.Grouping;

/**
 * A transaction that changes a dossier only appends to {@code report_pending}: two dossiers of the
 * same unit, procedure and day are closed at the same time without one waiting for the other, and
 * the single writer folds both into the counters before the next report.
 */
class CountersWithoutHotRowsTest extends ReportsTestBase {

	@Autowired
	Dossiers dossiers;

	@Autowired
	PerformanceReports reports;

	@Autowired
	ReportFolding folding;

	@Test
	void twoDesksCloseDossiersOfTheSameCounterRowAtOnce() throws Exception {
		List<Map<String, Object>> pair = this.jdbc.queryForList("""
				select d1.code as a, d2.code as b from dossier d1 join dossier d2
				  on d1.receiving_unit = d2.receiving_unit and d1.procedure_key = d2.procedure_key and d1.code < d2.code
				where d1.finished_at is null and d2.finished_at is null
				order by d1.code, d2.code limit 1""");
		String a = (String) pair.get(0).get("a");
		String b = (String) pair.get(0).get("b");
		this.folding.foldPending();
		Figures before = this.reports.report(Period.quarter(2026, 1), Scope.PROVINCE, null, Grouping.UNIT).total();
		Date now = ReportTestData.at(NOW);
		CountDownLatch changed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<?> open = pool.submit(() -> this.tx.executeWithoutResult(s -> {
				this.dossiers.close(a, now, Timeliness.ON_TIME);
				changed.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
			long t = System.nanoTime();
			this.tx.executeWithoutResult(s -> this.dossiers.close(b, now, Timeliness.ON_TIME));
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t)).as("waited for the other desk")
				.isLessThan(1_500);
			release.countDown();
			open.get(30, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
		assertThat(this.folding.pending()).isPositive();
		Figures after = this.reports.report(Period.quarter(2026, 1), Scope.PROVINCE, null, Grouping.UNIT).total();
		assertThat(this.folding.pending()).isZero();
		assertThat(after.onTime()).isEqualTo(before.onTime() + 2);
		assertThat(after.inProgress()).isEqualTo(before.inProgress() - 2);
	}

}
