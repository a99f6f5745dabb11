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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final ReportFolding folding;

	private final TransactionTemplate readOnly;

	PerformanceReports(NamedParameterJdbcTemplate jdbc, Organisation organisation, ReportProperties properties,
			Clock reportClock, ReportFolding folding, PlatformTransactionManager transactions) {
		this.folding = folding;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
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
	 * (null: every procedure). Folds the pending counter changes first, so the report includes every
	 * change committed before it started.
	 */
	public Report report(Period period, Scope scope, Set<String> units, Grouping by) {
		this.folding.foldPending();
		return this.readOnly.execute(status -> compute(period, scope, units, by));
	}

	private Report compute(Period period, Scope scope, Set<String> units, Grouping by) {
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
		String received = "received_online + received_in_person + received_postal";
		String finished = "resolved_early + resolved_on_time + resolved_late + refused + stopped";
		// running sums before the period: whole months from report_monthly, the rest from report_daily
		MapSqlParameterSource before = new MapSqlParameterSource().addValue("month", period.from().withDayOfMonth(1))
			.addValue("from", period.from());
		String beforeWhere = filter(before, units, procedure, "unit_code", "procedure_key");
		Map<String, long[]> prefix = new java.util.HashMap<>();
		this.jdbc.query("""
				select unit_code, procedure_key, sum(open_delta) as open_delta, sum(overdue_delta) as overdue_delta
				from (
				  select unit_code, procedure_key, %1$s - (%2$s) as open_delta, overdue_started - overdue_ended as overdue_delta
				  from report_monthly where report_day < :month %3$s
				  union all
				  select unit_code, procedure_key, %1$s - (%2$s), overdue_started - overdue_ended
				  from report_daily where report_day >= :month and report_day < :from %3$s
				) x
				group by unit_code, procedure_key""".formatted(received, finished, beforeWhere), before, rs -> {
			prefix.put(rs.getString(1) + "\u0000" + rs.getString(2),
					new long[] { rs.getLong("open_delta"), rs.getLong("overdue_delta") });
		});
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", period.from())
			.addValue("to", period.to());
		String where = filter(params, units, procedure, "unit_code", "procedure_key");
		Map<String, Map<String, Figures>> result = new LinkedHashMap<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		this.jdbc.query("""
				select unit_code, procedure_key,
				  sum(received_online) as online, sum(received_in_person) as in_person, sum(received_postal) as postal,
				  sum(resolved_early) as early, sum(resolved_on_time) as on_time, sum(resolved_late) as late,
				  sum(refused) as refused, sum(stopped) as stopped, sum(%1$s - (%2$s)) as open_delta,
				  sum(overdue_started - overdue_ended) as overdue_delta,
				  sum(handoffs_finished) as handoffs, sum(handoffs_late) as handoffs_late, sum(came_due) as came_due
				from report_daily
				where report_day >= :from and report_day <= :to %3$s
				group by unit_code, procedure_key""".formatted(received, finished, where), params, rs -> {
			String unit = rs.getString("unit_code");
			String key = rs.getString("procedure_key");
			seen.add(unit + "\u0000" + key);
			long[] p = prefix.getOrDefault(unit + "\u0000" + key, new long[2]);
			long open = p[0] + rs.getLong("open_delta");
			long overdue = p[1] + rs.getLong("overdue_delta");
			Figures f = new Figures(p[0], rs.getLong("online"), rs.getLong("in_person"), rs.getLong("postal"),
					rs.getLong("early"), rs.getLong("on_time"), rs.getLong("late"), rs.getLong("refused"), rs.getLong("stopped"),
					current ? 0 : open - overdue, current ? 0 : overdue, rs.getLong("came_due"), rs.getLong("handoffs"),
					rs.getLong("handoffs_late"));
			result.computeIfAbsent(unit, k -> new TreeMap<>()).merge(key, f, Figures::plus);
		});
		prefix.forEach((unitAndKey, p) -> {
			if (!seen.contains(unitAndKey) && (p[0] != 0 || p[1] != 0)) {
				String[] parts = unitAndKey.split("\u0000", 2);
				Figures f = new Figures(p[0], 0, 0, 0, 0, 0, 0, 0, 0, current ? 0 : p[0] - p[1], current ? 0 : p[1], 0, 0,
						0);
				result.computeIfAbsent(parts[0], k -> new TreeMap<>()).merge(parts[1], f, Figures::plus);
			}
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
				Figures f = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, rs.getLong("open") - overdue, overdue, 0, 0, 0);
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
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("year", year)
			.addValue("threshold", this.properties.lateOfficialThreshold());
		String where = filter(params, units, procedure, "unit_code", "procedure_key");
		List<OfficialFlag> flags = this.jdbc.query("""
				select official, sum(times) as times from report_official_year
				where report_year = :year %s
				group by official
				having sum(times) >= :threshold
				order by times desc, official""".formatted(where), params,
				(rs, i) -> new OfficialFlag(rs.getString("official"), 0, 0, rs.getLong("times"), year));
		if (flags.isEmpty() || flags.size() > 200) {
			return flags;
		}
		// the split between late finishes and recorded breaches, for the flagged officials only
		MapSqlParameterSource detail = new MapSqlParameterSource().addValue("year", year)
			.addValue("officials", flags.stream().map(OfficialFlag::userId).toList());
		String detailWhere = filter(detail, units, procedure, "o.unit_code", "o.procedure_key");
		Map<String, long[]> split = new java.util.HashMap<>();
		this.jdbc.query("""
				select o.official,
				  sum(case when exists (select 1 from handoff h where h.id = o.handoff_id and h.outcome = 'LATE'
				    and h.finished_by = o.official) then 1 else 0 end) as late_handoffs,
				  sum(case when exists (select 1 from deadline_breach b where b.handoff_id = o.handoff_id
				    and b.official_user_id = o.official) then 1 else 0 end) as breaches
				from report_official o
				where o.report_year = :year and o.official in (:officials) %s
				group by o.official""".formatted(detailWhere), detail, rs -> {
			split.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
		});
		return flags.stream().map(f -> {
			long[] s = split.getOrDefault(f.userId(), new long[2]);
			return new OfficialFlag(f.userId(), s[0], s[1], f.times(), year);
		}).toList();
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
