package vn.motcua.escalation;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.procedure.AgencyStepProcess;

/**
 * When the supervisors complete the escalation task of a breach, keeps the cause and the remedy
 * they typed ({@code breachCause}, {@code breachAction} of {@code forms/breach-escalation.form})
 * with the breach, in the engine's transaction. Listens to the task events the Camunda Spring
 * Boot starter publishes, so the model needs no listener of its own.
 */
@Component
class BreachResolutionListener {

	static final String CAUSE = "breachCause";

	static final String REMEDY = "breachAction";

	private final Breaches breaches;

	private final Clock clock;

	/** @param clock the engine's clock (the one timers and tests move) */
	BreachResolutionListener(Breaches breaches, Clock clock) {
		this.breaches = breaches;
		this.clock = clock;
	}

	@EventListener
	void on(DelegateTask task) {
		if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
				|| !AgencyStepProcess.Elements.RESOLVE_BREACH.equals(task.getTaskDefinitionKey())
				|| !(task.getVariable(RecordBreachDelegate.BREACH_ID) instanceof Number id)) {
			return;
		}
		var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String by = auth != null ? auth.getUserId() : task.getAssignee();
		this.breaches.resolved(id.longValue(), text(task.getVariable(CAUSE)), text(task.getVariable(REMEDY)),
				Date.from(this.clock.instant()), by);
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

}
