package vn.motcua.signing;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** An upload to verify that is missing, empty, no PDF or too large: 400 or 413, naming the field {@code file}. */
class BadUpload extends RuntimeException implements ClientMistake {

	private final HttpStatus status;

	private final Object[] arguments;

	private final boolean fromPage;

	BadUpload(HttpStatus status, String key, boolean fromPage, Object... arguments) {
		super(key);
		this.status = status;
		this.arguments = arguments;
		this.fromPage = fromPage;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Object[] arguments() {
		return this.arguments;
	}

	@Override
	public String field() {
		return "file";
	}

	@Override
	public Link back() {
		return this.fromPage ? new Link(SignatureController.PAGE, "signing.page.title") : null;
	}

}
