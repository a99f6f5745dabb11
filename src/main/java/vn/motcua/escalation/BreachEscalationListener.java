package vn.motcua.escalation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code ${breachEscalationListener}}, create listener of the escalation task: links it to the breach. */
@Component("breachEscalationListener")
class BreachEscalationListener implements TaskListener {

	private final Breaches breaches;

	BreachEscalationListener(Breaches breaches) {
		this.breaches = breaches;
	}

	@Override
	public void notify(DelegateTask task) {
		if (task.getVariable(RecordBreachDelegate.BREACH_ID) instanceof Number id) {
			this.breaches.escalated(id.longValue(), task.getId());
		}
	}

}
