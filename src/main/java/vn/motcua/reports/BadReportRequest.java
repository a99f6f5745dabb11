package vn.motcua.reports;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** A period, scope or cell the report cannot read; the message is a bundle code. */
class BadReportRequest extends RuntimeException implements ClientMistake {

	private final String parameter;

	private final transient Object[] arguments;

	BadReportRequest(String code, String parameter, Object... arguments) {
		super(code, null, false, false);
		this.parameter = parameter;
		this.arguments = arguments;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

	@Override
	public Object[] arguments() {
		return this.arguments;
	}

	@Override
	public String field() {
		return this.parameter;
	}

}
