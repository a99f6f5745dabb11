package vn.motcua.rating;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** A rating the server does not take; the message is a bundle code. */
class RatingRefused extends RuntimeException implements ClientMistake {

	private final HttpStatus status;

	private final String field;

	RatingRefused(HttpStatus status, String code, String field) {
		super(code, null, false, false);
		this.status = status;
		this.field = field;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public String field() {
		return this.field;
	}

	@Override
	public Link back() {
		return new Link("/tra-cuu", "lookup.title");
	}

}
