package vn.motcua.procedure;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;

/**
 * {@code ${resumeClockDelegate}}: the citizen supplemented. The step is due again after exactly
 * the office time it had left, counted from now; the dossier clock restarts the same way (moving
 * the apology timer).
 */
@Component("resumeClockDelegate")
class ResumeClockDelegate implements JavaDelegate {

	private final Handoffs handoffs;

	private final DossierIdentity identity;

	private final SupplementRequests supplements;

	private final DossierClock clock;

	private final LegalCalendar calendar;

	private final DeadlineProperties deadlines;

	ResumeClockDelegate(Handoffs handoffs, DossierIdentity identity, SupplementRequests supplements, DossierClock clock,
			LegalCalendar legalCalendar, DeadlineProperties deadlines) {
		this.handoffs = handoffs;
		this.identity = identity;
		this.supplements = supplements;
		this.clock = clock;
		this.calendar = legalCalendar;
		this.deadlines = deadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Handoff handoff = this.identity.handoff(execution);
		Date now = ClockUtil.getCurrentTime();
		Date stepDue = this.calendar.resume(now, handoff.stepTimeLeft());
		this.handoffs.resume(handoff.id(), stepDue, this.calendar.officeTimeBetween(handoff.pausedAt(), now),
				this.calendar.workingDaysBetween(handoff.pausedAt(), now));
		this.supplements.resume(handoff.id(), now);
		Date dossierDue = this.clock.resume(handoff.dossierCode(), RequestSupplementDelegate.reason(handoff), now);
		Date warning = this.calendar.before(stepDue, this.deadlines.warningBeforeWorkingDays());
		execution.setVariable(AgencyStepProcess.STEP_DUE, stepDue);
		execution.setVariable(AgencyStepProcess.STEP_WARNING_AT, warning.before(now) ? now : warning);
		execution.setVariable(DossierVariables.DOSSIER_DUE, dossierDue);
		execution.setVariable(DossierVariables.APOLOGY_AT, this.calendar.before(dossierDue, 1));
		execution.removeVariable(AgencyStepProcess.STEP_OUTCOME);
		execution.removeVariable(AgencyStepProcess.SUPPLEMENT_ITEMS);
	}

}
