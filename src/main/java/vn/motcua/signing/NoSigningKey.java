package vn.motcua.signing;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** A document is to be signed by a unit that has no usable keystore: 409, naming the unit. */
class NoSigningKey extends RuntimeException implements ClientMistake {

	private final String unitName;

	NoSigningKey(String unitName, Throwable cause) {
		super("signing.refused.no-key", cause);
		this.unitName = unitName;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public Object[] arguments() {
		return new Object[] { this.unitName };
	}

}
