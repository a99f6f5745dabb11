package vn.motcua.reports;

import java.util.List;
import java.util.function.Function;

/**
 * A column of the official layout, shared by the page, the exports and the JSON API.
 *
 * @param group message key of the grouped header ({@code reports.group.*})
 * @param key message key suffix of the column ({@code reports.col.*}) and JSON name
 * @param cell the countable figure, or null for a rate
 * @param rate the rate, for rate columns
 */
record Column(String group, String key, Cell cell, Function<Figures, Double> rate) {

	static final List<Column> ALL = List.of(count("received", "total", Cell.TOTAL),
			count("received", "carried", Cell.CARRIED), count("received", "received-online", Cell.RECEIVED_ONLINE),
			count("received", "received-in-person", Cell.RECEIVED_IN_PERSON),
			count("received", "received-postal", Cell.RECEIVED_POSTAL), count("resolved", "resolved", Cell.RESOLVED),
			count("resolved", "early", Cell.EARLY), count("resolved", "on-time", Cell.ON_TIME),
			count("resolved", "late", Cell.LATE), count("refused", "refused", Cell.REFUSED),
			count("stopped", "stopped", Cell.STOPPED),
			count("in-progress", "in-progress", Cell.IN_PROGRESS),
			count("in-progress", "within-deadline", Cell.WITHIN_DEADLINE),
			count("in-progress", "overdue", Cell.OVERDUE), count("came-due", "came-due", Cell.CAME_DUE),
			rate("rate", "on-time-rate", Figures::onTimeRate), rate("rate", "due-rate", Figures::dueRate),
			count("handoffs", "handoffs", Cell.HANDOFFS), count("handoffs", "handoffs-late", Cell.HANDOFFS_LATE),
			rate("handoffs", "handoff-late-share", Figures::handoffLateShare));

	static Column count(String group, String key, Cell cell) {
		return new Column(group, key, cell, null);
	}

	static Column rate(String group, String key, Function<Figures, Double> rate) {
		return new Column(group, key, null, rate);
	}

	boolean isRate() {
		return this.cell == null;
	}

	/** The value: a count (Long) or a rate (Double, null when undefined). */
	Object value(Figures figures) {
		return isRate() ? this.rate.apply(figures) : (Object) figures.get(this.cell);
	}

	/** The grouped header: each group with the number of columns it spans, in order. */
	static List<Group> groups() {
		List<Group> groups = new java.util.ArrayList<>();
		for (Column column : ALL) {
			if (!groups.isEmpty() && groups.get(groups.size() - 1).key().equals(column.group())) {
				Group last = groups.remove(groups.size() - 1);
				groups.add(new Group(last.key(), last.span() + 1));
			}
			else {
				groups.add(new Group(column.group(), 1));
			}
		}
		return groups;
	}

	record Group(String key, int span) {
	}

}
