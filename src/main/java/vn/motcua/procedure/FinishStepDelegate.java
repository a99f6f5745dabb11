package vn.motcua.procedure;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;

/**
 * {@code ${finishStepDelegate}}: after the step task. For {@code done} and {@code refuse} the
 * handoff is finished: time, user, working days used (office time, minus the time the clock was
 * stopped) and EARLY / ON_TIME / LATE against the step due; {@code lastUnit} becomes this unit. A
 * supplement request leaves the handoff open. The procedure's appointment variables are refreshed
 * from the dossier table.
 */
@Component("finishStepDelegate")
class FinishStepDelegate implements JavaDelegate {

	private final Handoffs handoffs;

	private final DossierIdentity identity;

	private final Dossiers dossiers;

	private final LegalCalendar calendar;

	FinishStepDelegate(Handoffs handoffs, DossierIdentity identity, Dossiers dossiers, LegalCalendar legalCalendar) {
		this.handoffs = handoffs;
		this.identity = identity;
		this.dossiers = dossiers;
		this.calendar = legalCalendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String outcome = StepVariables.required(execution, AgencyStepProcess.STEP_OUTCOME);
		Handoff handoff = this.identity.handoff(execution);
		if (!AgencyStepProcess.SUPPLEMENT.equals(outcome)) {
			Date now = ClockUtil.getCurrentTime();
			double used = this.calendar.workingDaysBetween(handoff.receivedAt(), now)
					- handoff.pausedWorkingDays().doubleValue();
			this.handoffs.finish(handoff.id(), now, StepVariables.string(execution, AgencyStepProcess.STEP_FINISHED_BY),
					Math.max(0, used), Timeliness.of(now, handoff.dueAt()).name(), outcome);
			if (AgencyStepProcess.DONE.equals(outcome)) {
				DossierIdentity.setDossierVariable(execution, DossierVariables.LAST_UNIT, handoff.toUnit());
			}
		}
		Dossier dossier = this.dossiers.get(handoff.dossierCode());
		DossierIdentity.setDossierVariable(execution, DossierVariables.DOSSIER_DUE, dossier.due());
		DossierIdentity.setDossierVariable(execution, DossierVariables.APOLOGY_AT, this.calendar.before(dossier.due(), 1));
	}

}
