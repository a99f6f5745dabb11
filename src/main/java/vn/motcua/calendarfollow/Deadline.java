package vn.motcua.calendarfollow;

/** The deadlines of a dossier that a calendar change can move. */
enum Deadline {

	/** The legal due of the dossier (reports judge timeliness against it). */
	LEGAL_DUE("legal-due"),

	/** The appointment in force, when it was computed (after a pause), not promised. */
	APPOINTMENT("appointment"),

	/** The apology timer, one working day before the appointment. */
	APOLOGY("apology"),

	/** A step's due: task due date and breach timer. */
	STEP("step"),

	/** A step's warning timer. */
	STEP_WARNING("step-warning"),

	/** The citizen's window to supplement: task due date and timer. */
	SUPPLEMENT("supplement"),

	/** A supervisor's escalation task after a breach. */
	ESCALATION("escalation");

	private final String code;

	Deadline(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
