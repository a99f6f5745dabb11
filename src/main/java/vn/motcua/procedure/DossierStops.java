package vn.motcua.procedure;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.PlainText;
import vn.motcua.intake.Timeliness;

/**
 * Stopping a dossier at the applicant's request (form 05, "Thông báo dừng giải quyết hồ sơ"): the one
 * way in, whatever the path (Motcua's API, {@code POST /engine-rest/message} through the engine gate).
 * Only an official of the dossier's receiving unit stops it, only while it is being handled (not
 * returned, refused or stopped), with the day of the applicant's request and its reason. The request
 * is recorded ({@code dossier_stop}, one per dossier), then the message
 * {@value ProcedureElements#STOP_MESSAGE} interrupts the handling of the dossier in its model: every
 * open task, step and timer ends, and {@code stopDossierDelegate} finishes the dossier.
 */
@Service
public class DossierStops {

	private static final Logger log = LoggerFactory.getLogger(DossierStops.class);

	/** The reason is printed on form 05; its column holds 4,000 characters. */
	static final int MAX_REASON = 2000;

	private final Dossiers dossiers;

	private final JdbcClient jdbc;

	private final RuntimeService runtime;

	private final java.time.Clock clock;

	DossierStops(Dossiers dossiers, JdbcClient jdbc, RuntimeService runtime,
			@Qualifier("reportClock") java.time.Clock reportClock) {
		this.clock = reportClock;
		this.dossiers = dossiers;
		this.jdbc = jdbc;
		this.runtime = runtime;
	}

	/**
	 * Stops the dossier.
	 * @param requestedOn the day the applicant asked (ISO date), not in the future, not before the receipt
	 * @param reason the applicant's reason, required
	 * @param official the authenticated official
	 * @param groups the official's groups (the receiving unit's officers or supervisors may stop)
	 */
	@Transactional
	public DossierStop stop(String code, String requestedOn, String reason, String official, Collection<String> groups) {
		Dossier dossier = this.dossiers.get(code);
		String unit = dossier.receivingUnit();
		if (official == null || groups == null
				|| !(groups.contains(unit + "-officers") || groups.contains(unit + "-supervisors"))) {
			throw new StopRefused(HttpStatus.FORBIDDEN, null, "paths.stop.unit", code);
		}
		if (dossier.status() != DossierStatus.IN_PROGRESS && dossier.status() != DossierStatus.WAITING_CITIZEN) {
			throw finished(dossier);
		}
		java.util.Date now = java.util.Date.from(this.clock.instant());
		LocalDate day = day(requestedOn, dossier, now);
		if (reason == null || PlainText.looksEmpty(reason)) {
			throw new StopRefused(HttpStatus.BAD_REQUEST, "reason", "paths.stop.reason.missing");
		}
		String problem = PlainText.problem(reason, true, MAX_REASON);
		if (problem != null) {
			throw new StopRefused(HttpStatus.BAD_REQUEST, "reason", problem, "reason", String.valueOf(MAX_REASON));
		}
		try {
			this.jdbc.sql("""
					insert into dossier_stop (dossier_code, requested_on, reason, receiving_unit, stopped_by, stopped_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(code, Date.valueOf(day), reason.strip(), unit, official, new Timestamp(now.getTime()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new StopRefused(HttpStatus.CONFLICT, null, "paths.stop.already", code);
		}
		try {
			this.runtime.createMessageCorrelation(ProcedureElements.STOP_MESSAGE)
				.processInstanceId(dossier.processInstanceId())
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException ex) {
			// the handling ended meanwhile (result returned, refused) or the model has no stop path
			throw finished(this.dossiers.get(code));
		}
		log.info("Dossier {} stopped at the applicant's request of {} by {}", code, day, official);
		return find(code).orElseThrow();
	}

	private static StopRefused finished(Dossier dossier) {
		return new StopRefused(HttpStatus.CONFLICT, null, "paths.stop.finished." + dossier.status().name(),
				dossier.code());
	}

	private static LocalDate day(String requestedOn, Dossier dossier, java.util.Date now) {
		if (requestedOn == null || requestedOn.isBlank()) {
			throw new StopRefused(HttpStatus.BAD_REQUEST, "requestedOn", "paths.stop.requestedOn.missing");
		}
		LocalDate day;
		try {
			day = LocalDate.parse(requestedOn.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new StopRefused(HttpStatus.BAD_REQUEST, "requestedOn", "paths.stop.requestedOn.invalid",
					shorten(requestedOn));
		}
		LocalDate today = now.toInstant().atZone(Timeliness.ZONE).toLocalDate();
		LocalDate received = dossier.receivedAt().toInstant().atZone(Timeliness.ZONE).toLocalDate();
		if (day.isAfter(today) || day.isBefore(received)) {
			throw new StopRefused(HttpStatus.BAD_REQUEST, "requestedOn", "paths.stop.requestedOn.range",
					received.toString(), today.toString());
		}
		return day;
	}

	private static String shorten(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	/** The recorded stop of a dossier, if it was stopped. */
	public Optional<DossierStop> find(String code) {
		return this.jdbc.sql("select * from dossier_stop where dossier_code = ?")
			.param(code)
			.query((rs, row) -> new DossierStop(rs.getString("dossier_code"), rs.getDate("requested_on").toLocalDate(),
					rs.getString("reason"), rs.getString("receiving_unit"), rs.getString("stopped_by"),
					new java.util.Date(rs.getTimestamp("stopped_at").getTime())))
			.optional();
	}

}
