package vn.motcua.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries of the audit area on Motcua's own tables ({@code dossier}, {@code handoff},
 * ...), never on Camunda's history tables: the search runs on the indexes of V1 and V20 and is
 * confined to the {@link AuditScope} in SQL.
 */
@Repository
class AuditQueries {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Map<String, String> SORT_COLUMNS = Map.of("received", "d.received_at", "code", "d.code",
			"procedure", "d.procedure_name", "due", "d.due_at", "finished", "d.finished_at");

	private static final String COLUMNS = """
			d.code, d.procedure_key, d.procedure_name, d.receiving_unit, d.received_by, d.applicant_name,
			d.applicant_phone, d.applicant_address, d.channel, d.legal_working_days, d.received_at, d.original_due,
			d.due_at, d.status, d.finished_at, d.timeliness, d.refusal_reason, d.process_instance_id,
			case when d.status = 'IN_PROGRESS' and exists (select 1 from handoff so where so.dossier_code = d.code
			  and so.finished_at is null and so.paused_at is null and so.due_at < :now) then 1 else 0 end as step_overdue""";

	/** Open dossiers with a running step past its due instant (index ix_handoff_open_due, V86). */
	private static final String STEP_OVERDUE = """
			d.code in (select so.dossier_code from handoff so where so.finished_at is null and so.due_at < :now
			  and so.paused_at is null)""";

	/** Code prefixes that may be written into the SQL as a literal (no quote, no wildcard but _). */
	private static final java.util.regex.Pattern SAFE_CODE_PREFIX = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final NamedParameterJdbcTemplate jdbc;

	AuditQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Counting stops here: beyond, the page says "more than 10,000 dossiers" (docs/audit.md). */
	static final int MAX_COUNT = 10_000;

	/** Deepest row a page may start at: deeper pages ask to narrow the filter. */
	static final int MAX_OFFSET = 10_000;

	/**
	 * One page. {@code total} is exact up to {@link #MAX_COUNT}; {@code more} says there are more
	 * matches than that. {@code tooDeep}: the asked page was beyond {@link #MAX_OFFSET} rows and the
	 * last reachable page is shown instead.
	 */
	record Page(List<DossierRow> rows, long total, int page, int size, boolean more, boolean tooDeep) {

		Page(List<DossierRow> rows, long total, int page, int size) {
			this(rows, total, page, size, false, false);
		}

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

		/** Last page that can be opened: the page count, at most {@link #MAX_OFFSET} rows deep. */
		public int lastPage() {
			return Math.min(pages(), maxPage(this.size));
		}

		static int maxPage(int size) {
			return MAX_OFFSET / size + 1;
		}

	}

	Page search(DossierSearch search, AuditScope scope, Date now) {
		MapSqlParameterSource params = new MapSqlParameterSource("now", new Timestamp(now.getTime()));
		String from = from(search, scope, now, params);
		// count at most MAX_COUNT + 1 matches: an exact count of 500,000 matches costs seconds
		long counted = this.jdbc.queryForObject("select count(*) from (select 1 as one" + from + " limit "
				+ (MAX_COUNT + 1) + ") c", params, Long.class);
		boolean more = counted > MAX_COUNT;
		long total = Math.min(counted, MAX_COUNT);
		int size = search.pageSize();
		int wanted = search.pageNumber();
		int last = (int) Math.min(Math.max(1, (total + size - 1) / size), Page.maxPage(size));
		if (more) {
			last = Page.maxPage(size);
		}
		int page = Math.min(wanted, last);
		boolean tooDeep = wanted > page && page == Page.maxPage(size);
		params.addValue("limit", size).addValue("offset", (long) (page - 1) * size);
		List<DossierRow> rows = this.jdbc.query(
				"select " + COLUMNS + from + orderBy(search, scope) + " limit :limit offset :offset", params,
				AuditQueries::map);
		return new Page(rows, total, page, size, more, tooDeep);
	}

	/** Streams every match in search order (exports); returns the number of rows. */
	long stream(DossierSearch search, AuditScope scope, Date now, int max, Consumer<DossierRow> sink) {
		MapSqlParameterSource params = new MapSqlParameterSource("now", new Timestamp(now.getTime()));
		String from = from(search, scope, now, params);
		params.addValue("limit", max);
		long[] count = { 0 };
		this.jdbc.query("select " + COLUMNS + from + orderBy(search, scope) + " limit :limit", params,
				(RowCallbackHandler) rs -> {
					sink.accept(map(rs, 0));
					count[0]++;
				});
		return count[0];
	}

	Optional<DossierRow> dossier(String code, AuditScope scope, Date now) {
		MapSqlParameterSource params = new MapSqlParameterSource("code", code).addValue("now",
				new Timestamp(now.getTime()));
		String sql = "select " + COLUMNS + " from dossier d where d.code = :code" + scopeClause(scope, params);
		return this.jdbc.query(sql, params, AuditQueries::map).stream().findFirst();
	}

	/** The receiving unit, among those given, of the dossier received last (the logbook opens on it). */
	Optional<String> lastReceivingUnit(List<String> units) {
		if (units.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select receiving_unit from dossier where receiving_unit in (:units)"
					+ " order by received_at desc fetch first 1 rows only", Map.of("units", units), String.class)
			.stream()
			.findFirst();
	}

	/**
	 * One line of the logbook (form 07 of Circular 03/2025). {@code leadUnit}: the unit of the first step after
	 * the desk's, else the receiving unit; {@code resultAt}: when the last step finished, once none is open;
	 * {@code supplementAt}: the first supplement request; {@code number}: the logbook number, 0 until given.
	 */
	record LogbookRow(DossierRow dossier, String leadUnit, Date transferredAt, Date resultAt, Date supplementAt,
			int number) {

		LogbookRow(DossierRow dossier, String leadUnit, Date transferredAt, Date resultAt, Date supplementAt) {
			this(dossier, leadUnit, transferredAt, resultAt, supplementAt, 0);
		}

		/** The row with its logbook number ({@code intake.LogbookNumbers}). */
		LogbookRow numbered(int logbookNumber) {
			return new LogbookRow(this.dossier, this.leadUnit, this.transferredAt, this.resultAt, this.supplementAt,
					logbookNumber);
		}

	}

	/** Dossiers received by {@code unit} in the period (logbook, form 06), oldest first. */
	void logbook(String unit, LocalDate from, LocalDate to, Date now, int max, Consumer<LogbookRow> sink) {
		MapSqlParameterSource params = new MapSqlParameterSource("unit", unit).addValue("now", new Timestamp(now.getTime()))
			.addValue("from", start(from))
			.addValue("to", start(to.plusDays(1)))
			.addValue("limit", max);
		this.jdbc.query("select " + COLUMNS + """
				,
				 (select min(h.sent_at) from handoff h where h.dossier_code = d.code and h.to_unit <> d.receiving_unit) as transferred_at,
				 case when exists (select 1 from handoff o where o.dossier_code = d.code and o.finished_at is null) then null
				      else (select max(h.finished_at) from handoff h where h.dossier_code = d.code) end as result_at,
				 (select h.to_unit from handoff h where h.dossier_code = d.code and h.function_code <> 'desk'
				   order by h.received_at, h.id fetch first 1 rows only) as lead_unit,
				 (select min(s.requested_at) from supplement_request s where s.dossier_code = d.code) as supplement_at
				 from dossier d where d.receiving_unit = :unit and d.received_at >= :from and d.received_at < :to
				 order by d.received_at, d.code limit :limit""", params,
				(RowCallbackHandler) rs -> sink.accept(new LogbookRow(map(rs, 0),
						rs.getString("lead_unit") != null ? rs.getString("lead_unit") : rs.getString("receiving_unit"),
						date(rs, "transferred_at"), date(rs, "result_at"), date(rs, "supplement_at"))));
	}

	List<Map<String, Object>> handoffs(String code) {
		return this.jdbc.queryForList("select * from handoff where dossier_code = :code order by received_at, id",
				Map.of("code", code));
	}

	List<Map<String, Object>> supplements(String code) {
		return this.jdbc.queryForList("select * from supplement_request where dossier_code = :code order by requested_at",
				Map.of("code", code));
	}

	List<Map<String, Object>> pauses(String code) {
		return this.jdbc.queryForList("select * from dossier_pause where dossier_code = :code order by paused_at",
				Map.of("code", code));
	}

	List<Map<String, Object>> breaches(String code) {
		return this.jdbc.queryForList("select * from deadline_breach where dossier_code = :code order by breached_at",
				Map.of("code", code));
	}

	List<Map<String, Object>> apologies(String code) {
		return this.jdbc.queryForList("select * from apology where dossier_code = :code order by issued_at",
				Map.of("code", code));
	}

	/** A procedure that dossiers were received for: its key and its name, as the search's choice shows it. */
	record Procedure(String key, String name) {

	}

	List<Procedure> procedures() {
		return this.jdbc.getJdbcTemplate()
			.query("select procedure_key, max(procedure_name) from dossier group by procedure_key order by 2",
					(rs, i) -> new Procedure(rs.getString(1), rs.getString(2)));
	}

	String procedureName(String key) {
		return this.jdbc.query("select procedure_name from dossier where procedure_key = :key limit 1",
				Map.of("key", key), (rs, i) -> rs.getString(1)).stream().findFirst().orElse(key);
	}

	/**
	 * The unit whose {@code dossier_unit} index range drives the query (read in the sort order):
	 * the handling unit of the filter, else the one unit of a supervisor; null: read {@code dossier}.
	 */
	static String drivingUnit(DossierSearch s, AuditScope scope) {
		if (notBlank(s.handlingUnit())) {
			return s.handlingUnit();
		}
		return !scope.all() && scope.units().size() == 1 ? scope.units().iterator().next() : null;
	}

	/** {@code from ... where ...} of a search. */
	private static String from(DossierSearch s, AuditScope scope, Date now, MapSqlParameterSource params) {
		String unit = drivingUnit(s, scope);
		if (unit == null) {
			return " from dossier d" + where(s, scope, now, params, null);
		}
		params.addValue("driveUnit", unit);
		List<String> and = new ArrayList<>();
		and.add("du.unit_code = :driveUnit");
		if (s.from() != null) {
			and.add("du.received_at >= :from");
		}
		if (s.to() != null) {
			and.add("du.received_at < :to");
		}
		return " from dossier_unit du join dossier d on d.code = du.dossier_code" + where(s, scope, now, params, unit)
				+ " and " + String.join(" and ", and);
	}

	private static String where(DossierSearch s, AuditScope scope, Date now, MapSqlParameterSource params,
			String drivingUnit) {
		List<String> and = new ArrayList<>();
		if (notBlank(s.code())) {
			String prefix = s.code().trim().replace("%", "");
			if (SAFE_CODE_PREFIX.matcher(prefix).matches()) {
				// a literal, not a parameter: the capped count wraps the search in a derived table,
				// which H2 plans before parameters are bound, so "like ?" would scan the whole key
				// (350 ms) where "like 'H12.34-2511%'" reads a key range. Only [A-Za-z0-9.-_] get here.
				and.add("d.code like '" + prefix.replace("_", "\\_") + "%'");
			}
			else {
				and.add("d.code like :code");
				params.addValue("code", prefix.replace("_", "\\_") + "%");
			}
		}
		if (notBlank(s.procedure())) {
			and.add("d.procedure_key = :procedure");
			params.addValue("procedure", s.procedure());
		}
		if (notBlank(s.receivingUnit())) {
			and.add("d.receiving_unit = :receivingUnit");
			params.addValue("receivingUnit", s.receivingUnit());
		}
		if (notBlank(s.handlingUnit())) {
			// dossier_unit also lists the receiving unit: keep "handed to it" exact for that one
			and.add("(d.receiving_unit <> :handlingUnit or exists (select 1 from handoff hh"
					+ " where hh.to_unit = :handlingUnit and hh.dossier_code = d.code))");
			params.addValue("handlingUnit", s.handlingUnit());
		}
		if (s.from() != null) {
			and.add("d.received_at >= :from");
			params.addValue("from", start(s.from()));
		}
		if (s.to() != null) {
			and.add("d.received_at < :to");
			params.addValue("to", start(s.to().plusDays(1)));
		}
		if (notBlank(s.status())) {
			switch (s.status()) {
				case "in-progress" -> and.add("d.status in ('IN_PROGRESS', 'WAITING_CITIZEN')");
				case "returned" -> and.add("d.status = 'RETURNED'");
				case "refused" -> and.add("d.status = 'REFUSED'");
				case "stopped" -> and.add("d.status = 'STOPPED'");
				default -> {
				}
			}
		}
		if (notBlank(s.timeliness())) {
			switch (s.timeliness()) {
				case "early" -> and.add("d.timeliness = 'EARLY'");
				case "on-time" -> and.add("d.timeliness = 'ON_TIME'");
				case "late" -> and.add("d.timeliness = 'LATE'");
				// past the appointment in force, or a running step past its due instant
				case "overdue" -> and.add("d.status = 'IN_PROGRESS' and (d.due_at < :now or " + STEP_OVERDUE + ")");
				default -> {
				}
			}
		}
		String sql = and.isEmpty() ? " where 1 = 1" : " where " + String.join(" and ", and);
		boolean scopeDrives = drivingUnit != null && !notBlank(s.handlingUnit());
		return scopeDrives ? sql : sql + scopeClause(scope, params);
	}

	private static String scopeClause(AuditScope scope, MapSqlParameterSource params) {
		if (scope.all()) {
			return "";
		}
		if (scope.units().isEmpty()) {
			return " and 1 = 0";
		}
		params.addValue("scopeUnits", List.copyOf(scope.units()));
		// dossier_unit lists the receiving unit and every handoff unit (V31)
		return " and exists (select 1 from dossier_unit ds where ds.unit_code in (:scopeUnits)"
				+ " and ds.dossier_code = d.code)";
	}

	private static String orderBy(DossierSearch s, AuditScope scope) {
		String dir = s.ascending() ? " asc" : " desc";
		if (drivingUnit(s, scope) != null) {
			// the order of an index of dossier_unit, so H2 reads the range in order and stops at
			// the page: (unit_code, received_at desc, dossier_code) or the key (unit_code, dossier_code)
			if ("received".equals(s.sortKey())) {
				return s.ascending() ? " order by du.unit_code desc, du.received_at asc, du.dossier_code desc"
						: " order by du.unit_code asc, du.received_at desc, du.dossier_code asc";
			}
			if ("code".equals(s.sortKey())) {
				return " order by du.unit_code" + dir + ", du.dossier_code" + dir;
			}
		}
		return " order by " + SORT_COLUMNS.get(s.sortKey()) + dir + ", d.code" + dir;
	}

	static Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(ZONE).toInstant());
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}

	private static Date date(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : new Date(t.getTime());
	}

	static DossierRow map(ResultSet rs, int row) throws SQLException {
		return new DossierRow(rs.getString("code"), rs.getString("procedure_key"), rs.getString("procedure_name"),
				rs.getString("receiving_unit"), rs.getString("received_by"), rs.getString("applicant_name"),
				rs.getString("applicant_phone"), rs.getString("applicant_address"), rs.getString("channel"),
				rs.getBigDecimal("legal_working_days"), date(rs, "received_at"), date(rs, "original_due"),
				date(rs, "due_at"), rs.getString("status"), date(rs, "finished_at"), rs.getString("timeliness"),
				rs.getString("refusal_reason"), rs.getString("process_instance_id"), rs.getInt("step_overdue") == 1);
	}

}
