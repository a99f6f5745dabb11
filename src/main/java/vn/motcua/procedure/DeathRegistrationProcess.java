package vn.motcua.procedure;

/**
 * Death registration + removal of permanent residence + funeral allowance (liên thông group 2,
 * Decree 63/2024/NĐ-CP). The citizen picks which procedures go with the death registration; the
 * model forks them with an inclusive gateway on the intake checkboxes. Model
 * {@code processes/death-registration.bpmn}, documented in {@code docs/procedures/death-registration.md}.
 */
public final class DeathRegistrationProcess {

	public static final String KEY = "death-registration";

	public static final String INTAKE_FORM = KEY + "-intake";


	/** Element ids. */
	public static final class Elements extends ProcedureElements {

		public static final String REGISTER_DEATH = "CallActivity_RegisterDeath";

		public static final String PROCEDURES_REQUESTED = "Gateway_ProceduresRequested";

		public static final String REMOVE_RESIDENCE = "CallActivity_RemoveResidence";

		public static final String SETTLE_FUNERAL_ALLOWANCE = "CallActivity_SettleFuneralAllowance";

		public static final String GRANT_FUNERAL_SUPPORT = "CallActivity_GrantFuneralSupport";

		public static final String PROCEDURES_SETTLED = "Gateway_ProceduresSettled";

		private Elements() {
		}

	}

	/** Step forms. */
	public static final class Forms {

		public static final String CIVIL_STATUS = "death-civil-status";

		public static final String RESIDENCE_REMOVAL = "death-residence-removal";

		public static final String FUNERAL_ALLOWANCE = "death-funeral-allowance";

		public static final String FUNERAL_SUPPORT = "death-funeral-support";

		private Forms() {
		}

	}

	/** Intake: relationship of the applicant to the deceased. String. */
	public static final String RELATIONSHIP_TO_DECEASED = "relationshipToDeceased";

	public static final String DECEASED_NAME = "deceasedName";

	/** 12-digit personal identification number (CCCD) of the deceased. String. */
	public static final String DECEASED_ID_NUMBER = "deceasedIdNumber";

	/** ISO date. String. */
	public static final String DECEASED_BIRTH_DATE = "deceasedBirthDate";

	/** ISO date. String. */
	public static final String DEATH_DATE = "deathDate";

	public static final String DEATH_PLACE = "deathPlace";

	public static final String DEATH_CAUSE = "deathCause";

	public static final String DEATH_NOTICE_NUMBER = "deathNoticeNumber";

	/** Intake: the citizen asks to remove the permanent residence (police). Boolean. */
	public static final String REQUEST_RESIDENCE_REMOVAL = "requestResidenceRemoval";

	/** Intake: the citizen asks for the social-insurance funeral allowance. Boolean. */
	public static final String REQUEST_FUNERAL_ALLOWANCE = "requestFuneralAllowance";

	/** Intake: the citizen asks for the commune's social-assistance funeral support. Boolean. */
	public static final String REQUEST_FUNERAL_SUPPORT = "requestFuneralSupport";

	/** 10-digit social-insurance number of the deceased, when the allowance is requested. String. */
	public static final String DECEASED_INSURANCE_NUMBER = "deceasedInsuranceNumber";

	/** Step {@code death-civil-status}. Strings; the date is ISO. */
	public static final String DEATH_EXTRACT_NUMBER = "deathExtractNumber";

	public static final String DEATH_REGISTER_ENTRY = "deathRegisterEntry";

	public static final String DEATH_REGISTERED_ON = "deathRegisteredOn";

	/** Step {@code death-residence-removal}. */
	public static final String RESIDENCE_REMOVED_ON = "residenceRemovedOn";

	public static final String RESIDENCE_REMOVAL_NOTE = "residenceRemovalNote";

	/** Step {@code death-funeral-allowance}; the amount is a number of đồng. */
	public static final String FUNERAL_ALLOWANCE_DECISION = "funeralAllowanceDecision";

	public static final String FUNERAL_ALLOWANCE_AMOUNT = "funeralAllowanceAmount";

	public static final String FUNERAL_ALLOWANCE_PAID_FROM = "funeralAllowancePaidFrom";

	/** Step {@code death-funeral-support}; the amount is a number of đồng. */
	public static final String FUNERAL_SUPPORT_DECISION = "funeralSupportDecision";

	public static final String FUNERAL_SUPPORT_AMOUNT = "funeralSupportAmount";

	private DeathRegistrationProcess() {
	}

}
