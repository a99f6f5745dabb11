package vn.motcua.intake;

/** Where a dossier stands. */
public enum DossierStatus {

	/** Being handled by an agency. */
	IN_PROGRESS,
	/** The clock is stopped: waiting for the citizen (supplement, tax payment). */
	WAITING_CITIZEN,
	/** Refused (form 03). */
	REFUSED,
	/** Result returned to the citizen. */
	RETURNED,
	/** Stopped at the applicant's request before a result (form 05 of Circular 03/2025). */
	STOPPED

}
