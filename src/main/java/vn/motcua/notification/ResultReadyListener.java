package vn.motcua.notification;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.procedure.ProcedureElements;

/**
 * "The result is ready": when the return task of a procedure ({@link ProcedureElements#RETURN_RESULT})
 * is created, in the engine's transaction (Camunda's Spring task events), whichever model it is.
 */
@Component
class ResultReadyListener {

	private final Notifications notifications;

	ResultReadyListener(Notifications notifications) {
		this.notifications = notifications;
	}

	@EventListener
	void on(DelegateTask task) {
		if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
				&& ProcedureElements.RETURN_RESULT.equals(task.getTaskDefinitionKey())) {
			String code = task.getExecution().getProcessBusinessKey();
			if (code != null) {
				this.notifications.enqueue(code, NotificationEvent.RESULT_READY, Map.of());
			}
		}
	}

}
