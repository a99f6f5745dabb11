package vn.motcua.procedure;

import java.util.Set;

/**
 * The process variables that carry a dossier's identity and state: written by Motcua's delegates
 * only, never by a user on any path (task completion, form submission, the variables endpoints,
 * modification, signals, messages). The gate at the engine boundary refuses them; the delegates do
 * not trust them either (see {@link DossierIdentity}).
 */
public final class SystemVariables {

	/** Names of the protected variables. */
	public static final Set<String> NAMES = Set.of(DossierVariables.DOSSIER_CODE, DossierVariables.RECEIVING_UNIT,
			DossierVariables.PROCEDURE_NAME, DossierVariables.RECEIVED_AT, DossierVariables.LEGAL_WORKING_DAYS,
			DossierVariables.SAME_DAY, DossierVariables.DOSSIER_DUE, DossierVariables.APOLOGY_AT,
			DossierVariables.LAST_UNIT, DossierVariables.PAUSE_REASON, AgencyStepProcess.STEP_FUNCTION,
			AgencyStepProcess.STEP_NAME, AgencyStepProcess.STEP_ALLOTMENT, AgencyStepProcess.STEP_FORM,
			AgencyStepProcess.STEP_SAME_DAY, AgencyStepProcess.STEP_UNIT, AgencyStepProcess.STEP_DUE,
			AgencyStepProcess.STEP_WARNING_AT, AgencyStepProcess.HANDOFF_ID, AgencyStepProcess.SUPPLEMENT_DUE,
			AgencyStepProcess.STEP_FINISHED_BY, CloseDossierDelegate.TIMELINESS, "breachId");

	private SystemVariables() {
	}

	public static boolean isProtected(String name) {
		return NAMES.contains(name) || DisplayVariables.NAMES.contains(name);
	}

}
