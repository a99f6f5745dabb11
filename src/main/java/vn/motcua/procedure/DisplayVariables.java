package vn.motcua.procedure;

import java.util.Set;

/**
 * Variables that only show a dossier to officials in Tasklist (task cards and the header of every
 * step form). Motcua computes them; like the {@linkplain SystemVariables system variables}, no user
 * writes them.
 */
public final class DisplayVariables {

	/** The step's due time, "dd/MM/yyyy HH:mm": a variable of each task (cards) and of the form header. */
	public static final String STEP_DUE_TEXT = "stepDueText";

	/** A variable of the step task: "Sắp đến hạn" once its warning timer fired, "Quá hạn" once it breached. */
	public static final String STEP_ALERT = "stepAlert";

	/** Form header only (computed when the form is loaded): the appointment in force. */
	public static final String APPOINTMENT_TEXT = "appointmentText";

	/** Form header only: office time left until the task's due time, or how late it is. */
	public static final String TIME_LEFT_TEXT = "timeLeftText";

	/** Form header only: names of the documents received at intake, one a line. */
	public static final String DOCUMENT_NAMES = "documentNames";

	/** Form header only: the name of the unit holding the step. */
	public static final String STEP_UNIT_NAME = "stepUnitName";

	/** Form header only: the name of the unit whose desk received the dossier. */
	public static final String RECEIVING_UNIT_NAME = "receivingUnitName";

	/** Form header only: the name of the step (the step task's name), for the escalation of a breach. */
	public static final String STEP_TITLE = "stepTitle";

	/** Set by the calendar follow-up (vn.motcua.calendarfollow.DeadlineNotes): the provisional note. */
	public static final String DEADLINE_NOTE = "deadlineNote";

	public static final Set<String> NAMES = Set.of(STEP_DUE_TEXT, STEP_ALERT, APPOINTMENT_TEXT, TIME_LEFT_TEXT,
			DOCUMENT_NAMES, STEP_UNIT_NAME, RECEIVING_UNIT_NAME, STEP_TITLE, DEADLINE_NOTE);

	private DisplayVariables() {
	}

}
