package vn.motcua.procedure;

/** The called process of every step of every procedure: one agency, one handoff. */
public final class AgencyStepProcess {

	public static final String KEY = "agency-step";

	/**
	 * The error code the step raises when its agency refuses it (form 03), the only BPMN error of
	 * the models: the error end events of {@code agency-step} throw it and every procedure catches
	 * it on the boundary of its steps (the guard checks both).
	 */
	public static final String DOSSIER_REFUSED = "DOSSIER_REFUSED";

	/** Element ids. */
	public static final class Elements {

		public static final String RECEIVE_HANDOFF = "Task_ReceiveHandoff";

		public static final String HANDLE_STEP = "Task_HandleStep";

		public static final String WARNING = "BoundaryEvent_StepWarning";

		public static final String BREACH = "BoundaryEvent_StepBreach";

		public static final String RESOLVE_BREACH = "Task_ResolveBreach";

		public static final String FINISH_STEP = "Task_FinishStep";

		public static final String REQUEST_SUPPLEMENT = "Task_RequestSupplement";

		public static final String RECEIVE_SUPPLEMENT = "Task_ReceiveSupplement";

		public static final String SUPPLEMENT_OVERDUE = "BoundaryEvent_SupplementOverdue";

		public static final String RESUME_CLOCK = "Task_ResumeClock";

		public static final String REFUSE = "Task_RefuseDossier";

		private Elements() {
		}

	}

	/** Inputs of the call activity. */
	public static final String STEP_FUNCTION = "stepFunction";

	public static final String STEP_ALLOTMENT = "stepAllotment";

	public static final String STEP_FORM = "stepForm";

	public static final String STEP_SAME_DAY = "stepSameDay";

	/**
	 * Set by {@code receiveHandoffDelegate}. {@code stepName} is the name of the calling call
	 * activity in the procedure model (the name of {@code Task_HandleStep}).
	 */
	public static final String STEP_NAME = "stepName";

	public static final String STEP_UNIT = "stepUnit";

	public static final String STEP_DUE = "stepDue";

	public static final String STEP_WARNING_AT = "stepWarningAt";

	public static final String HANDOFF_ID = "handoffId";

	/** The citizen's window to supplement. Date. */
	public static final String SUPPLEMENT_DUE = "supplementDue";

	/** Step forms. */
	public static final String STEP_OUTCOME = "stepOutcome";

	public static final String SUPPLEMENT_ITEMS = "supplementItems";

	public static final String REFUSAL_REASON = DossierVariables.REFUSAL_REASON;

	/** Who completed the step task (set by {@code stepOutcomeGuard}). */
	public static final String STEP_FINISHED_BY = "stepFinishedBy";

	/** Values of {@link #STEP_OUTCOME}. */
	public static final String DONE = "done";

	public static final String SUPPLEMENT = "supplement";

	public static final String REFUSE = "refuse";

	private AgencyStepProcess() {
	}

}
