package vn.motcua.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** {@code ${pauseDossierClockDelegate}}: stops the dossier clock for the input {@code pauseReason}. */
@Component("pauseDossierClockDelegate")
class PauseDossierClockDelegate implements JavaDelegate {

	private final DossierClock clock;

	PauseDossierClockDelegate(DossierClock clock) {
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.clock.pause(StepVariables.required(execution, DossierVariables.DOSSIER_CODE),
				StepVariables.required(execution, DossierVariables.PAUSE_REASON), ClockUtil.getCurrentTime());
	}

}
