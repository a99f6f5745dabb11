package vn.motcua.procedure;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;
import vn.motcua.notification.NotificationEvent;
import vn.motcua.notification.Notifications;

/**
 * {@code ${refuseDossierDelegate}} on the refusal path of a procedure model (after the error
 * boundary {@code DOSSIER_REFUSED}): the dossier is refused (form 03) with the reasons its steps
 * recorded, and finished. The model decides when a refusal ends the dossier; this delegate does not
 * look at the model.
 */
@Component("refuseDossierDelegate")
class RefuseDossierDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RefuseDossierDelegate.class);

	private final Dossiers dossiers;

	private final DossierIdentity identity;

	private final Handoffs handoffs;

	private final LegalCalendar calendar;

	private final Notifications notifications;

	RefuseDossierDelegate(Dossiers dossiers, DossierIdentity identity, Handoffs handoffs, LegalCalendar legalCalendar,
			Notifications notifications) {
		this.notifications = notifications;
		this.dossiers = dossiers;
		this.identity = identity;
		this.handoffs = handoffs;
		this.calendar = legalCalendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Dossier dossier = this.identity.dossier(execution);
		String reason = dossier.refusalReason();
		if (reason == null || reason.isBlank()) {
			reason = StepVariables.required(execution, DossierVariables.REFUSAL_REASON);
		}
		Date now = ClockUtil.getCurrentTime();
		// a step version deployed before the refusal path was explicit calls this bean itself
		this.handoffs.ofStep(execution.getProcessInstanceId())
			.filter(Handoff::open)
			.ifPresent(h -> this.handoffs.finish(h.id(), now,
					StepVariables.string(execution, AgencyStepProcess.STEP_FINISHED_BY),
					Math.max(0, this.calendar.workingDaysBetween(h.receivedAt(), now) - h.pausedWorkingDays().doubleValue()),
					Timeliness.of(now, h.dueAt()).name(), AgencyStepProcess.REFUSE));
		this.dossiers.refuse(dossier.code(), reason, now);
		this.notifications.enqueue(dossier.code(), NotificationEvent.REFUSED, java.util.Map.of(Notifications.REASON, reason));
		log.info("Dossier {} refused: {}", dossier.code(), reason);
	}

}
