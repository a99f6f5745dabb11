package vn.motcua.procedure;

import java.sql.Timestamp;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.notification.NotificationEvent;
import vn.motcua.notification.Notifications;

/**
 * {@code ${stopDossierDelegate}} after the stop boundary of a procedure model (message
 * {@value ProcedureElements#STOP_MESSAGE}): the handling was interrupted, so its tasks, steps and
 * timers are gone; the open pauses of the clock are closed, the dossier becomes STOPPED and the
 * citizen is told (notification STOPPED, in the same transaction). Refused
 * unless {@link DossierStops} recorded the applicant's request first (a message correlated any other
 * way stops nothing).
 */
@Component("stopDossierDelegate")
class StopDossierDelegate implements JavaDelegate {

	private final DossierIdentity identity;

	private final DossierStops stops;

	private final Dossiers dossiers;

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	private final Notifications notifications;

	StopDossierDelegate(DossierIdentity identity, DossierStops stops, Dossiers dossiers, JdbcClient jdbc,
			@Qualifier("reportClock") java.time.Clock reportClock, Notifications notifications) {
		this.notifications = notifications;
		this.identity = identity;
		this.stops = stops;
		this.dossiers = dossiers;
		this.jdbc = jdbc;
		this.clock = reportClock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Dossier dossier = this.identity.dossier(execution);
		DossierStop stop = this.stops.find(dossier.code())
			.orElseThrow(() -> new StopRefused(HttpStatus.FORBIDDEN, null, "paths.stop.notRecorded", dossier.code()));
		Date now = Date.from(this.clock.instant());
		this.jdbc.sql("update dossier_pause set resumed_at = ? where dossier_code = ? and resumed_at is null")
			.params(new Timestamp(now.getTime()), dossier.code())
			.update();
		if (!this.dossiers.stop(dossier.code(), now)) {
			throw new StopRefused(HttpStatus.CONFLICT, null, "paths.stop.finished." + dossier.status().name(),
					dossier.code());
		}
		execution.setVariable(DossierVariables.STOP_REASON, stop.reason());
		execution.setVariable(DossierVariables.STOP_REQUESTED_ON, stop.requestedOn().toString());
		this.notifications.enqueue(dossier.code(), NotificationEvent.STOPPED, java.util.Map.of(Notifications.REASON, stop.reason()));
	}

}
