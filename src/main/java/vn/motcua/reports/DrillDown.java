package vn.motcua.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.reports.Report.Grouping;

/**
 * The dossiers behind one cell, read straight from {@code dossier} and {@code handoff} with the
 * definition of the cell written out in SQL, not from the counters: it doubles as the direct
 * count the counters are checked against.
 */
@Component
class DrillDown {

	private final NamedParameterJdbcTemplate jdbc;

	DrillDown(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Dossier codes behind {@code cell}, one per dossier (one per step for the step cells), for
	 * the row {@code row} (a unit code or procedure key; null for the total row).
	 */
	@Transactional(readOnly = true)
	List<String> codes(Cell cell, Period period, Scope scope, Set<String> units, Grouping by, String row,
			Instant asOf, boolean current) {
		return query(cell, period, scope, units, by, row, asOf, current, "d.code",
				(rs, i) -> rs.getString(1));
	}

	/** One dossier behind a cell, as the drill-down page lists it. */
	record Line(String code, String procedureName, String receivingUnit, Instant receivedAt, Instant legalDue,
			Instant finishedAt, String status, String timeliness) {

		/** Message key suffix of the outcome: early, on-time, late, refused, overdue or in-time. */
		String outcome(Instant asOf) {
			if ("REFUSED".equals(this.status)) {
				return "refused";
			}
			if ("STOPPED".equals(this.status)) {
				return "stopped";
			}
			if (this.finishedAt == null) {
				return this.legalDue.isBefore(asOf) ? "overdue" : "in-time";
			}
			return "EARLY".equals(this.timeliness) ? "early" : "ON_TIME".equals(this.timeliness) ? "on-time" : "late";
		}

	}

	/** As {@link #codes}, with what the page shows of each dossier. */
	@Transactional(readOnly = true)
	List<Line> lines(Cell cell, Period period, Scope scope, Set<String> units, Grouping by, String row, Instant asOf,
			boolean current) {
		return query(cell, period, scope, units, by, row, asOf, current,
				"d.code, d.procedure_name, d.receiving_unit, d.received_at, d.legal_due, d.finished_at, d.status, d.timeliness",
				(rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
						instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8)));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private <T> List<T> query(Cell cell, Period period, Scope scope, Set<String> units, Grouping by, String row,
			Instant asOf, boolean current, String columns, org.springframework.jdbc.core.RowMapper<T> mapper) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("start", Timestamp.from(period.start()))
			.addValue("end", Timestamp.from(period.end()))
			.addValue("asOf", Timestamp.from(asOf));
		if (cell.countsHandoffs()) {
			String where = PerformanceReports.filter(params, units, null, "h.to_unit", null);
			where += procedureFilter(params, scope.procedure(), by, row, "d.procedure_key");
			if (row != null && by == Grouping.UNIT) {
				params.addValue("row", row);
				where += " and h.to_unit = :row";
			}
			String late = cell == Cell.HANDOFFS_LATE ? " and h.outcome = 'LATE'" : "";
			return this.jdbc.query("""
					select %s from handoff h join dossier d on d.code = h.dossier_code
					where h.finished_at >= :start and h.finished_at < :end %s %s
					order by h.dossier_code, h.id""".formatted(columns, late, where), params, mapper);
		}
		String where = PerformanceReports.filter(params, units, null, "d.receiving_unit", null);
		where += procedureFilter(params, scope.procedure(), by, row, "d.procedure_key");
		if (row != null && by == Grouping.UNIT) {
			params.addValue("row", row);
			where += " and d.receiving_unit = :row";
		}
		return this.jdbc.query("select %s from dossier d where (%s) %s order by d.code".formatted(columns,
				predicate(cell, current), where), params, mapper);
	}

	private static String procedureFilter(MapSqlParameterSource params, String scopeProcedure, Grouping by, String row,
			String column) {
		String where = "";
		if (scopeProcedure != null) {
			params.addValue("procedure", scopeProcedure);
			where += " and " + column + " = :procedure";
		}
		if (row != null && by == Grouping.PROCEDURE) {
			params.addValue("rowProcedure", row);
			where += " and " + column + " = :rowProcedure";
		}
		return where;
	}

	/** The definition of each dossier cell; see docs/reports.md. */
	static String predicate(Cell cell, boolean current) {
		String received = "d.received_at >= :start and d.received_at < :end";
		String resolved = "d.finished_at >= :start and d.finished_at < :end and d.status not in ('REFUSED', 'STOPPED')";
		String carried = "d.received_at < :start and (d.finished_at is null or d.finished_at >= :start)";
		String open = current ? "d.finished_at is null and d.received_at < :asOf"
				: "d.received_at < :asOf and (d.finished_at is null or d.finished_at >= :asOf)";
		return switch (cell) {
			case CARRIED -> carried;
			case RECEIVED -> received;
			case RECEIVED_ONLINE -> received + " and d.channel = 'online'";
			case RECEIVED_POSTAL -> received + " and d.channel = 'postal'";
			case RECEIVED_IN_PERSON -> received + " and d.channel not in ('online', 'postal')";
			case TOTAL -> "(" + carried + ") or (" + received + ")";
			case RESOLVED -> resolved;
			case EARLY -> resolved + " and d.timeliness = 'EARLY'";
			case ON_TIME -> resolved + " and d.timeliness = 'ON_TIME'";
			case LATE -> resolved + " and (d.timeliness is null or d.timeliness not in ('EARLY', 'ON_TIME'))";
			case REFUSED -> "d.finished_at >= :start and d.finished_at < :end and d.status = 'REFUSED'";
			case STOPPED -> "d.finished_at >= :start and d.finished_at < :end and d.status = 'STOPPED'";
			case IN_PROGRESS -> open;
			case WITHIN_DEADLINE -> open + " and d.legal_due >= :asOf";
			case OVERDUE -> open + " and d.legal_due < :asOf";
			case CAME_DUE -> "d.legal_due >= :start and d.legal_due < :end and d.status not in ('REFUSED', 'STOPPED')";
			case HANDOFFS, HANDOFFS_LATE -> throw new IllegalArgumentException(cell + " counts steps");
		};
	}

}
