package vn.motcua.procedure;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code ${resumeDossierClockDelegate}}: ends the pause with the input {@code pauseReason} (optional:
 * without it, every open pause other than a supplement) and,
 * if no other pause is open, restarts the dossier clock ({@code dossierDue} and the apology timer
 * move).
 */
@Component("resumeDossierClockDelegate")
class ResumeDossierClockDelegate implements JavaDelegate {

	private final DossierClock clock;

	private final DossierIdentity identity;

	ResumeDossierClockDelegate(DossierClock clock, DossierIdentity identity) {
		this.clock = clock;
		this.identity = identity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Date due = this.clock.resume(this.identity.dossier(execution).code(),
				StepVariables.string(execution, DossierVariables.PAUSE_REASON), ClockUtil.getCurrentTime());
		execution.getProcessInstance().setVariable(DossierVariables.DOSSIER_DUE, due);
	}

}
