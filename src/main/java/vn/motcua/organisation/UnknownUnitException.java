package vn.motcua.organisation;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** No unit with the given code, or no unit handles a function for a dossier's area. */
public class UnknownUnitException extends RuntimeException implements ClientMistake {

	UnknownUnitException(String message) {
		super(message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

}
