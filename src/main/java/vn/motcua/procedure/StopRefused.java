package vn.motcua.procedure;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** A stop request (form 05) the rules do not allow; the message is a code of the bundle {@code messages/paths}. */
public class StopRefused extends ProcessEngineException implements ClientMistake {

	private final HttpStatus status;

	private final String field;

	private final transient Object[] arguments;

	StopRefused(HttpStatus status, String field, String code, Object... arguments) {
		super(code);
		this.status = status;
		this.field = field;
		this.arguments = arguments;
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
	public Object[] arguments() {
		return this.arguments;
	}

}
