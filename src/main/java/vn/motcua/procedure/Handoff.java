package vn.motcua.procedure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Date;

/**
 * One row of the control sheet (form 05): a step handed from one unit to another, with its due
 * instant, when and by whom it finished, and how (EARLY / ON_TIME / LATE).
 */
public record Handoff(long id, String dossierCode, String stepInstanceId, String stepElement, String stepName,
		String function, String fromUnit, String toUnit, Date sentAt, Date receivedAt, Date dueAt,
		BigDecimal allottedDays, Date remindedAt, Date finishedAt, String finishedBy, BigDecimal workingDaysUsed,
		String outcome, String stepOutcome, Date pausedAt, Duration stepTimeLeft, Duration pausedOfficeTime,
		BigDecimal pausedWorkingDays) {

	public boolean open() {
		return this.finishedAt == null;
	}

}
