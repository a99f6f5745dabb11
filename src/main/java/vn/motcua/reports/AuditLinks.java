package vn.motcua.reports;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links into the audit area's dossier search ({@code /audit/dossiers}) with the parameters that
 * approximate a cell: {@code unit}, {@code procedure}, {@code receivedFrom}, {@code receivedTo},
 * {@code finishedFrom}, {@code finishedTo}, {@code channel}, {@code status}, {@code timeliness}
 * (dates ISO, both ends included). Cells that depend on an instant (carried over, in progress)
 * have no exact search form; the drill-down list of codes is then the reference.
 */
final class AuditLinks {

	private AuditLinks() {
	}

	static String search(Cell cell, ReportRequest request, String row) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/audit/dossiers");
		if (row != null) {
			uri.queryParam(request.by() == Report.Grouping.UNIT ? "unit" : "procedure", row);
		}
		if (request.scope().procedure() != null) {
			uri.queryParam("procedure", request.scope().procedure());
		}
		if (row == null && request.scope().kind() != Scope.Kind.PROVINCE
				&& request.scope().kind() != Scope.Kind.PROCEDURE && request.scope().kind() != Scope.Kind.LEVEL) {
			uri.queryParam("unit", request.scope().value());
		}
		String from = request.period().from().toString();
		String to = request.period().to().toString();
		switch (cell) {
			case RECEIVED, RECEIVED_ONLINE, RECEIVED_IN_PERSON, RECEIVED_POSTAL -> {
				uri.queryParam("receivedFrom", from).queryParam("receivedTo", to);
				if (cell != Cell.RECEIVED) {
					uri.queryParam("channel", cell.param().substring("received-".length()));
				}
			}
			case RESOLVED, EARLY, ON_TIME, LATE -> {
				uri.queryParam("finishedFrom", from).queryParam("finishedTo", to).queryParam("status", "RETURNED");
				if (cell != Cell.RESOLVED) {
					uri.queryParam("timeliness", cell.name());
				}
			}
			case REFUSED -> uri.queryParam("finishedFrom", from).queryParam("finishedTo", to).queryParam("status",
					"REFUSED");
			case IN_PROGRESS, WITHIN_DEADLINE, OVERDUE -> uri.queryParam("status", "IN_PROGRESS");
			case HANDOFFS_LATE -> uri.queryParam("finishedFrom", from)
				.queryParam("finishedTo", to)
				.queryParam("stepTimeliness", "LATE");
			default -> uri.queryParam("receivedTo", to);
		}
		return uri.encode().build().toUriString();
	}

}
