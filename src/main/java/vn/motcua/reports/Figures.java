package vn.motcua.reports;

/**
 * The figures of one report row; see {@code docs/reports.md} for their exact definitions.
 *
 * @param carriedOver received before the period and not finished before it
 * @param receivedOnline received in the period online
 * @param receivedInPerson received in the period at the desk
 * @param receivedPostal received in the period by post
 * @param early returned in the period before the legal due day
 * @param onTime returned in the period on the legal due day, not after the due instant
 * @param late returned in the period after the legal due instant
 * @param refused refused in the period (resolved, outside the on-time rate)
 * @param stopped stopped at the applicant's request in the period (form 05): finished without a
 *        result, neither resolved nor refused, outside the on-time rate
 * @param withinDeadline not finished at the as-of instant, legal due not yet passed
 * @param overdue not finished at the as-of instant, legal due passed
 * @param cameDue legal due in the period, resolved or not (refused and stopped dossiers apart)
 * @param handoffs steps of this unit finished in the period
 * @param handoffsLate steps of this unit finished in the period after their step due
 */
public record Figures(long carriedOver, long receivedOnline, long receivedInPerson, long receivedPostal, long early,
		long onTime, long late, long refused, long stopped, long withinDeadline, long overdue, long cameDue, long handoffs,
		long handoffsLate) {

	public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	public long received() {
		return this.receivedOnline + this.receivedInPerson + this.receivedPostal;
	}

	/** Total to process: carried over plus newly received. */
	public long total() {
		return this.carriedOver + received();
	}

	/** Returned with a result: early + on time + late (refusals are a column of their own). */
	public long resolved() {
		return this.early + this.onTime + this.late;
	}

	public long inProgress() {
		return this.withinDeadline + this.overdue;
	}

	/** (early + on time) / resolved, null when nothing was resolved. */
	public Double onTimeRate() {
		return resolved() == 0 ? null : (double) (this.early + this.onTime) / resolved();
	}

	/**
	 * (early + on time) / came due, the rate of the seed report (16,325 / 17,612 = 92.69 %), null
	 * when nothing came due. Early returns of dossiers due in a later period count in the numerator.
	 */
	public Double dueRate() {
		return this.cameDue == 0 ? null : (double) (this.early + this.onTime) / this.cameDue;
	}

	/** late / resolved, null when nothing was resolved. */
	public Double lateRate() {
		return resolved() == 0 ? null : (double) this.late / resolved();
	}

	/** Late steps of this unit / its finished steps, null without steps. */
	public Double handoffLateShare() {
		return this.handoffs == 0 ? null : (double) this.handoffsLate / this.handoffs;
	}

	public Figures plus(Figures o) {
		return new Figures(this.carriedOver + o.carriedOver, this.receivedOnline + o.receivedOnline,
				this.receivedInPerson + o.receivedInPerson, this.receivedPostal + o.receivedPostal, this.early + o.early,
				this.onTime + o.onTime, this.late + o.late, this.refused + o.refused,
				this.stopped + o.stopped,
				this.withinDeadline + o.withinDeadline, this.overdue + o.overdue, this.cameDue + o.cameDue,
				this.handoffs + o.handoffs,
				this.handoffsLate + o.handoffsLate);
	}

	/** The value of a countable cell. */
	public long get(Cell cell) {
		return switch (cell) {
			case CARRIED -> this.carriedOver;
			case RECEIVED -> received();
			case RECEIVED_ONLINE -> this.receivedOnline;
			case RECEIVED_IN_PERSON -> this.receivedInPerson;
			case RECEIVED_POSTAL -> this.receivedPostal;
			case TOTAL -> total();
			case RESOLVED -> resolved();
			case EARLY -> this.early;
			case ON_TIME -> this.onTime;
			case LATE -> this.late;
			case REFUSED -> this.refused;
			case STOPPED -> this.stopped;
			case IN_PROGRESS -> inProgress();
			case WITHIN_DEADLINE -> this.withinDeadline;
			case OVERDUE -> this.overdue;
			case CAME_DUE -> this.cameDue;
			case HANDOFFS -> this.handoffs;
			case HANDOFFS_LATE -> this.handoffsLate;
		};
	}

}
