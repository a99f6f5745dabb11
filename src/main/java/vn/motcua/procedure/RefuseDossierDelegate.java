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
 * {@code ${refuseDossierDelegate}}: the dossier is refused (form 03) with {@code refusalReason}
 * (an input parameter when the citizen did not supplement in time); the open handoff is finished.
 * The model then ends with the error {@code DOSSIER_REFUSED}.
 */
@Component("refuseDossierDelegate")
class RefuseDossierDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RefuseDossierDelegate.class);

	private final Dossiers dossiers;

	private final Handoffs handoffs;

	private final LegalCalendar calendar;

	RefuseDossierDelegate(Dossiers dossiers, Handoffs handoffs, LegalCalendar legalCalendar) {
		this.dossiers = dossiers;
		this.handoffs = handoffs;
		this.calendar = legalCalendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String code = StepVariables.required(execution, DossierVariables.DOSSIER_CODE);
		String reason = StepVariables.required(execution, DossierVariables.REFUSAL_REASON);
		Date now = ClockUtil.getCurrentTime();
		Handoff handoff = this.handoffs.get(StepVariables.handoffId(execution));
		if (handoff.open()) {
			this.handoffs.finish(handoff.id(), now, StepVariables.string(execution, AgencyStepProcess.STEP_FINISHED_BY),
					Math.max(0, this.calendar.workingDaysBetween(handoff.receivedAt(), now)
							- handoff.pausedWorkingDays().doubleValue()),
					Timeliness.of(now, handoff.dueAt()).name(), AgencyStepProcess.REFUSE);
		}
		this.dossiers.refuse(code, reason, now);
		execution.setVariable(DossierVariables.REFUSAL_REASON, reason);
		log.info("Dossier {} refused by {}: {}", code, handoff.toUnit(), reason);
	}

}
