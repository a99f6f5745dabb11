package vn.motcua.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the per-day counters of {@code report_daily} in step with {@code dossier} and
 * {@code handoff}. {@link #sync(String)} runs in the transaction that changed the dossier: it
 * compares the dossier and its handoffs with what the counters hold ({@code report_dossier},
 * {@code report_handoff}) and applies the difference, so a report never waits for a batch.
 * {@link #rebuild()} recomputes everything (after a bulk load or a repair).
 */
@Component
public class ReportCounters {

	private static final Logger log = LoggerFactory.getLogger(ReportCounters.class);

	/** Columns of {@code report_daily}, in the order of the delta arrays. */
	static final String[] COLUMNS = { "received_online", "received_in_person", "received_postal", "resolved_early",
			"resolved_on_time", "resolved_late", "refused", "overdue_started", "overdue_ended", "handoffs_finished",
			"handoffs_late", "came_due", "stopped" };

	static final int RECEIVED_ONLINE = 0;

	static final int RECEIVED_IN_PERSON = 1;

	static final int RECEIVED_POSTAL = 2;

	static final int EARLY = 3;

	static final int ON_TIME = 4;

	static final int LATE = 5;

	static final int REFUSED = 6;

	static final int OVERDUE_STARTED = 7;

	static final int OVERDUE_ENDED = 8;

	static final int HANDOFFS = 9;

	static final int HANDOFFS_LATE = 10;

	/** +1 on the legal due day of every dossier that is not refused or stopped. */
	static final int CAME_DUE = 11;

	/** Stopped at the applicant's request (form 05): finished, neither resolved nor refused. */
	static final int STOPPED = 12;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	ReportCounters(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Inserts a row that a concurrent transaction may create first. The insert runs under a
	 * savepoint: on PostgreSQL a failed statement aborts the whole transaction unless it is
	 * rolled back to a savepoint. Returns false when the row already existed.
	 */
	private boolean insertIfAbsent(String sql, Object... args) {
		try {
			this.savepoint.executeWithoutResult(status -> this.jdbc.update(sql, args));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** The state of a dossier the counters depend on. */
	record DossierState(String code, String unit, String procedure, String channel, Timestamp receivedAt,
			Timestamp legalDue, Timestamp finishedAt, String status, String timeliness) {

		static DossierState map(ResultSet rs, int row) throws SQLException {
			return new DossierState(rs.getString("code"), rs.getString("receiving_unit"), rs.getString("procedure_key"),
					rs.getString("channel"), rs.getTimestamp("received_at"), rs.getTimestamp("legal_due"),
					rs.getTimestamp("finished_at"), rs.getString("status"), rs.getString("timeliness"));
		}

		void contribute(Map<Key, int[]> into, int sign) {
			add(into, new Key(Period.day(this.receivedAt), this.unit, this.procedure), channelColumn(this.channel), sign);
			LocalDate due = Period.day(this.legalDue);
			LocalDate finished = Period.day(this.finishedAt);
			if (!"REFUSED".equals(this.status) && !"STOPPED".equals(this.status)) {
				add(into, new Key(due, this.unit, this.procedure), CAME_DUE, sign);
			}
			if (finished != null) {
				add(into, new Key(finished, this.unit, this.procedure), outcomeColumn(this.status, this.timeliness),
						sign);
			}
			if (finished == null || due.isBefore(finished)) {
				add(into, new Key(due, this.unit, this.procedure), OVERDUE_STARTED, sign);
				if (finished != null) {
					add(into, new Key(finished, this.unit, this.procedure), OVERDUE_ENDED, sign);
				}
			}
		}

	}

	/** The state of a handoff the counters depend on. */
	record HandoffState(long id, String dossierCode, String toUnit, String procedure, Timestamp finishedAt,
			String outcome) {

		static HandoffState map(ResultSet rs, int row) throws SQLException {
			return new HandoffState(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("to_unit"),
					rs.getString("procedure_key"), rs.getTimestamp("finished_at"), rs.getString("outcome"));
		}

		void contribute(Map<Key, int[]> into, int sign) {
			if (this.finishedAt == null) {
				return;
			}
			Key key = new Key(Period.day(this.finishedAt), this.toUnit, this.procedure);
			add(into, key, HANDOFFS, sign);
			if ("LATE".equals(this.outcome)) {
				add(into, key, HANDOFFS_LATE, sign);
			}
		}

	}

	record Key(LocalDate day, String unit, String procedure) {

		Key month() {
			return new Key(this.day.withDayOfMonth(1), this.unit, this.procedure);
		}

	}

	static int channelColumn(String channel) {
		if ("online".equals(channel)) {
			return RECEIVED_ONLINE;
		}
		return "postal".equals(channel) ? RECEIVED_POSTAL : RECEIVED_IN_PERSON;
	}

	static int outcomeColumn(String status, String timeliness) {
		if ("REFUSED".equals(status)) {
			return REFUSED;
		}
		if ("STOPPED".equals(status)) {
			return STOPPED;
		}
		if ("EARLY".equals(timeliness)) {
			return EARLY;
		}
		return "ON_TIME".equals(timeliness) ? ON_TIME : LATE;
	}

	private static void add(Map<Key, int[]> into, Key key, int column, int sign) {
		into.computeIfAbsent(key, k -> new int[COLUMNS.length])[column] += sign;
	}

	/** Brings the counters of one dossier and its handoffs up to date, in the caller's transaction. */
	@Transactional
	public void sync(String code) {
		List<DossierState> now = this.jdbc.query("""
				select code, receiving_unit, procedure_key, channel, received_at, legal_due, finished_at, status, timeliness
				from dossier where code = ?""", DossierState::map, code);
		List<DossierState> before = this.jdbc.query("select * from report_dossier where code = ?", DossierState::map,
				code);
		Map<Key, int[]> delta = new TreeMap<>(KEY_ORDER);
		before.forEach(d -> d.contribute(delta, -1));
		now.forEach(d -> d.contribute(delta, +1));
		List<HandoffState> handoffsNow = this.jdbc.query("""
				select h.id, h.dossier_code, h.to_unit, d.procedure_key, h.finished_at, h.outcome
				from handoff h join dossier d on d.code = h.dossier_code where h.dossier_code = ?""", HandoffState::map,
				code);
		List<HandoffState> handoffsBefore = this.jdbc.query("select * from report_handoff where dossier_code = ?",
				HandoffState::map, code);
		handoffsBefore.forEach(h -> h.contribute(delta, -1));
		handoffsNow.forEach(h -> h.contribute(delta, +1));
		apply(delta);
		if (!before.equals(now)) {
			this.jdbc.update("delete from report_dossier where code = ?", code);
			now.forEach(this::insertState);
			now.forEach(this::rememberProcedure);
		}
		syncOfficials(code, handoffsNow);
		if (!handoffsBefore.equals(handoffsNow)) {
			this.jdbc.update("delete from report_handoff where dossier_code = ?", code);
			handoffsNow.forEach(h -> this.jdbc.update("""
					insert into report_handoff (id, dossier_code, to_unit, procedure_key, finished_at, outcome)
					values (?, ?, ?, ?, ?, ?)""", h.id(), h.dossierCode(), h.toUnit(), h.procedure(), h.finishedAt(),
					h.outcome()));
		}
	}

	/** One time an official caused a late step. */
	record Blame(long handoffId, String official, int year, String dossierCode, String unit, String procedure) {

		static Blame map(ResultSet rs, int row) throws SQLException {
			return new Blame(rs.getLong("handoff_id"), rs.getString("official"), rs.getInt("report_year"),
					rs.getString("dossier_code"), rs.getString("unit_code"), rs.getString("procedure_key"));
		}

		List<Object> yearKey() {
			return List.of(this.year, this.official, this.unit, this.procedure);
		}

	}

	/** Late steps finished by an official, and breaches recorded against one, of a dossier. */
	private java.util.Set<Blame> blames(String code, List<HandoffState> handoffs) {
		java.util.Set<Blame> blames = new java.util.HashSet<>();
		Map<Long, HandoffState> byId = new HashMap<>();
		handoffs.forEach(h -> byId.put(h.id(), h));
		this.jdbc.query("select id, finished_by from handoff where dossier_code = ? and outcome = 'LATE'", rs -> {
			HandoffState h = byId.get(rs.getLong(1));
			if (h != null && rs.getString(2) != null && h.finishedAt() != null) {
				blames.add(new Blame(h.id(), rs.getString(2), Period.day(h.finishedAt()).getYear(), code, h.toUnit(),
						h.procedure()));
			}
		}, code);
		this.jdbc.query("select handoff_id, official_user_id, breached_at from deadline_breach where dossier_code = ?",
				rs -> {
					HandoffState h = byId.get(rs.getLong(1));
					if (h != null && rs.getString(2) != null) {
						blames.add(new Blame(h.id(), rs.getString(2), Period.day(rs.getTimestamp(3)).getYear(), code,
								h.toUnit(), h.procedure()));
					}
				}, code);
		return blames;
	}

	private void syncOfficials(String code, List<HandoffState> handoffs) {
		java.util.Set<Blame> now = blames(code, handoffs);
		java.util.Set<Blame> before = new java.util.HashSet<>(
				this.jdbc.query("select * from report_official where dossier_code = ?", Blame::map, code));
		if (now.equals(before)) {
			return;
		}
		Map<List<Object>, Integer> delta = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
		before.forEach(b -> delta.merge(b.yearKey(), -1, Integer::sum));
		now.forEach(b -> delta.merge(b.yearKey(), 1, Integer::sum));
		String update = """
				update report_official_year set times = times + ?
				where report_year = ? and official = ? and unit_code = ? and procedure_key = ?""";
		delta.forEach((key, change) -> {
			if (change == 0) {
				return;
			}
			Object[] args = { change, key.get(0), key.get(1), key.get(2), key.get(3) };
			if (this.jdbc.update(update, args) == 0) {
				if (!insertIfAbsent("""
						insert into report_official_year (report_year, official, unit_code, procedure_key, times)
						values (?, ?, ?, ?, ?)""", key.get(0), key.get(1), key.get(2), key.get(3), change)) {
					this.jdbc.update(update, args);
				}
			}
		});
		this.jdbc.update("delete from report_official where dossier_code = ?", code);
		now.forEach(this::insertBlame);
	}

	private void insertBlame(Blame b) {
		this.jdbc.update("""
				insert into report_official (handoff_id, official, report_year, dossier_code, unit_code, procedure_key)
				values (?, ?, ?, ?, ?, ?)""", b.handoffId(), b.official(), b.year(), b.dossierCode(), b.unit(),
				b.procedure());
	}


	private static final java.util.Comparator<Key> KEY_ORDER = java.util.Comparator.comparing(Key::day)
		.thenComparing(Key::unit)
		.thenComparing(Key::procedure);

	private void insertState(DossierState d) {
		this.jdbc.update("""
				insert into report_dossier (code, receiving_unit, procedure_key, channel, received_at, legal_due,
				  finished_at, status, timeliness)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", d.code(), d.unit(), d.procedure(), d.channel(), d.receivedAt(),
				d.legalDue(), d.finishedAt(), d.status(), d.timeliness());
	}

	private void rememberProcedure(DossierState d) {
		Integer known = this.jdbc.queryForObject("select count(*) from report_procedure where procedure_key = ?",
				Integer.class, d.procedure());
		if (known == null || known == 0) {
			insertIfAbsent("""
					insert into report_procedure (procedure_key, procedure_name)
					select procedure_key, procedure_name from dossier where code = ?""", d.code());
		}
	}

	/** Adds the deltas to the daily rows, then to the monthly rows, in key order (a stable lock order). */
	private void apply(Map<Key, int[]> delta) {
		apply("report_daily", delta);
		Map<Key, int[]> monthly = new TreeMap<>(KEY_ORDER);
		delta.forEach((key, values) -> {
			int[] into = monthly.computeIfAbsent(key.month(), k -> new int[COLUMNS.length]);
			for (int i = 0; i < values.length; i++) {
				into[i] += values[i];
			}
		});
		apply("report_monthly", monthly);
	}

	private void apply(String table, Map<Key, int[]> delta) {
		StringBuilder set = new StringBuilder();
		for (String column : COLUMNS) {
			set.append(set.isEmpty() ? "" : ", ").append(column).append(" = ").append(column).append(" + ?");
		}
		String update = "update " + table + " set " + set
				+ " where report_day = ? and unit_code = ? and procedure_key = ?";
		String insert = "insert into " + table + " (report_day, unit_code, procedure_key, " + String.join(", ", COLUMNS)
				+ ") values (?, ?, ?" + ", ?".repeat(COLUMNS.length) + ")";
		for (Map.Entry<Key, int[]> entry : delta.entrySet()) {
			int[] values = entry.getValue();
			if (java.util.Arrays.stream(values).allMatch(v -> v == 0)) {
				continue;
			}
			Key key = entry.getKey();
			List<Object> args = new ArrayList<>();
			for (int v : values) {
				args.add(v);
			}
			args.add(key.day());
			args.add(key.unit());
			args.add(key.procedure());
			if (this.jdbc.update(update, args.toArray()) == 0) {
				List<Object> row = new ArrayList<>(List.of(key.day(), key.unit(), key.procedure()));
				row.addAll(args.subList(0, values.length));
				if (!insertIfAbsent(insert, row.toArray())) {
					this.jdbc.update(update, args.toArray());
				}
			}
		}
	}

	/**
	 * Recomputes all counters from {@code dossier} and {@code handoff}. Streams the rows once;
	 * memory grows with the number of (day, unit, procedure) keys, not with the dossiers.
	 */
	@Transactional
	public void rebuild() {
		long started = System.nanoTime();
		this.jdbc.update("delete from report_daily");
		this.jdbc.update("delete from report_monthly");
		this.jdbc.update("delete from report_handoff");
		this.jdbc.update("delete from report_dossier");
		this.jdbc.update("delete from report_procedure");
		this.jdbc.update("delete from report_official");
		this.jdbc.update("delete from report_official_year");
		this.jdbc.update("""
				insert into report_dossier (code, receiving_unit, procedure_key, channel, received_at, legal_due,
				  finished_at, status, timeliness)
				select code, receiving_unit, procedure_key, channel, received_at, legal_due, finished_at, status, timeliness
				from dossier""");
		this.jdbc.update("""
				insert into report_handoff (id, dossier_code, to_unit, procedure_key, finished_at, outcome)
				select h.id, h.dossier_code, h.to_unit, d.procedure_key, h.finished_at, h.outcome
				from handoff h join dossier d on d.code = h.dossier_code""");
		this.jdbc.update("""
				insert into report_procedure (procedure_key, procedure_name)
				select procedure_key, max(procedure_name) from dossier group by procedure_key""");
		Map<Key, int[]> counters = new HashMap<>();
		JdbcTemplate streaming = new JdbcTemplate(Objects.requireNonNull(this.jdbc.getDataSource()));
		streaming.setFetchSize(10_000);
		streaming.query("select * from report_dossier", rs -> {
			DossierState.map(rs, 0).contribute(counters, +1);
		});
		streaming.query("select * from report_handoff", rs -> {
			HandoffState.map(rs, 0).contribute(counters, +1);
		});
		java.util.Set<Blame> blames = new java.util.HashSet<>();
		streaming.query("""
				select h.id as handoff_id, h.finished_by as official, h.finished_at as at, h.dossier_code, h.to_unit,
				  d.procedure_key
				from handoff h join dossier d on d.code = h.dossier_code
				where h.outcome = 'LATE' and h.finished_by is not null
				union all
				select b.handoff_id, b.official_user_id, b.breached_at, h.dossier_code, h.to_unit, d.procedure_key
				from deadline_breach b join handoff h on h.id = b.handoff_id join dossier d on d.code = h.dossier_code
				where b.official_user_id is not null""", rs -> {
			blames.add(new Blame(rs.getLong(1), rs.getString(2), Period.day(rs.getTimestamp(3)).getYear(),
					rs.getString(4), rs.getString(5), rs.getString(6)));
		});
		Map<List<Object>, Integer> times = new HashMap<>();
		blames.forEach(b -> times.merge(b.yearKey(), 1, Integer::sum));
		List<Object[]> rows = new ArrayList<>();
		blames.forEach(b -> rows.add(new Object[] { b.handoffId(), b.official(), b.year(), b.dossierCode(), b.unit(),
				b.procedure() }));
		this.jdbc.batchUpdate("""
				insert into report_official (handoff_id, official, report_year, dossier_code, unit_code, procedure_key)
				values (?, ?, ?, ?, ?, ?)""", rows);
		rows.clear();
		times.forEach((k, n) -> rows.add(new Object[] { k.get(0), k.get(1), k.get(2), k.get(3), n }));
		this.jdbc.batchUpdate("""
				insert into report_official_year (report_year, official, unit_code, procedure_key, times)
				values (?, ?, ?, ?, ?)""", rows);
		Map<Key, int[]> monthly = new HashMap<>();
		counters.forEach((key, values) -> {
			int[] into = monthly.computeIfAbsent(key.month(), k -> new int[COLUMNS.length]);
			for (int i = 0; i < values.length; i++) {
				into[i] += values[i];
			}
		});
		insertAll("report_daily", counters);
		insertAll("report_monthly", monthly);
		log.info("Report counters rebuilt: {} day rows in {} ms", counters.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private void insertAll(String table, Map<Key, int[]> counters) {
		String insert = "insert into " + table + " (report_day, unit_code, procedure_key, " + String.join(", ", COLUMNS)
				+ ") values (?, ?, ?" + ", ?".repeat(COLUMNS.length) + ")";
		List<Object[]> batch = new ArrayList<>();
		for (Map.Entry<Key, int[]> entry : counters.entrySet()) {
			Object[] row = new Object[3 + COLUMNS.length];
			row[0] = entry.getKey().day();
			row[1] = entry.getKey().unit();
			row[2] = entry.getKey().procedure();
			for (int i = 0; i < COLUMNS.length; i++) {
				row[3 + i] = entry.getValue()[i];
			}
			batch.add(row);
			if (batch.size() == 5_000) {
				this.jdbc.batchUpdate(insert, batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			this.jdbc.batchUpdate(insert, batch);
		}
	}

	/** Whether every dossier is counted (cheap check at startup). */
	boolean missesDossiers() {
		Long dossiers = this.jdbc.queryForObject("select count(*) from dossier", Long.class);
		Long counted = this.jdbc.queryForObject("select count(*) from report_dossier", Long.class);
		return !Objects.equals(dossiers, counted);
	}

}
