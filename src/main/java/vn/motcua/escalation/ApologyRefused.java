package vn.motcua.escalation;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** An apology (form 04) that the rules do not allow; the message is Vietnamese. */
public class ApologyRefused extends ProcessEngineException implements ClientMistake {

	private final boolean conflict;

	ApologyRefused(String message, boolean conflict) {
		super(message);
		this.conflict = conflict;
	}

	/** True when refused because the dossier was already rescheduled or is finished. */
	boolean conflict() {
		return this.conflict;
	}

	@Override
	public HttpStatus status() {
		return this.conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
	}

}
