package vn.motcua.escalation;

import org.camunda.bpm.engine.ProcessEngineException;

/** An apology (form 04) that the rules do not allow; the message is Vietnamese. */
public class ApologyRefused extends ProcessEngineException {

	private final boolean conflict;

	ApologyRefused(String message, boolean conflict) {
		super(message);
		this.conflict = conflict;
	}

	/** True when refused because the dossier was already rescheduled or is finished. */
	boolean conflict() {
		return this.conflict;
	}

}
