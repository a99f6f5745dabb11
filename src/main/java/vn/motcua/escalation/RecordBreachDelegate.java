package vn.motcua.escalation;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.DossierIdentity;
import vn.motcua.procedure.Handoff;

/**
 * {@code ${recordBreachDelegate}}: the step is past due. Records the breach against the unit
 * holding the step and the official the task is assigned to, if any.
 */
@Component("recordBreachDelegate")
class RecordBreachDelegate implements JavaDelegate {

	/** Variable read by {@code breachEscalationListener}. */
	static final String BREACH_ID = "breachId";

	private static final Logger log = LoggerFactory.getLogger(RecordBreachDelegate.class);

	private final DossierIdentity identity;

	private final Breaches breaches;

	RecordBreachDelegate(DossierIdentity identity, Breaches breaches) {
		this.identity = identity;
		this.breaches = breaches;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Handoff handoff = this.identity.handoff(execution);
		Task task = execution.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(AgencyStepProcess.Elements.HANDLE_STEP)
			.singleResult();
		String official = task == null ? null : task.getAssignee();
		Date now = ClockUtil.getCurrentTime();
		long breach = this.breaches.insert(handoff.dossierCode(), handoff.id(), handoff.toUnit(), official, now);
		execution.setVariable(BREACH_ID, breach);
		log.warn("Dossier {}: step '{}' at {} breached its deadline {} (official: {})", handoff.dossierCode(),
				handoff.stepName(), handoff.toUnit(), handoff.dueAt(), official == null ? "chưa nhận việc" : official);
	}

}
