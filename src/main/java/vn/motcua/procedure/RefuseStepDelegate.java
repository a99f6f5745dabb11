package vn.motcua.procedure;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;

/**
 * {@code ${refuseStepDelegate}} in {@code agency-step}: the agency refuses its step (form 03) with
 * {@code refusalReason} (an input parameter when the citizen did not supplement in time). The open
 * handoff is finished as refused and the reason is kept on the dossier (added to earlier ones) and
 * in the procedure's {@code refusalReason}, for the desk to hand over. The model then ends the step
 * with the error {@link AgencyStepProcess#DOSSIER_REFUSED}; what the refusal does to the dossier is
 * the procedure model's refusal path (usually {@code ${refuseDossierDelegate}}, then a terminate end).
 */
@Component("refuseStepDelegate")
class RefuseStepDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RefuseStepDelegate.class);

	private final Dossiers dossiers;

	private final Handoffs handoffs;

	private final DossierIdentity identity;

	private final LegalCalendar calendar;

	RefuseStepDelegate(Dossiers dossiers, Handoffs handoffs, DossierIdentity identity, LegalCalendar legalCalendar) {
		this.dossiers = dossiers;
		this.handoffs = handoffs;
		this.identity = identity;
		this.calendar = legalCalendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = StepVariables.required(execution, DossierVariables.REFUSAL_REASON);
		Date now = ClockUtil.getCurrentTime();
		Handoff handoff = this.identity.handoff(execution);
		if (handoff.open()) {
			this.handoffs.finish(handoff.id(), now, StepVariables.string(execution, AgencyStepProcess.STEP_FINISHED_BY),
					Math.max(0, this.calendar.workingDaysBetween(handoff.receivedAt(), now)
							- handoff.pausedWorkingDays().doubleValue()),
					Timeliness.of(now, handoff.dueAt()).name(), AgencyStepProcess.REFUSE);
		}
		this.dossiers.refusePart(handoff.dossierCode(), reason);
		DossierIdentity.root(execution).setVariable(DossierVariables.REFUSAL_REASON, reason);
		execution.setVariable(DossierVariables.REFUSAL_REASON, reason);
		log.info("Dossier {}: step '{}' refused by {}: {}", handoff.dossierCode(), handoff.stepName(), handoff.toUnit(),
				reason);
	}

}
