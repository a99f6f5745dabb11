package vn.motcua.reports;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A period, scope or cell the report cannot read. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class BadReportRequest extends RuntimeException {

	BadReportRequest(String message) {
		super(message);
	}

}
