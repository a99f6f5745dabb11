package vn.motcua.reports;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links into the audit area's dossier search ({@code /audit}) with the parameters that approximate
 * a cell: {@code receivingUnit} or {@code handlingUnit}, {@code procedure}, {@code from} and
 * {@code to} (dates of receipt, both ends included), {@code status} and {@code timeliness}. The
 * audit search filters by date of receipt only, so cells counted by date of finishing or at an
 * instant (resolved, carried over, in progress) link without a period; the drill-down list of codes
 * ({@code /reports/dossiers}) is then the exact reference.
 */
final class AuditLinks {

	private AuditLinks() {
	}

	static String search(Cell cell, ReportRequest request, String row) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit");
		String unitParam = cell == Cell.HANDOFFS_LATE ? "handlingUnit" : "receivingUnit";
		if (row != null) {
			uri.queryParam(request.by() == Report.Grouping.UNIT ? unitParam : "procedure", row);
		}
		if (request.scope().procedure() != null) {
			uri.queryParam("procedure", request.scope().procedure());
		}
		if (row == null && request.scope().kind() != Scope.Kind.PROVINCE
				&& request.scope().kind() != Scope.Kind.PROCEDURE && request.scope().kind() != Scope.Kind.LEVEL) {
			uri.queryParam(unitParam, request.scope().value());
		}
		String from = request.period().from().toString();
		String to = request.period().to().toString();
		switch (cell) {
			case RECEIVED, RECEIVED_ONLINE, RECEIVED_IN_PERSON, RECEIVED_POSTAL -> uri.queryParam("from", from)
				.queryParam("to", to);
			case RESOLVED -> uri.queryParam("status", "returned");
			case EARLY -> uri.queryParam("status", "returned").queryParam("timeliness", "early");
			case ON_TIME -> uri.queryParam("status", "returned").queryParam("timeliness", "on-time");
			case LATE -> uri.queryParam("status", "returned").queryParam("timeliness", "late");
			case REFUSED -> uri.queryParam("status", "refused");
			case STOPPED -> uri.queryParam("status", "stopped");
			case OVERDUE -> uri.queryParam("status", "in-progress").queryParam("timeliness", "overdue");
			case IN_PROGRESS, WITHIN_DEADLINE -> uri.queryParam("status", "in-progress");
			default -> uri.queryParam("to", to);
		}
		return uri.encode().build().toUriString();
	}

}
