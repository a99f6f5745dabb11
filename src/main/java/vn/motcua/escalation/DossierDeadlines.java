package vn.motcua.escalation;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.procedure.DossierIdentity;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.Handoff;
import vn.motcua.procedure.Handoffs;

/**
 * {@code dossierDeadlines}, for the dossier-level deadline of every procedure, e.g.
 * {@code camunda:candidateGroups="${dossierDeadlines.officersAtFault(execution)}"}.
 */
@Component("dossierDeadlines")
public class DossierDeadlines {

	private final Handoffs handoffs;

	private final Organisation organisation;

	private final DossierIdentity identity;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	DossierDeadlines(Handoffs handoffs, Organisation organisation, DossierIdentity identity,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.handoffs = handoffs;
		this.identity = identity;
		this.organisation = organisation;
	}

	/** Officers group of the unit at fault. */
	public String officersAtFault(VariableScope scope) {
		return unitAtFault(scope).officersGroup();
	}

	/**
	 * Supervisors group ("Thủ trưởng cơ quan") of the unit whose draft of form 04 waits for approval:
	 * the unit at fault when it drafted.
	 */
	public String supervisorsAtFault(VariableScope scope) {
		String code = dossierCode(scope);
		return this.jdbc.sql("select unit_at_fault from apology_draft where dossier_code = ? and decision is null order by id desc")
			.param(code)
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.map(this.organisation::unit)
			.orElseGet(() -> unitAtFault(scope))
			.supervisorsGroup();
	}

	/**
	 * The unit holding the most overdue open step of the dossier (the open step due first); else
	 * the unit that finished the last step; else the receiving unit.
	 */
	public Unit unitAtFault(VariableScope scope) {
		return this.organisation
			.unit(unitAtFault(dossierCode(scope),
					String.valueOf(DossierIdentity.dossierVariable(scope, DossierVariables.LAST_UNIT))));
	}

	/** The dossier code from the engine (the procedure's dossier record), not from a variable. */
	String dossierCode(VariableScope scope) {
		if (scope instanceof DelegateExecution execution) {
			return this.identity.dossier(execution).code();
		}
		if (scope instanceof DelegateTask task) {
			return this.identity.dossier(task.getExecution()).code();
		}
		throw new IllegalStateException("Không xác định được hồ sơ của " + scope);
	}

	String unitAtFault(String dossierCode, String lastUnit) {
		List<Handoff> all = this.handoffs.ofDossier(dossierCode);
		return all.stream()
			.filter(Handoff::open)
			.min(Comparator.comparing(Handoff::dueAt))
			.or(() -> all.stream().filter(h -> !h.open()).max(Comparator.comparing(Handoff::finishedAt)))
			.map(Handoff::toUnit)
			.orElse(lastUnit);
	}

}
