package vn.motcua.portal;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a citizen may see of a dossier: no identity number, phone, address or official's account.
 *
 * @param code the dossier code
 * @param procedure the procedure's name
 * @param applicant the applicant's name with all but the family name reduced to initials
 * @param receivingUnit the unit whose desk received it
 * @param receivedAt when it was received
 * @param appointment the appointment in force
 * @param rescheduled whether the appointment was moved by an apology letter (form 04)
 * @param status {@code IN_PROGRESS}, {@code WAITING_CITIZEN}, {@code REFUSED} or {@code RETURNED}
 * @param timeliness {@code EARLY}, {@code ON_TIME} or {@code LATE} once finished
 * @param finishedAt when the result was returned or the dossier refused
 * @param currentSteps the steps being handled now
 * @param supplements while waiting for the citizen: what to bring, to whom and by when (form 02)
 * @param refusalReason the reason of the refusal (form 03), once refused
 */
record DossierStatusView(String code, String procedure, String applicant, String receivingUnit,
		LocalDateTime receivedAt, LocalDateTime appointment, boolean rescheduled, String status, String timeliness,
		LocalDateTime finishedAt, List<Step> currentSteps, List<Supplement> supplements, String refusalReason) {

	/**
	 * A supplement the citizen has to bring.
	 *
	 * @param items the documents or corrections asked for, as the official wrote them
	 * @param unit the unit that asked for them
	 * @param bringBy the last instant to bring them; afterwards the dossier is refused
	 */
	record Supplement(String items, String unit, LocalDateTime bringBy) {
	}

	/**
	 * A step being handled.
	 *
	 * @param name the step
	 * @param unit the unit handling it
	 * @param due the step's due instant
	 */
	record Step(String name, String unit, LocalDateTime due) {
	}

	/** "Nguyễn Thị Lan" becomes "Nguyễn T. L.". */
	static String mask(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		String[] parts = name.trim().split("\\s+");
		StringBuilder masked = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			masked.append(' ').append(parts[i].codePoints().limit(1).collect(StringBuilder::new,
					StringBuilder::appendCodePoint, StringBuilder::append)).append('.');
		}
		return masked.toString();
	}

}
