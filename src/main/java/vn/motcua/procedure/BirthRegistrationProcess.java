package vn.motcua.procedure;

/**
 * Birth registration + permanent residence registration + health-insurance card for a child
 * under 6 (liên thông, Decree 63/2024/NĐ-CP). Model {@code processes/birth-registration.bpmn}.
 */
public final class BirthRegistrationProcess {

	public static final String KEY = "birth-registration";

	public static final String INTAKE_FORM = KEY + "-intake";


	/** Element ids. */
	public static final class Elements extends ProcedureElements {

		public static final String REGISTER_BIRTH = "CallActivity_RegisterBirth";

		public static final String REGISTER_RESIDENCE = "CallActivity_RegisterResidence";

		public static final String ISSUE_HEALTH_INSURANCE = "CallActivity_IssueHealthInsurance";

		private Elements() {
		}

	}

	/** Procedure-specific variables (intake form). */
	public static final String CHILD_NAME = "childName";

	public static final String CHILD_BIRTH_DATE = "childBirthDate";

	public static final String CHILD_SEX = "childSex";

	public static final String BIRTHPLACE = "birthplace";

	public static final String FATHER_NAME = "fatherName";

	public static final String MOTHER_NAME = "motherName";

	private BirthRegistrationProcess() {
	}

}
