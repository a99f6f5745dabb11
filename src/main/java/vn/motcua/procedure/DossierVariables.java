package vn.motcua.procedure;

/**
 * Names of the process variables every procedure shares (the root instance of a dossier), as in
 * the contract {@code docs/procedures/README.md}.
 */
public final class DossierVariables {

	/** The dossier code, also the business key. String. */
	public static final String DOSSIER_CODE = "dossierCode";

	/** Code of the unit whose desk received the dossier. String. */
	public static final String RECEIVING_UNIT = "receivingUnit";

	/** Name of the procedure. String. */
	public static final String PROCEDURE_NAME = "procedureName";

	public static final String APPLICANT_NAME = "applicantName";

	public static final String APPLICANT_ID_NUMBER = "applicantIdNumber";

	public static final String APPLICANT_PHONE = "applicantPhone";

	public static final String APPLICANT_EMAIL = "applicantEmail";

	public static final String APPLICANT_ADDRESS = "applicantAddress";

	/** {@code in-person}, {@code online} or {@code postal}. String. */
	public static final String CHANNEL = "channel";

	/** The documents received (checklist values). JSON array or list of strings. */
	public static final String DOCUMENTS = "documents";

	/** Receipt instant. Date. */
	public static final String RECEIVED_AT = "receivedAt";

	/** Legal time of the procedure in working days, from the catalogue entry of the model ({@link ProcedureCatalogue}). Number. */
	public static final String LEGAL_WORKING_DAYS = "legalWorkingDays";

	/** Whether the legal time follows the 15:00 cut-off, input of {@code Task_RegisterDossier}. Boolean. */
	public static final String SAME_DAY = "sameDay";

	/** The appointment in force. Date. */
	public static final String DOSSIER_DUE = "dossierDue";

	/** When the apology (form 04) is due: one working day before the appointment. Date. */
	public static final String APOLOGY_AT = "apologyAt";

	/** The unit that finished the last step. String. */
	public static final String LAST_UNIT = "lastUnit";

	/** Input of the pause / resume dossier clock tasks. String. */
	public static final String PAUSE_REASON = "pauseReason";

	/** Reason of the apology (form 04), from the {@code apology-letter} form. String. */
	public static final String APOLOGY_REASON = "apologyReason";

	/** New appointment from the {@code apology-letter} form. Date or ISO local date-time string. */
	public static final String NEW_APPOINTMENT = "newAppointment";

	/** Legal reason of a refusal (form 03). String. */
	public static final String REFUSAL_REASON = "refusalReason";

	/** The head of the agency's decision on the apology draft: {@code approve} or {@code reject}. String. */
	public static final String APOLOGY_DECISION = "apologyDecision";

	/** The head of the agency's note on the decision (required for a rejection). String. */
	public static final String APOLOGY_DECISION_NOTE = "apologyDecisionNote";

	/** The day of the applicant's stop request (form 05), ISO date; the gate reads it from a stop message. */
	public static final String STOP_REQUESTED_ON = "stopRequestedOn";

	/** The applicant's reason to stop (form 05); the gate reads it from a stop message. */
	public static final String STOP_REASON = "stopReason";

	private DossierVariables() {
	}

}
