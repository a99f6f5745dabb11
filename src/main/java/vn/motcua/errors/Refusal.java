package vn.motcua.errors;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A plain {@link ClientMistake}: a status, a message (text or bundle code) and field messages. */
public class Refusal extends RuntimeException implements ClientMistake {

	private final HttpStatus status;

	private final Map<String, String> fields;

	private final transient Object[] arguments;

	public Refusal(HttpStatus status, String message, Map<String, String> fields, Object... arguments) {
		super(message, null, false, false);
		this.status = status;
		this.fields = Map.copyOf(fields);
		this.arguments = arguments;
	}

	public Refusal(HttpStatus status, String message) {
		this(status, message, Map.of());
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Map<String, String> fields() {
		return this.fields;
	}

	@Override
	public Object[] arguments() {
		return this.arguments;
	}

}
