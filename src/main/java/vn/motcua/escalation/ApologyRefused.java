package vn.motcua.escalation;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** An apology (form 04) that the rules do not allow; the message is Vietnamese. */
public class ApologyRefused extends ProcessEngineException implements ClientMistake {

	private final boolean conflict;

	private boolean forbidden;

	private final String field;

	private final transient Object[] arguments;

	ApologyRefused(String message, boolean conflict) {
		this(message, conflict, null);
	}

	/** A refusal whose message is a bundle code, about one field of the request. */
	ApologyRefused(String code, boolean conflict, String field, Object... arguments) {
		super(code);
		this.conflict = conflict;
		this.field = field;
		this.arguments = arguments;
	}

	/** Refused because the user may not do this (403). */
	static ApologyRefused forbidden(String message) {
		ApologyRefused refused = new ApologyRefused(message, false);
		refused.forbidden = true;
		return refused;
	}

	/** True when refused because the dossier was already rescheduled or is finished. */
	boolean conflict() {
		return this.conflict;
	}

	@Override
	public String field() {
		return this.field;
	}

	@Override
	public Object[] arguments() {
		return this.arguments;
	}

	@Override
	public HttpStatus status() {
		return this.forbidden ? HttpStatus.FORBIDDEN : this.conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
	}

}
