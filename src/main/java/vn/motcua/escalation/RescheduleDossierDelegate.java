package vn.motcua.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.motcua.procedure.DossierVariables;

/**
 * {@code ${rescheduleDossierDelegate}}: after the apology task, records form 04 with
 * {@code apologyReason} and {@code newAppointment} and moves {@code dossierDue}; refused (and the
 * task completion rolled back) when the dossier was already rescheduled.
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
		Object reason = execution.getVariable(DossierVariables.APOLOGY_REASON);
		this.apologies.issue(this.deadlines.dossierCode(execution),
				this.deadlines.unitAtFault(execution).code(), reason == null ? null : reason.toString(),
				Apologies.parse(execution.getVariable(DossierVariables.NEW_APPOINTMENT)),
				auth == null ? null : auth.getUserId(), false);
	}

}
