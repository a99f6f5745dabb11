package vn.motcua.audit;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Turns the end of the contract's elements into entries of the chain, inside the engine's
 * transaction. It reads only element ids and process variables of the procedure contract
 * ({@code docs/procedures/README.md}), never the procedure code, and runs next to Camunda's
 * default database handler (composite handler of the engine configuration).
 */
class AuditHistoryEventHandler implements HistoryEventHandler {

	/** Element id → event type recorded when that element ends (not when it is cancelled). */
	static final Map<String, String> EVENTS = Map.ofEntries(Map.entry("Task_RegisterDossier", "RECEIPT"),
			Map.entry("Task_ReceiveHandoff", "HANDOFF"), Map.entry("Task_HandleStep", "STEP_COMPLETED"),
			Map.entry("Task_RequestSupplement", "SUPPLEMENT"), Map.entry("Task_RecordBreach", "BREACH"),
			Map.entry("Task_IssueApology", "APOLOGY"), Map.entry("Task_RescheduleDossier", "RESCHEDULE"),
			Map.entry("Task_RefuseDossier", "REFUSAL"), Map.entry("Task_CloseDossier", "RETURN"),
			Map.entry("Task_RecordApologyDraft", "APOLOGY_DRAFT"), Map.entry("Task_ApproveApology", "APOLOGY_DECISION"),
			Map.entry("Task_StopDossier", "STOP"));

	/** Variables copied into the payload when present. */
	private static final List<String> VARIABLES = List.of("procedureName", "receivingUnit", "stepName", "stepFunction",
			"stepUnit", "stepDue", "stepOutcome", "stepFinishedBy", "lastUnit", "dossierDue", "supplementItems",
			"refusalReason", "pauseReason", "apologyDecision", "apologyDecisionNote", "stopRequestedOn", "stopReason");

	private final ObjectProvider<AuditChain> chain;

	AuditHistoryEventHandler(ObjectProvider<AuditChain> chain) {
		this.chain = chain;
	}

	@Override
	public void handleEvent(HistoryEvent event) {
		if (!(event instanceof HistoricActivityInstanceEventEntity activity)
				|| !HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(activity.getEventType())
				|| activity.isCanceled()) {
			return;
		}
		String type = EVENTS.get(activity.getActivityId());
		if (type == null) {
			return;
		}
		ExecutionEntity execution = execution(activity.getExecutionId());
		String dossierCode = null;
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("element", activity.getActivityId());
		payload.put("processDefinitionKey", activity.getProcessDefinitionKey());
		payload.put("processInstanceId", activity.getProcessInstanceId());
		if (activity.getActivityName() != null) {
			payload.put("elementName", activity.getActivityName());
		}
		String unit = null;
		if (execution != null) {
			dossierCode = string(execution, "dossierCode");
			if (dossierCode == null) {
				dossierCode = execution.getProcessBusinessKey();
			}
			for (String name : VARIABLES) {
				Object value = execution.getVariable(name);
				if (value instanceof Date d) {
					payload.put(name, d.getTime());
				}
				else if (value != null) {
					payload.put(name, value.toString());
				}
			}
			unit = switch (type) {
				case "RECEIPT", "RETURN" -> string(execution, "receivingUnit");
				default -> firstNonNull(string(execution, "stepUnit"), string(execution, "lastUnit"),
						string(execution, "receivingUnit"));
			};
		}
		String user = activity.getTaskAssignee();
		if (user == null) {
			user = firstNonNull(execution == null ? null : string(execution, "stepFinishedBy"), authenticatedUser());
		}
		Date at = activity.getEndTime() != null ? activity.getEndTime() : ClockUtil.getCurrentTime();
		this.chain.getObject().append(at, dossierCode, type, unit, user, payload);
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

	private static ExecutionEntity execution(String executionId) {
		BpmnExecutionContext context = Context.getBpmnExecutionContext();
		if (context != null && context.getExecution() != null
				&& executionId != null && executionId.equals(context.getExecution().getId())) {
			return context.getExecution();
		}
		CommandContext command = Context.getCommandContext();
		if (command == null || executionId == null) {
			return context == null ? null : context.getExecution();
		}
		return command.getExecutionManager().findExecutionById(executionId);
	}

	private static String authenticatedUser() {
		CommandContext command = Context.getCommandContext();
		return command == null ? null : command.getAuthenticatedUserId();
	}

	private static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	private static String firstNonNull(String... values) {
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return v;
			}
		}
		return null;
	}

}
