package vn.motcua.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The definitions of docs/reports.md applied in plain Java to every row of {@code dossier} and
 * {@code handoff}: the reference the report must agree with.
 */
final class NaiveCount {

	record D(String code, String unit, String procedure, String channel, Instant received, Instant legalDue,
			Instant finished, String status, String timeliness) {
	}

	record H(String dossier, String toUnit, String procedure, Instant finished, String outcome) {
	}

	final List<D> dossiers;

	final List<H> handoffs;

	NaiveCount(JdbcTemplate jdbc) {
		this.dossiers = jdbc.query("select * from dossier", (rs, i) -> new D(rs.getString("code"),
				rs.getString("receiving_unit"), rs.getString("procedure_key"), rs.getString("channel"),
				instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("legal_due")),
				instant(rs.getTimestamp("finished_at")), rs.getString("status"), rs.getString("timeliness")));
		this.handoffs = jdbc.query(
				"select h.*, d.procedure_key from handoff h join dossier d on d.code = h.dossier_code",
				(rs, i) -> new H(rs.getString("dossier_code"), rs.getString("to_unit"), rs.getString("procedure_key"),
						instant(rs.getTimestamp("finished_at")), rs.getString("outcome")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	/**
	 * The value of {@code cell} for the dossiers received by (or steps handled by) units in
	 * {@code units} (null: all) and procedure {@code procedure} (null: all).
	 */
	long count(Cell cell, Period period, Instant now, Set<String> units, String procedure) {
		Instant start = period.start();
		Instant end = period.end();
		Instant asOf = period.asOf(now);
		boolean current = period.isCurrent(now);
		if (cell.countsHandoffs()) {
			return this.handoffs.stream()
				.filter(h -> units == null || units.contains(h.toUnit()))
				.filter(h -> procedure == null || procedure.equals(h.procedure()))
				.filter(h -> h.finished() != null && !h.finished().isBefore(start) && h.finished().isBefore(end))
				.filter(h -> cell == Cell.HANDOFFS || "LATE".equals(h.outcome()))
				.count();
		}
		Predicate<D> received = d -> !d.received().isBefore(start) && d.received().isBefore(end);
		Predicate<D> carried = d -> d.received().isBefore(start)
				&& (d.finished() == null || !d.finished().isBefore(start));
		Predicate<D> finishedIn = d -> d.finished() != null && !d.finished().isBefore(start) && d.finished().isBefore(end);
		Predicate<D> resolved = finishedIn.and(d -> !"REFUSED".equals(d.status()) && !"STOPPED".equals(d.status()));
		Predicate<D> open = current ? d -> d.finished() == null && d.received().isBefore(asOf)
				: d -> d.received().isBefore(asOf) && (d.finished() == null || !d.finished().isBefore(asOf));
		Predicate<D> test = switch (cell) {
			case CARRIED -> carried;
			case RECEIVED -> received;
			case RECEIVED_ONLINE -> received.and(d -> "online".equals(d.channel()));
			case RECEIVED_POSTAL -> received.and(d -> "postal".equals(d.channel()));
			case RECEIVED_IN_PERSON -> received.and(d -> !"online".equals(d.channel()) && !"postal".equals(d.channel()));
			case TOTAL -> carried.or(received);
			case RESOLVED -> resolved;
			case EARLY -> resolved.and(d -> "EARLY".equals(d.timeliness()));
			case ON_TIME -> resolved.and(d -> "ON_TIME".equals(d.timeliness()));
			case LATE -> resolved.and(d -> !"EARLY".equals(d.timeliness()) && !"ON_TIME".equals(d.timeliness()));
			case REFUSED -> finishedIn.and(d -> "REFUSED".equals(d.status()));
			case STOPPED -> finishedIn.and(d -> "STOPPED".equals(d.status()));
			case IN_PROGRESS -> open;
			case WITHIN_DEADLINE -> open.and(d -> !d.legalDue().isBefore(asOf));
			case OVERDUE -> open.and(d -> d.legalDue().isBefore(asOf));
			case CAME_DUE -> d -> !"REFUSED".equals(d.status()) && !"STOPPED".equals(d.status()) && !d.legalDue().isBefore(start)
					&& d.legalDue().isBefore(end);
			case HANDOFFS, HANDOFFS_LATE -> throw new IllegalStateException();
		};
		return this.dossiers.stream()
			.filter(d -> units == null || units.contains(d.unit()))
			.filter(d -> procedure == null || procedure.equals(d.procedure()))
			.filter(test)
			.count();
	}

}
