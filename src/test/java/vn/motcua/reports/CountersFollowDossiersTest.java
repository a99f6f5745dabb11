package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;
import vn.motcua.reports.Report.Grouping;

/**
 * The counters move with the core's own writes ({@link Dossiers} publishes {@code DossierChanged})
 * in the same transaction: committed changes show at once, rolled-back ones never.
 */
class CountersFollowDossiersTest extends ReportsTestBase {

	@Autowired
	Dossiers dossiers;

	@Autowired
	PerformanceReports reports;

	Figures quarter() {
		return this.reports.report(Period.quarter(2026, 1), Scope.PROVINCE, null, Grouping.UNIT).total();
	}

	@Test
	void closingARefusingAndReschedulingMoveTheFiguresAtOnce() {
		String code = this.jdbc.queryForObject(
				"select min(code) from dossier where finished_at is null and legal_due < ?", String.class,
				ReportTestData.ts(ReportTestData.at(NOW)));
		Figures before = quarter();
		Date now = ReportTestData.at(NOW);
		this.tx.executeWithoutResult(s -> this.dossiers.close(code, now, Timeliness.LATE));
		Figures after = quarter();
		assertThat(after.late()).isEqualTo(before.late() + 1);
		assertThat(after.overdue()).isEqualTo(before.overdue() - 1);
		assertThat(after.total()).isEqualTo(before.total());

		String other = this.jdbc.queryForObject("select min(code) from dossier where finished_at is null", String.class);
		assertThatThrownBy(() -> this.tx.executeWithoutResult(s -> {
			this.dossiers.refuse(other, "thiếu giấy tờ", now);
			assertThat(quarter().refused()).isEqualTo(after.refused() + 1); // seen inside the transaction
			throw new IllegalStateException("rollback");
		})).hasMessage("rollback");
		assertThat(quarter()).isEqualTo(after);

		this.tx.executeWithoutResult(s -> this.dossiers.refuse(other, "thiếu giấy tờ", now));
		assertThat(quarter().refused()).isEqualTo(after.refused() + 1);
		assertThat(quarter().inProgress()).isEqualTo(after.inProgress() - 1);
	}


	@Test
	void aStoppedDossierLeavesInProgressAndCountsApartNeverLateNorResolved() {
		String code = this.jdbc.queryForObject(
				"select min(code) from dossier where finished_at is null and legal_due < ?", String.class,
				ReportTestData.ts(ReportTestData.at(NOW)));
		Figures before = quarter();
		Date now = ReportTestData.at(NOW);
		this.tx.executeWithoutResult(s -> assertThat(this.dossiers.stop(code, now)).isTrue());
		Figures after = quarter();
		assertThat(after.stopped()).isEqualTo(before.stopped() + 1);
		assertThat(after.inProgress()).isEqualTo(before.inProgress() - 1);
		assertThat(after.overdue()).isEqualTo(before.overdue() - 1);
		assertThat(after.resolved()).isEqualTo(before.resolved());
		assertThat(after.late()).isEqualTo(before.late());
		assertThat(after.refused()).isEqualTo(before.refused());
		assertThat(after.total()).isEqualTo(after.resolved() + after.refused() + after.stopped() + after.inProgress());
		// the column equals a direct count of the stopped dossiers of the quarter
		assertThat(after.stopped()).isEqualTo(this.jdbc.queryForObject("""
				select count(*) from dossier where status = 'STOPPED' and finished_at >= ? and finished_at < ?""",
				Long.class, ReportTestData.ts(ReportTestData.at(java.time.LocalDateTime.of(2026, 1, 1, 0, 0))),
				ReportTestData.ts(ReportTestData.at(java.time.LocalDateTime.of(2026, 4, 1, 0, 0)))));
		// a finished dossier is not stopped again
		this.tx.executeWithoutResult(s -> assertThat(this.dossiers.stop(code, now)).isFalse());
		assertThat(quarter()).isEqualTo(after);
	}

}
