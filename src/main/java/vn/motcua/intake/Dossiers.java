package vn.motcua.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code dossier}: created at intake, updated by the steps, the clocks and the apology. */
@Repository
public class Dossiers {

	private static final String SEPARATOR = "\n";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Dossiers(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	private void changed(String code) {
		this.events.publishEvent(new DossierChanged(code));
	}

	void insert(Dossier d) {
		this.jdbc.sql("""
				insert into dossier (code, process_instance_id, procedure_key, procedure_name, procedure_version,
				  receiving_unit, received_by, applicant_name, applicant_id_number, applicant_phone, applicant_email,
				  applicant_address, channel, documents, legal_working_days, received_at, original_due, legal_due, due_at,
				  status, procedure_code)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.code(), d.processInstanceId(), d.procedureKey(), d.procedureName(), d.procedureVersion(),
					d.receivingUnit(), d.receivedBy(), d.applicantName(), d.applicantIdNumber(), d.applicantPhone(),
					d.applicantEmail(), d.applicantAddress(), d.channel(), String.join(SEPARATOR, d.documents()),
					d.legalWorkingDays(), ts(d.receivedAt()), ts(d.originalDue()), ts(d.legalDue()), ts(d.due()),
					d.status().name(), d.procedureCode())
			.update();
		changed(d.code());
	}

	public Optional<Dossier> find(String code) {
		return this.jdbc.sql("select * from dossier where code = ?").param(code).query(Dossiers::map).optional();
	}

	public Optional<Dossier> findByProcessInstance(String processInstanceId) {
		return this.jdbc.sql("select * from dossier where process_instance_id = ?")
			.param(processInstanceId)
			.query(Dossiers::map)
			.optional();
	}

	/**
	 * Dossiers received by {@code unit} in {@code [from, to)}, newest first, at most {@code limit};
	 * {@code text} (optional) must occur in the code or the applicant's name, ignoring case.
	 */
	List<Dossier> receivedBy(String unit, Date from, Date to, String text, int limit) {
		String sql = "select * from dossier where receiving_unit = :unit and received_at >= :from and received_at < :to";
		var params = new java.util.HashMap<String, Object>();
		params.put("unit", unit);
		params.put("from", ts(from));
		params.put("to", ts(to));
		if (text != null && !text.isBlank()) {
			sql += " and (lower(code) like :text escape '\\' or lower(applicant_name) like :text escape '\\')";
			String escaped = text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_");
			params.put("text", "%" + escaped + "%");
		}
		return this.jdbc.sql(sql + " order by received_at desc, code desc limit " + limit)
			.params(params)
			.query(Dossiers::map)
			.list();
	}

	public Dossier get(String code) {
		return find(code).orElseThrow(() -> new UnknownDossierException(code));
	}

	public long count() {
		return this.jdbc.sql("select count(*) from dossier").query(Long.class).single();
	}

	/** Moves the appointment in force; {@code legal} also moves the legal due (clock restarted). */
	public void reschedule(String code, Date due, boolean legal) {
		this.jdbc.sql("update dossier set due_at = ?" + (legal ? ", legal_due = ?" : "") + " where code = ?")
			.params(legal ? List.of(ts(due), ts(due), code) : List.of(ts(due), code))
			.update();
		changed(code);
	}

	public void pauseClock(String code, Date pausedAt, Duration officeTimeLeft) {
		this.jdbc.sql("update dossier set paused_at = ?, office_time_left_ms = ?, status = ? where code = ?")
			.params(ts(pausedAt), officeTimeLeft.toMillis(), DossierStatus.WAITING_CITIZEN.name(), code)
			.update();
		changed(code);
	}

	/** Restarts the clock: the appointment in force and the legal due move. */
	public void resumeClock(String code, Date due, Date legalDue) {
		this.jdbc.sql("""
				update dossier set paused_at = null, office_time_left_ms = null, status = ?, due_at = ?, legal_due = ?
				where code = ?""").params(DossierStatus.IN_PROGRESS.name(), ts(due), ts(legalDue), code).update();
		changed(code);
	}

	public void refuse(String code, String reason, Date at) {
		this.jdbc.sql("update dossier set status = ?, refusal_reason = ?, finished_at = ? where code = ?")
			.params(DossierStatus.REFUSED.name(), reason, ts(at), code)
			.update();
		changed(code);
	}

	/**
	 * One of several procedures of the dossier was refused (form 03) while the others go on: the
	 * reason is kept (added to an earlier one) for the desk to hand over with the results; the
	 * dossier stays open.
	 */
	public void refusePart(String code, String reason) {
		String earlier = get(code).refusalReason();
		this.jdbc.sql("update dossier set refusal_reason = ? where code = ?")
			.params(earlier == null || earlier.isBlank() ? reason : earlier + SEPARATOR + reason, code)
			.update();
	}

	/**
	 * Stopped at the applicant's request (form 05): finished without a result, the clock stopped for
	 * good. Only a dossier in progress or waiting for the citizen is stopped.
	 * @return whether the dossier was stopped (false: it had finished meanwhile)
	 */
	public boolean stop(String code, Date at) {
		int updated = this.jdbc.sql("""
				update dossier set status = ?, finished_at = ?, paused_at = null, office_time_left_ms = null
				where code = ? and status in (?, ?)""")
			.params(DossierStatus.STOPPED.name(), ts(at), code, DossierStatus.IN_PROGRESS.name(),
					DossierStatus.WAITING_CITIZEN.name())
			.update();
		changed(code);
		return updated == 1;
	}

	public void close(String code, Date at, Timeliness timeliness) {
		this.jdbc.sql("update dossier set status = ?, finished_at = ?, timeliness = ? where code = ?")
			.params(DossierStatus.RETURNED.name(), ts(at), timeliness.name(), code)
			.update();
		changed(code);
	}

	static Timestamp ts(Date date) {
		return date == null ? null : new Timestamp(date.getTime());
	}

	private static Date date(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : new Date(t.getTime());
	}

	private static Dossier map(ResultSet rs, int row) throws SQLException {
		String documents = rs.getString("documents");
		long left = rs.getLong("office_time_left_ms");
		boolean leftNull = rs.wasNull();
		String timeliness = rs.getString("timeliness");
		return new Dossier(rs.getString("code"), rs.getString("process_instance_id"), rs.getString("procedure_key"),
				rs.getString("procedure_name"), rs.getInt("procedure_version"), rs.getString("receiving_unit"),
				rs.getString("received_by"), rs.getString("applicant_name"), rs.getString("applicant_id_number"),
				rs.getString("applicant_phone"), rs.getString("applicant_email"), rs.getString("applicant_address"),
				rs.getString("channel"),
				documents == null || documents.isEmpty() ? List.of() : Arrays.asList(documents.split(SEPARATOR)),
				rs.getBigDecimal("legal_working_days"), date(rs, "received_at"), date(rs, "original_due"),
				date(rs, "legal_due"), date(rs, "due_at"), DossierStatus.valueOf(rs.getString("status")),
				date(rs, "finished_at"), timeliness == null ? null : Timeliness.valueOf(timeliness),
				rs.getString("refusal_reason"), date(rs, "paused_at"), leftNull ? null : Duration.ofMillis(left),
				rs.getString("procedure_code"));
	}

}
