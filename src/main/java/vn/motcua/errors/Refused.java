package vn.motcua.errors;

import org.springframework.http.HttpStatus;

/**
 * A request refused by a page or endpoint of a capability: its status, a message bundle code with its
 * arguments, and the field or parameter at fault if there is one. Answered by {@link ErrorAnswers}.
 */
public class Refused extends RuntimeException implements ClientMistake {

	private final HttpStatus status;

	private final String field;

	private final transient Object[] arguments;

	/** A refusal that names no field. */
	public Refused(HttpStatus status, String code, Object... arguments) {
		this(status, code, null, arguments);
	}

	private Refused(HttpStatus status, String code, String field, Object... arguments) {
		super(code, null, false, false);
		this.status = status;
		this.field = field;
		this.arguments = arguments == null ? new Object[0] : arguments.clone();
	}

	/** A refusal of the value of one field or parameter (null: none). */
	public static Refused ofField(HttpStatus status, String code, String field, Object... arguments) {
		return new Refused(status, code, field, arguments);
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Object[] arguments() {
		return this.arguments.clone();
	}

	@Override
	public String field() {
		return this.field;
	}

}
