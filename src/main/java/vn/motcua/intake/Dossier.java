package vn.motcua.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/**
 * One dossier (hồ sơ) as stored in table {@code dossier}.
 *
 * @param originalDue the appointment printed on the receipt (form 01)
 * @param legalDue the original appointment extended by the time the clock was stopped
 * @param due the appointment in force (legal due, or the new date of the apology, form 04)
 * @param pausedAt when the dossier clock was stopped, null while it runs
 * @param officeTimeLeft office time left when the clock was stopped
 * @param procedureCode the procedure code (mã TTHC) of the catalogue entry in force at receipt
 */
public record Dossier(String code, String processInstanceId, String procedureKey, String procedureName,
		int procedureVersion, String receivingUnit, String receivedBy, String applicantName, String applicantIdNumber,
		String applicantPhone, String applicantEmail, String applicantAddress, String channel, List<String> documents,
		BigDecimal legalWorkingDays, Date receivedAt, Date originalDue, Date legalDue, Date due, DossierStatus status,
		Date finishedAt, Timeliness timeliness, String refusalReason, Date pausedAt, Duration officeTimeLeft,
		String procedureCode) {

	public boolean clockPaused() {
		return this.pausedAt != null;
	}

}
