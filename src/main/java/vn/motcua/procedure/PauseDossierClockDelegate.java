package vn.motcua.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** {@code ${pauseDossierClockDelegate}}: stops the dossier clock for the input {@code pauseReason}. */
@Component("pauseDossierClockDelegate")
class PauseDossierClockDelegate implements JavaDelegate {

	private final DossierClock clock;

	private final DossierIdentity identity;

	PauseDossierClockDelegate(DossierClock clock, DossierIdentity identity) {
		this.clock = clock;
		this.identity = identity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.clock.pause(this.identity.dossier(execution).code(),
				StepVariables.required(execution, DossierVariables.PAUSE_REASON), ClockUtil.getCurrentTime());
	}

}
