package vn.motcua.audit;

import java.math.BigDecimal;
import java.util.Date;

/**
 * One dossier as the audit area shows it (search results, exports, logbook, timeline header).
 * {@code stepOverdue}: one of its running steps (open, clock not stopped) was past its due
 * instant when the row was read.
 */
record DossierRow(String code, String procedureKey, String procedureName, String receivingUnit, String receivedBy,
		String applicantName, String applicantPhone, String applicantAddress, String channel,
		BigDecimal legalWorkingDays, Date receivedAt, Date originalDue, Date dueAt, String status, Date finishedAt,
		String timeliness, String refusalReason, String processInstanceId, boolean stepOverdue) {

	public boolean open() {
		return "IN_PROGRESS".equals(this.status) || "WAITING_CITIZEN".equals(this.status);
	}

	/**
	 * early / on-time / late for finished dossiers; for open ones overdue (past the appointment in
	 * force), step-overdue (a running step is past its due instant: {@code stepOverdue}, read at
	 * the same "now") or in-time.
	 */
	public String timelinessKey(Date now) {
		if (this.timeliness != null) {
			return this.timeliness.toLowerCase().replace('_', '-');
		}
		if (open()) {
			if (this.dueAt != null && this.dueAt.before(now)) {
				return "overdue";
			}
			return this.stepOverdue ? "step-overdue" : "in-time";
		}
		return "none";
	}

	public String statusKey() {
		return switch (this.status) {
			case "RETURNED" -> "returned";
			case "REFUSED" -> "refused";
			case "STOPPED" -> "stopped";
			case "WAITING_CITIZEN" -> "waiting";
			default -> "in-progress";
		};
	}

}
