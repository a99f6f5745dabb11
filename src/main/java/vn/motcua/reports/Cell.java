package vn.motcua.reports;

import java.util.Locale;

/** A countable figure of the report: each has a drill-down to the dossiers behind it. */
public enum Cell {

	TOTAL, CARRIED, RECEIVED, RECEIVED_ONLINE, RECEIVED_IN_PERSON, RECEIVED_POSTAL, RESOLVED, EARLY, ON_TIME, LATE,
	REFUSED, STOPPED, IN_PROGRESS, WITHIN_DEADLINE, OVERDUE, CAME_DUE, HANDOFFS, HANDOFFS_LATE;

	/** Name in URLs: {@code received-online}. */
	public String param() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Cell parse(String param) {
		try {
			return valueOf(param.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new BadReportRequest("errors.report.cell", "cell", param);
		}
	}

	/** Whether the cell counts steps (handoffs) rather than dossiers. */
	public boolean countsHandoffs() {
		return this == HANDOFFS || this == HANDOFFS_LATE;
	}

}
