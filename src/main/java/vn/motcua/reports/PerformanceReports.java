package vn.motcua.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.reports.Report.Grouping;
import vn.motcua.reports.Report.MonthPoint;
import vn.motcua.reports.Report.OfficialFlag;
import vn.motcua.reports.Report.Row;
import vn.motcua.reports.Report.UnitFlag;

/**
 * Builds reports from the per-day counters: one aggregate query over {@code report_daily} for the
 * period, plus the currently open dossiers when the period is still running, plus the officials
 * over the calendar year. Nothing here scans the dossier history.
 */
@Service
public class PerformanceReports {

	/** A unit code no unit has: stands for "no unit" in an IN list. */
	static final String NO_UNIT = "\u0000";

	private final NamedParameterJdbcTemplate jdbc;

	private final Organisation organisation;

	private final ReportProperties properties;

	private final Clock clock;

	PerformanceReports(NamedParameterJdbcTemplate jdbc, Organisation organisation, ReportProperties properties,
			Clock reportClock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.properties = properties;
		this.clock = reportClock;
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * The report for {@code period} over {@code units} (null: every unit) and {@code procedure}
	 * (null: every procedure).
	 */
	@Transactional(readOnly = true)
	public Report report(Period period, Scope scope, Set<String> units, Grouping by) {
		Instant now = now();
		Instant asOf = period.asOf(now);
		boolean current = period.isCurrent(now);
		String procedure = scope.procedure();
		Map<String, Map<String, Figures>> cells = figures(period, units, procedure, current, asOf);
		Map<String, Figures> perUnit = new LinkedHashMap<>();
		Map<String, Figures> perProcedure = new TreeMap<>();
		cells.forEach((unit, byProcedure) -> byProcedure.forEach((key, f) -> {
			perUnit.merge(unit, f, Figures::plus);
			perProcedure.merge(key, f, Figures::plus);
		}));
		List<UnitFlag> unitFlags = unitFlags(perUnit);
		Set<String> flagged = new java.util.HashSet<>();
		unitFlags.forEach(f -> flagged.add(f.code()));
		List<Row> rows = new ArrayList<>();
		if (by == Grouping.UNIT) {
			for (String code : unitOrder(perUnit.keySet())) {
				rows.add(new Row(code, unitName(code), perUnit.get(code), flagged.contains(code)));
			}
		}
		else {
			Map<String, String> names = procedureNames();
			perProcedure.forEach((key, f) -> rows.add(new Row(key, names.getOrDefault(key, key), f, false)));
		}
		Figures total = rows.stream().map(Row::figures).reduce(Figures.ZERO, Figures::plus);
		return new Report(period, scope, by, asOf, current, rows, total, unitFlags,
				officialFlags(period.year(), units, procedure), trend(period, units, procedure),
				this.properties.lateRateThreshold(), this.properties.lateOfficialThreshold());
	}

	/** Figures per unit, then per procedure. */
	Map<String, Map<String, Figures>> figures(Period period, Set<String> units, String procedure, boolean current,
			Instant asOf) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", period.from())
			.addValue("to", period.to());
		String where = filter(params, units, procedure, "unit_code", "procedure_key");
		String received = "received_online + received_in_person + received_postal";
		String finished = "resolved_early + resolved_on_time + resolved_late + refused";
		String inPeriod = "report_day >= :from";
		String sql = """
				select unit_code, procedure_key,
				  sum(case when report_day < :from then %1$s - (%2$s) else 0 end) as carried,
				  sum(case when %3$s then received_online else 0 end) as online,
				  sum(case when %3$s then received_in_person else 0 end) as in_person,
				  sum(case when %3$s then received_postal else 0 end) as postal,
				  sum(case when %3$s then resolved_early else 0 end) as early,
				  sum(case when %3$s then resolved_on_time else 0 end) as on_time,
				  sum(case when %3$s then resolved_late else 0 end) as late,
				  sum(case when %3$s then refused else 0 end) as refused,
				  sum(%1$s - (%2$s)) as open_at_end,
				  sum(overdue_started - overdue_ended) as overdue_at_end,
				  sum(case when %3$s then handoffs_finished else 0 end) as handoffs,
				  sum(case when %3$s then handoffs_late else 0 end) as handoffs_late
				from report_daily
				where report_day <= :to %4$s
				group by unit_code, procedure_key""".formatted(received, finished, inPeriod, where);
		Map<String, Map<String, Figures>> result = new LinkedHashMap<>();
		this.jdbc.query(sql, params, rs -> {
			long open = rs.getLong("open_at_end");
			long overdue = rs.getLong("overdue_at_end");
			Figures f = new Figures(rs.getLong("carried"), rs.getLong("online"), rs.getLong("in_person"),
					rs.getLong("postal"), rs.getLong("early"), rs.getLong("on_time"), rs.getLong("late"),
					rs.getLong("refused"), current ? 0 : open - overdue, current ? 0 : overdue, rs.getLong("handoffs"),
					rs.getLong("handoffs_late"));
			result.computeIfAbsent(rs.getString("unit_code"), k -> new TreeMap<>())
				.merge(rs.getString("procedure_key"), f, Figures::plus);
		});
		if (current) {
			MapSqlParameterSource open = new MapSqlParameterSource().addValue("now", Timestamp.from(asOf));
			String openWhere = filter(open, units, procedure, "receiving_unit", "procedure_key");
			this.jdbc.query("""
					select receiving_unit, procedure_key, count(*) as open,
					  sum(case when legal_due < :now then 1 else 0 end) as overdue
					from report_dossier
					where finished_at is null and received_at < :now %s
					group by receiving_unit, procedure_key""".formatted(openWhere), open, rs -> {
				long overdue = rs.getLong("overdue");
				Figures f = new Figures(0, 0, 0, 0, 0, 0, 0, 0, rs.getLong("open") - overdue, overdue, 0, 0);
				result.computeIfAbsent(rs.getString("receiving_unit"), k -> new TreeMap<>())
					.merge(rs.getString("procedure_key"), f, Figures::plus);
			});
		}
		return result;
	}

	static String filter(MapSqlParameterSource params, Set<String> units, String procedure, String unitColumn,
			String procedureColumn) {
		StringBuilder where = new StringBuilder();
		if (units != null) {
			params.addValue("units", units.isEmpty() ? List.of(NO_UNIT) : units);
			where.append(" and ").append(unitColumn).append(" in (:units)");
		}
		if (procedure != null) {
			params.addValue("procedure", procedure);
			where.append(" and ").append(procedureColumn).append(" = :procedure");
		}
		return where.toString();
	}

	private List<UnitFlag> unitFlags(Map<String, Figures> perUnit) {
		double threshold = this.properties.lateRateThreshold();
		List<UnitFlag> flags = new ArrayList<>();
		for (String code : unitOrder(perUnit.keySet())) {
			Figures f = perUnit.get(code);
			boolean byLateRate = f.lateRate() != null && f.lateRate() >= threshold;
			boolean byHandoffs = f.handoffLateShare() != null && f.handoffLateShare() >= threshold;
			if (byLateRate || byHandoffs) {
				flags.add(new UnitFlag(code, unitName(code), f.lateRate(), f.handoffLateShare(), byLateRate, byHandoffs));
			}
		}
		return flags;
	}

	/**
	 * Officials who caused late dossiers in the calendar year: steps they finished late, and
	 * breaches recorded against them, one time per step.
	 */
	List<OfficialFlag> officialFlags(int year, Set<String> units, String procedure) {
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("start", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(Period.ZONE).toInstant()))
			.addValue("end", Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(Period.ZONE).toInstant()))
			.addValue("threshold", this.properties.lateOfficialThreshold());
		String handoffWhere = filter(params, units, null, "h.to_unit", null);
		String breachWhere = filter(params, units, null, "b.unit_code", null);
		String byProcedure = "";
		if (procedure != null) {
			params.addValue("procedure", procedure);
			byProcedure = " and exists (select 1 from dossier d where d.code = %s.dossier_code and d.procedure_key = :procedure)";
		}
		String sql = """
				select official, count(distinct handoff_id) as times,
				  sum(case when kind = 'H' then 1 else 0 end) as late_handoffs,
				  sum(case when kind = 'B' then 1 else 0 end) as breaches
				from (
				  select h.finished_by as official, h.id as handoff_id, 'H' as kind from handoff h
				  where h.outcome = 'LATE' and h.finished_at >= :start and h.finished_at < :end
				    and h.finished_by is not null %s %s
				  union all
				  select b.official_user_id, b.handoff_id, 'B' from deadline_breach b
				  where b.breached_at >= :start and b.breached_at < :end and b.official_user_id is not null %s %s
				) x
				group by official
				having count(distinct handoff_id) >= :threshold
				order by times desc, official""".formatted(handoffWhere, byProcedure.formatted("h"), breachWhere,
				byProcedure.formatted("b"));
		return this.jdbc.query(sql, params, (rs, i) -> new OfficialFlag(rs.getString("official"),
				rs.getLong("late_handoffs"), rs.getLong("breaches"), rs.getLong("times"), year));
	}

	/** On-time rate per month: the months of the period, or the twelve months up to its end. */
	List<MonthPoint> trend(Period period, Set<String> units, String procedure) {
		YearMonth first = YearMonth.from(period.from());
		YearMonth last = YearMonth.from(period.to());
		if (!first.isBefore(last)) {
			first = last.minusMonths(11);
		}
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", first.atDay(1))
			.addValue("to", last.atEndOfMonth());
		String where = filter(params, units, procedure, "unit_code", "procedure_key");
		Map<YearMonth, long[]> months = new TreeMap<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			months.put(m, new long[3]);
		}
		this.jdbc.query("""
				select report_day, sum(resolved_early) as early, sum(resolved_on_time) as on_time, sum(resolved_late) as late
				from report_daily where report_day >= :from and report_day <= :to %s
				group by report_day""".formatted(where), params, rs -> {
			long[] m = months.get(YearMonth.from(rs.getObject("report_day", LocalDate.class)));
			m[0] += rs.getLong("early");
			m[1] += rs.getLong("on_time");
			m[2] += rs.getLong("late");
		});
		return months.entrySet().stream().map(e -> new MonthPoint(e.getKey(), e.getValue()[0], e.getValue()[1],
				e.getValue()[2])).toList();
	}

	Map<String, String> procedureNames() {
		Map<String, String> names = new TreeMap<>();
		this.jdbc.query("select procedure_key, procedure_name from report_procedure",
				rs -> {
					names.put(rs.getString(1), rs.getString(2));
				});
		return names;
	}

	String unitName(String code) {
		return this.organisation.find(code).map(Unit::name).orElse(code);
	}

	/** Organisation order first, unknown codes after. */
	private List<String> unitOrder(Set<String> codes) {
		List<String> ordered = new ArrayList<>();
		for (Unit unit : this.organisation.units()) {
			if (codes.contains(unit.code())) {
				ordered.add(unit.code());
			}
		}
		codes.stream().filter(c -> !ordered.contains(c)).sorted().forEach(ordered::add);
		return ordered;
	}

}
