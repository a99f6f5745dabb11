package vn.motcua.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.motcua.procedure.DossierVariables;

/**
 * {@code ${rescheduleDossierDelegate}}: after the approval task, records the head of the agency's
 * decision ({@code apologyDecision}, {@code apologyDecisionNote}) on the pending draft of form 04.
 * Approved, the apology is issued and {@code dossierDue} moves, once; rejected, the draft goes back.
 * Only a supervisor of the unit at fault decides (the task's candidate group; checked again here for
 * every path into the engine); refused, the task completion is rolled back.
 */
@Component("rescheduleDossierDelegate")
class RescheduleDossierDelegate implements JavaDelegate {

	private final Apologies apologies;

	private final DossierDeadlines deadlines;

	RescheduleDossierDelegate(Apologies apologies, DossierDeadlines dossierDeadlines) {
		this.apologies = apologies;
		this.deadlines = dossierDeadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String code = this.deadlines.dossierCode(execution);
		String supervisors = this.deadlines.supervisorsAtFault(execution);
		if (auth != null && (auth.getGroupIds() == null || !auth.getGroupIds().contains(supervisors))) {
			throw ApologyRefused.forbidden("Chỉ thủ trưởng cơ quan để quá hạn mới được duyệt văn bản xin lỗi, đề nghị gia hạn của hồ sơ "
					+ code + ".");
		}
		Object decision = execution.getVariable(DossierVariables.APOLOGY_DECISION);
		Object note = execution.getVariable(DossierVariables.APOLOGY_DECISION_NOTE);
		this.apologies.decide(code, decision == null ? null : decision.toString(), note == null ? null : note.toString(),
				auth == null ? null : auth.getUserId());
	}

}
