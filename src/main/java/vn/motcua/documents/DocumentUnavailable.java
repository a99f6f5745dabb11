package vn.motcua.documents;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/**
 * A document that cannot be given: not a form of a dossier (404), not issued for this dossier
 * (409, e.g. a refusal of a dossier that was not refused), or not the caller's to see (403).
 * The message is a code of {@code messages/documents}.
 */
public class DocumentUnavailable extends RuntimeException implements ClientMistake {

	private final HttpStatus status;

	private final transient Object[] arguments;

	public DocumentUnavailable(HttpStatus status, String code, Object... arguments) {
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
		return this.arguments.clone();
	}

}
