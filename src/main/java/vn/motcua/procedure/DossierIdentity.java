package vn.motcua.procedure;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;

/**
 * Which dossier and which step an execution belongs to, taken from the engine and never from
 * process variables a user could have written: the root process instance (the procedure, found
 * through the calling executions) owns the dossier record, and a step instance owns its handoff.
 */
@Component
public class DossierIdentity {

	private final Dossiers dossiers;

	private final Handoffs handoffs;

	DossierIdentity(Dossiers dossiers, Handoffs handoffs) {
		this.dossiers = dossiers;
		this.handoffs = handoffs;
	}

	/** The dossier of the procedure this execution runs in (itself or as a called step). */
	public Dossier dossier(DelegateExecution execution) {
		String root = root(execution).getId();
		return this.dossiers.findByProcessInstance(root)
			.orElseThrow(() -> new IllegalStateException("Quy trình " + root + " không gắn với hồ sơ nào"));
	}

	/** The handoff recorded when this step instance received the dossier. */
	public Handoff handoff(DelegateExecution execution) {
		return this.handoffs.ofStep(execution.getProcessInstanceId())
			.orElseThrow(() -> new IllegalStateException(
					"Bước " + execution.getProcessInstanceId() + " chưa ghi nhận giao, nhận hồ sơ"));
	}

	/**
	 * A variable of the dossier as a step sees it: its own, else the procedure's (a step does not
	 * receive copies of the dossier's variables).
	 */
	public static Object dossierVariable(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution()
				: scope instanceof DelegateExecution e ? e : null;
		if (execution == null) {
			return value;
		}
		for (DelegateExecution caller = execution.getProcessInstance().getSuperExecution(); value == null
				&& caller != null; caller = caller.getProcessInstance().getSuperExecution()) {
			value = caller.getVariable(name);
		}
		return value;
	}

	/**
	 * Sets a variable of the procedure's instance from inside a step, written only when it changes
	 * (parallel steps then do not update the same row for nothing). A step instance that holds its
	 * own copy (a model that still maps it in) gets the value too, so that no copy-out writes back a
	 * stale one.
	 */
	public static void setDossierVariable(DelegateExecution execution, String name, Object value) {
		DelegateExecution step = execution.getProcessInstance();
		if (step.hasVariableLocal(name)) {
			step.setVariableLocal(name, value);
		}
		DelegateExecution procedure = root(execution);
		if (!Objects.equals(procedure.getVariableLocal(name), value)) {
			procedure.setVariableLocal(name, value);
		}
	}

	/** The root process instance: the procedure of the dossier. */
	public static DelegateExecution root(DelegateExecution execution) {
		DelegateExecution instance = execution.getProcessInstance();
		while (instance.getSuperExecution() != null) {
			instance = instance.getSuperExecution().getProcessInstance();
		}
		return instance;
	}

}
