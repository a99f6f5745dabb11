package vn.motcua.audit;

import java.math.BigDecimal;
import java.util.Date;

/** One dossier as the audit area shows it (search results, exports, logbook, timeline header). */
record DossierRow(String code, String procedureKey, String procedureName, String receivingUnit, String receivedBy,
		String applicantName, String applicantPhone, String applicantAddress, String channel,
		BigDecimal legalWorkingDays, Date receivedAt, Date originalDue, Date dueAt, String status, Date finishedAt,
		String timeliness, String refusalReason, String processInstanceId) {

	public boolean open() {
		return "IN_PROGRESS".equals(this.status) || "WAITING_CITIZEN".equals(this.status);
	}

	/** early / on-time / late for finished dossiers, overdue or in-time for open ones. */
	public String timelinessKey(Date now) {
		if (this.timeliness != null) {
			return this.timeliness.toLowerCase().replace('_', '-');
		}
		if (open()) {
			return this.dueAt != null && this.dueAt.before(now) ? "overdue" : "in-time";
		}
		return "none";
	}

	public String statusKey() {
		return switch (this.status) {
			case "RETURNED" -> "returned";
			case "REFUSED" -> "refused";
			case "WAITING_CITIZEN" -> "waiting";
			default -> "in-progress";
		};
	}

}
