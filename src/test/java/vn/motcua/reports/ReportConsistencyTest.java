package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.organisation.Organisation;
import vn.motcua.reports.Report.Grouping;

/**
 * Every cell of every row agrees with a direct count: the report (counters kept up to date change
 * by change) = the drill-down (plain SQL per cell over dossier and handoff) = a naive count in Java
 * over all rows; and the counters kept incrementally equal the counters rebuilt from scratch.
 */
class ReportConsistencyTest extends ReportsTestBase {

	@Autowired
	ReportFolding folding;

	@Autowired
	PerformanceReports reports;

	@Autowired
	DrillDown drillDown;

	@Autowired
	ReportCounters counters;

	@Autowired
	Organisation organisation;

	static List<Period> periods() {
		List<Period> periods = new ArrayList<>();
		for (YearMonth m = YearMonth.of(2025, 9); !m.isAfter(YearMonth.of(2026, 4)); m = m.plusMonths(1)) {
			periods.add(Period.month(m));
		}
		periods.add(Period.quarter(2025, 4));
		periods.add(Period.quarter(2026, 1)); // current: in progress as of now
		periods.add(Period.year(2025));
		periods.add(Period.year(2026));
		periods.add(new Period(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 25))); // Tết
		periods.add(new Period(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1)));
		periods.add(new Period(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 20))); // today
		return periods;
	}

	static List<Scope> scopes() {
		return List.of(Scope.PROVINCE, Scope.parse("level:commune"), Scope.parse("unit:huyen-bac-son"),
				Scope.parse("unit-only:xa-an-binh"), Scope.parse("unit:tinh-demo"),
				Scope.parse("procedure:birth-registration"));
	}

	@Test
	void everyCellAgreesWithADirectCount() {
		NaiveCount naive = new NaiveCount(this.jdbc);
		assertThat(naive.dossiers).hasSizeGreaterThanOrEqualTo(DOSSIERS);
		Instant now = this.reports.now();
		int checked = 0;
		for (Period period : periods()) {
			for (Scope scope : scopes()) {
				Set<String> units = scope.units(this.organisation);
				for (Grouping by : Grouping.values()) {
					Report report = this.reports.report(period, scope, units, by);
					for (Report.Row row : report.rows()) {
						Set<String> rowUnits = by == Grouping.UNIT ? Set.of(row.key()) : units;
						String rowProcedure = by == Grouping.PROCEDURE ? row.key() : scope.procedure();
						for (Cell cell : Cell.values()) {
							long expected = naive.count(cell, period, now, rowUnits, rowProcedure);
							assertThat(row.figures().get(cell))
								.as("%s %s %s row %s cell %s", period, scope, by, row.key(), cell)
								.isEqualTo(expected);
							if (by == Grouping.UNIT || cell == Cell.LATE || cell == Cell.CARRIED) {
								assertThat(this.drillDown.codes(cell, period, scope, units, by, row.key(),
										period.asOf(now), period.isCurrent(now)))
									.as("drill-down %s %s %s row %s cell %s", period, scope, by, row.key(), cell)
									.hasSize((int) expected);
							}
							checked++;
						}
					}
					for (Cell cell : Cell.values()) {
						long expected = naive.count(cell, period, now, units, scope.procedure());
						assertThat(report.total().get(cell)).as("%s %s %s total %s", period, scope, by, cell)
							.isEqualTo(expected);
						assertThat(this.drillDown.codes(cell, period, scope, units, by, null, period.asOf(now),
								period.isCurrent(now)))
							.hasSize((int) expected);
					}
					Figures t = report.total();
					assertThat(t.total()).as("carried + new = resolved + refused + stopped + in progress")
						.isEqualTo(t.resolved() + t.refused() + t.stopped() + t.inProgress());
				}
			}
		}
		assertThat(checked).isGreaterThan(5_000);
		// the data covers every kind of cell
		Report year = this.reports.report(Period.quarter(2026, 1), Scope.PROVINCE, null, Grouping.UNIT);
		Figures f = year.total();
		assertThat(List.of(f.carriedOver(), f.receivedOnline(), f.receivedInPerson(), f.receivedPostal(), f.early(),
				f.onTime(), f.late(), f.refused(), f.stopped(), f.withinDeadline(), f.overdue(), f.handoffs(), f.handoffsLate()))
			.allMatch(v -> v > 0);
		Figures past = this.reports.report(Period.month(YearMonth.of(2026, 1)), Scope.PROVINCE, null, Grouping.UNIT)
			.total();
		assertThat(past.overdue()).isPositive();
		assertThat(past.withinDeadline()).isPositive();
	}

	@Test
	void countersKeptChangeByChangeEqualCountersRebuiltFromScratch() {
		String snapshot = """
				select report_day, unit_code, procedure_key, received_online, received_in_person, received_postal,
				  resolved_early, resolved_on_time, resolved_late, refused, overdue_started, overdue_ended,
				  handoffs_finished, handoffs_late, stopped
				from report_daily
				where received_online <> 0 or received_in_person <> 0 or received_postal <> 0 or resolved_early <> 0
				  or resolved_on_time <> 0 or resolved_late <> 0 or refused <> 0 or overdue_started <> 0
				  or overdue_ended <> 0 or handoffs_finished <> 0 or handoffs_late <> 0 or stopped <> 0
				order by report_day, unit_code, procedure_key""";
		this.folding.foldPending();
		List<Map<String, Object>> incremental = this.jdbc.queryForList(snapshot);
		assertThat(incremental).isNotEmpty();
		this.counters.rebuild();
		assertThat(this.jdbc.queryForList(snapshot)).isEqualTo(incremental);
	}

	@Test
	void flagsFollowTheirDefinitions() {
		Instant now = this.reports.now();
		NaiveCount naive = new NaiveCount(this.jdbc);
		Period quarter = Period.quarter(2026, 1);
		Report report = this.reports.report(quarter, Scope.PROVINCE, null, Grouping.UNIT);
		Set<String> expectedUnits = new TreeSet<>();
		Set<String> allUnits = new HashSet<>();
		naive.dossiers.forEach(d -> allUnits.add(d.unit()));
		naive.handoffs.forEach(h -> allUnits.add(h.toUnit()));
		for (String unit : allUnits) {
			long late = naive.count(Cell.LATE, quarter, now, Set.of(unit), null);
			long resolved = naive.count(Cell.RESOLVED, quarter, now, Set.of(unit), null);
			long lateSteps = naive.count(Cell.HANDOFFS_LATE, quarter, now, Set.of(unit), null);
			long steps = naive.count(Cell.HANDOFFS, quarter, now, Set.of(unit), null);
			if (resolved > 0 && late >= 0.05 * resolved || steps > 0 && lateSteps >= 0.05 * steps) {
				expectedUnits.add(unit);
			}
		}
		assertThat(report.unitFlags().stream().map(Report.UnitFlag::code).toList())
			.containsExactlyInAnyOrderElementsOf(expectedUnits);
		assertThat(report.rows().stream().filter(Report.Row::flagged).map(Report.Row::key).toList())
			.containsExactlyInAnyOrderElementsOf(expectedUnits);

		// officials: late steps they finished plus breaches recorded against them, once per step, in the year
		for (int year : List.of(2025, 2026)) {
			Map<String, Set<Long>> times = new HashMap<>();
			this.jdbc.query("""
					select finished_by, id from handoff where outcome = 'LATE' and finished_by is not null
					  and extract(year from finished_at) = ?""", rs -> {
				times.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
			}, year);
			this.jdbc.query("""
					select official_user_id, handoff_id from deadline_breach where official_user_id is not null
					  and extract(year from breached_at) = ?""", rs -> {
				times.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getLong(2));
			}, year);
			Map<String, Long> expected = new HashMap<>();
			times.forEach((official, steps) -> {
				if (steps.size() >= 3) {
					expected.put(official, (long) steps.size());
				}
			});
			Report yearly = this.reports.report(Period.year(year), Scope.PROVINCE, null, Grouping.UNIT);
			Map<String, Long> actual = new HashMap<>();
			yearly.officialFlags().forEach(o -> actual.put(o.userId(), o.times()));
			assertThat(actual).as("officials %d", year).isEqualTo(expected);
			if (year == 2026) {
				assertThat(actual).isNotEmpty();
			}
		}
	}

}
