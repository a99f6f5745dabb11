package vn.motcua.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A performance report: one row per unit (or per procedure) and a total row, the flags and the
 * monthly trend of the on-time rate.
 */
public record Report(Period period, Scope scope, Grouping by, Instant asOf, boolean current, List<Row> rows,
		Figures total, List<UnitFlag> unitFlags, List<OfficialFlag> officialFlags, List<MonthPoint> trend,
		double lateRateThreshold, int lateOfficialThreshold) {

	/** What the rows are. */
	public enum Grouping {

		UNIT, PROCEDURE;

		public static Grouping parse(String text) {
			return "procedure".equalsIgnoreCase(text == null ? "" : text.trim()) ? PROCEDURE : UNIT;
		}

		public String param() {
			return this == UNIT ? "unit" : "procedure";
		}

	}

	/**
	 * @param key unit code or procedure key
	 * @param label unit or procedure name
	 * @param flagged the unit reached the late-rate threshold
	 */
	public record Row(String key, String label, Figures figures, boolean flagged) {
	}

	/** A unit whose late rate (dossiers it received) or late-step share (its own steps) reached the threshold. */
	public record UnitFlag(String code, String name, Double lateRate, Double handoffLateShare, boolean byLateRate,
			boolean byHandoffs) {
	}

	/** An official who caused late dossiers at least the threshold number of times in the year. */
	public record OfficialFlag(String userId, long lateHandoffs, long breaches, long times, int year) {
	}

	/** Dossiers returned in one month. */
	public record MonthPoint(YearMonth month, long early, long onTime, long late) {

		public long resolved() {
			return this.early + this.onTime + this.late;
		}

		public Double onTimeRate() {
			return resolved() == 0 ? null : (double) (this.early + this.onTime) / resolved();
		}

	}

}
