package vn.motcua.deadline;

import java.time.LocalDateTime;

/**
 * A computed deadline, in local date-times of the calendar's zone (Asia/Ho_Chi_Minh).
 *
 * @param start when the dossier was received
 * @param effectiveStart where counting starts (the next opening if {@code start} is outside
 * office hours or, for same-day steps, after the cut-off)
 * @param due where the office time runs out
 * @param workingDays the allotment in working days
 * @param provisional whether a year used has no official schedule yet (computed from the
 * Labour Code)
 */
public record Deadline(LocalDateTime start, LocalDateTime effectiveStart, LocalDateTime due, double workingDays,
		boolean provisional) {
}
