package vn.motcua.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.motcua.procedure.DossierVariables;

/**
 * {@code ${recordApologyDraftDelegate}}: after the apology task, records the draft of form 04
 * ({@code apologyReason}, {@code newAppointment}) by the unit at fault for its head to approve;
 * refused (and the task completion rolled back) when the rules do not allow it.
 */
@Component("recordApologyDraftDelegate")
class RecordApologyDraftDelegate implements JavaDelegate {

	private final Apologies apologies;

	private final DossierDeadlines deadlines;

	RecordApologyDraftDelegate(Apologies apologies, DossierDeadlines dossierDeadlines) {
		this.apologies = apologies;
		this.deadlines = dossierDeadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		Object reason = execution.getVariable(DossierVariables.APOLOGY_REASON);
		this.apologies.draft(this.deadlines.dossierCode(execution), this.deadlines.unitAtFault(execution).code(),
				reason == null ? null : reason.toString(),
				Apologies.parse(execution.getVariable(DossierVariables.NEW_APPOINTMENT)),
				auth == null ? null : auth.getUserId(), false);
	}

}
