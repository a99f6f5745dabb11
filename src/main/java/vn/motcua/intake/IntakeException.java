package vn.motcua.intake;

import java.util.Map;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** An intake that cannot proceed, with an HTTP status and Vietnamese messages per field. */
class IntakeException extends RuntimeException implements ClientMistake {

	private final HttpStatus status;

	private final Map<String, String> errors;

	IntakeException(HttpStatus status, String message, Map<String, String> errors) {
		super(message);
		this.status = status;
		this.errors = errors;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Map<String, String> fields() {
		return this.errors;
	}

}
