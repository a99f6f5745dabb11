package vn.motcua.intake;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** An intake that cannot proceed, with an HTTP status and Vietnamese messages per field. */
class IntakeException extends RuntimeException {

	private final HttpStatus status;

	private final Map<String, String> errors;

	IntakeException(HttpStatus status, String message, Map<String, String> errors) {
		super(message);
		this.status = status;
		this.errors = errors;
	}

	HttpStatus status() {
		return this.status;
	}

	Map<String, String> errors() {
		return this.errors;
	}

}
