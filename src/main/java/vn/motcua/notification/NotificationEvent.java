package vn.motcua.notification;

/** What the citizen is told about. */
public enum NotificationEvent {

	/** The dossier was received: its code and appointment (form 01). */
	RECEIVED,

	/** An agency asks for a supplement: what to bring and by when (form 02). */
	SUPPLEMENT_REQUESTED,

	/** The dossier was refused, with the reason (form 03). */
	REFUSED,

	/** The apology and the new appointment (form 04). */
	RESCHEDULED,

	/** The result is ready at the desk, with the rating link. */
	RESULT_READY,

	/** Processing stopped at the applicant's request (form 05). */
	STOPPED

}
