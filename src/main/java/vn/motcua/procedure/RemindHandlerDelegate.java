package vn.motcua.procedure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code ${remindHandlerDelegate}}: the step is nearly due; the reminder is recorded on the handoff. */
@Component("remindHandlerDelegate")
class RemindHandlerDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RemindHandlerDelegate.class);

	private final Handoffs handoffs;

	private final DossierIdentity identity;

	RemindHandlerDelegate(Handoffs handoffs, DossierIdentity identity) {
		this.handoffs = handoffs;
		this.identity = identity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Handoff handoff = this.identity.handoff(execution);
		this.handoffs.remind(handoff.id(), ClockUtil.getCurrentTime());
		log.warn("Dossier {}: step '{}' at {} is due {} (reminder)", handoff.dossierCode(), handoff.stepName(),
				handoff.toUnit(), handoff.dueAt());
	}

}
