package vn.motcua.organisation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Routes process steps to units from BPMN expressions, e.g.
 * {@code camunda:candidateGroups="${routing.officers(execution, 'land-registration')}"}. The unit
 * follows from the organisation file and the dossier's receiving unit.
 */
@Component("routing")
public class Routing {

	/** Process variable holding the code of the unit whose desk received the dossier. */
	public static final String RECEIVING_UNIT = "receivingUnit";

	private final Organisation organisation;

	Routing(Organisation organisation) {
		this.organisation = organisation;
	}

	/** The unit that handles {@code function} for this dossier. */
	public Unit unitFor(VariableScope scope, String function) {
		return this.organisation.handlerOf(function, receivingUnit(scope));
	}

	public String unitCode(VariableScope scope, String function) {
		return unitFor(scope, function).code();
	}

	/** Candidate group of the officers who handle {@code function} for this dossier. */
	public String officers(VariableScope scope, String function) {
		return unitFor(scope, function).officersGroup();
	}

	/** Candidate group of the supervisors of the unit that handles {@code function} for this dossier. */
	public String supervisors(VariableScope scope, String function) {
		return unitFor(scope, function).supervisorsGroup();
	}

	/** Candidate group of the supervisors of a unit given by code. */
	public String supervisorsOf(String unitCode) {
		return this.organisation.unit(unitCode).supervisorsGroup();
	}

	/**
	 * The receiving unit is a variable of the procedure's instance: a step (a called instance) reads
	 * it through the call activity that started it.
	 */
	private static String receivingUnit(VariableScope scope) {
		Object value = scope.getVariable(RECEIVING_UNIT);
		DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution()
				: scope instanceof DelegateExecution e ? e : null;
		while (value == null && execution != null) {
			execution = execution.getProcessInstance().getSuperExecution();
			value = execution == null ? null : execution.getVariable(RECEIVING_UNIT);
		}
		if (value == null) {
			throw new UnknownUnitException("Hồ sơ thiếu biến '" + RECEIVING_UNIT + "' (đơn vị tiếp nhận)");
		}
		return value.toString();
	}

}
