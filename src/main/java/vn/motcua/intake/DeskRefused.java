package vn.motcua.intake;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** A desk page or desk API request the user may not make; the message is a code of bundle {@code pages}. */
class DeskRefused extends RuntimeException implements ClientMistake {

	private final HttpStatus status;

	private final transient Object[] arguments;

	DeskRefused(HttpStatus status, String code, Object... arguments) {
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
