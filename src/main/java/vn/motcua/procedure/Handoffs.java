package vn.motcua.procedure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The table {@code handoff} (control sheet, form 05). */
@Repository
public class Handoffs {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Handoffs(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	long insert(String dossierCode, String stepInstanceId, String stepElement, String stepName, String function,
			String fromUnit, String toUnit, Date at, Date due, double allotted) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into handoff (dossier_code, step_instance_id, step_element, step_name, function_code, from_unit,
				  to_unit, sent_at, received_at, due_at, allotted_days)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(dossierCode, stepInstanceId, stepElement, stepName, function, fromUnit, toUnit, ts(at), ts(at),
					ts(due), BigDecimal.valueOf(allotted))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		this.events.publishEvent(new HandoffChanged(id));
		return id;
	}

	public Handoff get(long id) {
		return this.jdbc.sql("select * from handoff where id = ?").param(id).query(Handoffs::map).single();
	}

	/** The handoff of a step instance (one per instance of {@code agency-step}). */
	public Optional<Handoff> ofStep(String stepInstanceId) {
		return this.jdbc.sql("select * from handoff where step_instance_id = ? order by id desc")
			.param(stepInstanceId)
			.query(Handoffs::map)
			.list()
			.stream()
			.findFirst();
	}

	public List<Handoff> ofDossier(String dossierCode) {
		return this.jdbc.sql("select * from handoff where dossier_code = ? order by received_at, id")
			.param(dossierCode)
			.query(Handoffs::map)
			.list();
	}

	/**
	 * The running steps (open, clock not stopped) of these units due before {@code horizon}, the
	 * most overdue first: what supervisors watch (index {@code ix_handoff_open_due}, V86).
	 */
	public List<Handoff> openDueBefore(java.util.Collection<String> units, Date horizon) {
		if (units.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select * from handoff where finished_at is null and due_at < :horizon and paused_at is null
				  and to_unit in (:units) order by due_at, id""")
			.param("horizon", ts(horizon))
			.param("units", List.copyOf(units))
			.query(Handoffs::map)
			.list();
	}

	void remind(long id, Date at) {
		this.jdbc.sql("update handoff set reminded_at = ? where id = ?").params(ts(at), id).update();
	}

	void finish(long id, Date at, String by, double workingDaysUsed, String outcome, String stepOutcome) {
		this.jdbc.sql("""
				update handoff set finished_at = ?, finished_by = ?, working_days_used = ?, outcome = ?, step_outcome = ?
				where id = ?""")
			.params(ts(at), by, BigDecimal.valueOf(workingDaysUsed).setScale(2, RoundingMode.HALF_UP), outcome,
					stepOutcome, id)
			.update();
		this.events.publishEvent(new HandoffChanged(id));
	}

	void pause(long id, Date at, Duration stepTimeLeft) {
		this.jdbc.sql("update handoff set paused_at = ?, step_time_left_ms = ? where id = ?")
			.params(ts(at), stepTimeLeft.toMillis(), id)
			.update();
	}

	void resume(long id, Date due, Duration paused, double pausedDays) {
		this.jdbc.sql("""
				update handoff set paused_at = null, step_time_left_ms = null, due_at = ?,
				  paused_office_ms = paused_office_ms + ?, paused_working_days = paused_working_days + ?
				where id = ?""")
			.params(ts(due), paused.toMillis(), BigDecimal.valueOf(pausedDays).setScale(2, RoundingMode.HALF_UP), id)
			.update();
	}

	private static Timestamp ts(Date date) {
		return date == null ? null : new Timestamp(date.getTime());
	}

	private static Date date(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : new Date(t.getTime());
	}

	private static Handoff map(ResultSet rs, int row) throws SQLException {
		long left = rs.getLong("step_time_left_ms");
		Duration stepLeft = rs.wasNull() ? null : Duration.ofMillis(left);
		return new Handoff(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("step_instance_id"),
				rs.getString("step_element"), rs.getString("step_name"), rs.getString("function_code"),
				rs.getString("from_unit"), rs.getString("to_unit"), date(rs, "sent_at"), date(rs, "received_at"),
				date(rs, "due_at"), rs.getBigDecimal("allotted_days"), date(rs, "reminded_at"), date(rs, "finished_at"),
				rs.getString("finished_by"), rs.getBigDecimal("working_days_used"), rs.getString("outcome"),
				rs.getString("step_outcome"), date(rs, "paused_at"), stepLeft,
				Duration.ofMillis(rs.getLong("paused_office_ms")), rs.getBigDecimal("paused_working_days"));
	}

}
