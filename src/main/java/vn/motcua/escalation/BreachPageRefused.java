package vn.motcua.escalation;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** A request of the supervisors' breach page the user may not make; the message is a code of bundle {@code pages}. */
class BreachPageRefused extends RuntimeException implements ClientMistake {

	private final HttpStatus status;

	private final transient Object[] arguments;

	BreachPageRefused(HttpStatus status, String code, Object... arguments) {
		super(code);
		this.status = status;
		this.arguments = arguments;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Object[] arguments() {
		return this.arguments;
	}

}
