package vn.motcua.procedure;

/**
 * Element ids every procedure model shares, as the contract in {@code docs/procedures/README.md}
 * fixes them. Each backing class's {@code Elements} extends this class and adds its own steps.
 */
public class ProcedureElements {

	public static final String START = "StartEvent_DossierReceived";

	public static final String REGISTER_DOSSIER = "Task_RegisterDossier";

	/** The sub-process around the steps: its one error boundary catches every refusal that ends the dossier. */
	public static final String HANDLE_DOSSIER = "SubProcess_HandleDossier";

	public static final String REFUSAL = "BoundaryEvent_DossierRefused";

	public static final String REFUSE_DOSSIER = "Task_RefuseDossier";

	public static final String CHECK_COMPLETENESS = "CallActivity_CheckCompleteness";

	public static final String RETURN_RESULT = "Task_ReturnResult";

	public static final String CLOSE_DOSSIER = "Task_CloseDossier";

	public static final String RESULT_RETURNED = "EndEvent_ResultReturned";

	public static final String DOSSIER_REFUSED = "EndEvent_DossierRefused";

	public static final String APOLOGY_DUE = "StartEvent_ApologyDue";

	public static final String ISSUE_APOLOGY = "Task_IssueApology";

	public static final String RESCHEDULE_DOSSIER = "Task_RescheduleDossier";

	public static final String RECORD_APOLOGY_DRAFT = "Task_RecordApologyDraft";

	/** The head of the agency at fault approves or rejects the draft (form 04 of Circular 03/2025). */
	public static final String APPROVE_APOLOGY = "Task_ApproveApology";

	public static final String APOLOGY_APPROVED = "Gateway_ApologyApproved";

	/** The interrupting message boundary on {@link #HANDLE_DOSSIER}: the applicant asked to stop (form 05). */
	public static final String STOP_REQUESTED = "BoundaryEvent_DossierStopped";

	public static final String STOP_DOSSIER = "Task_StopDossier";

	public static final String DOSSIER_STOPPED = "EndEvent_DossierStopped";

	/** Name of the message that stops a dossier; correlated only by {@link DossierStops}. */
	public static final String STOP_MESSAGE = "DossierStopRequested";

	protected ProcedureElements() {
	}

}
