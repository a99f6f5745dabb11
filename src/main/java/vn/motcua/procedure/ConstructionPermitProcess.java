package vn.motcua.procedure;

/**
 * Construction permit for an individual house: received at a commune desk, appraised by the unit
 * with the {@code construction-appraisal} function (the district in the three-tier organisation,
 * the commune itself in the two-tier one), decided by the unit with {@code construction-permit}
 * (the Department of Construction in both example files), returned through the commune desk.
 * Model {@code processes/construction-permit.bpmn}, documented in
 * {@code docs/procedures/construction-permit.md}.
 */
public final class ConstructionPermitProcess {

	public static final String KEY = "construction-permit";

	public static final String INTAKE_FORM = KEY + "-intake";


	/** Element ids. */
	public static final class Elements extends ProcedureElements {

		public static final String APPRAISE_PERMIT = "CallActivity_AppraisePermit";

		public static final String DECIDE_PERMIT = "CallActivity_DecidePermit";

		private Elements() {
		}

	}

	/** Step forms. */
	public static final class Forms {

		public static final String APPRAISAL = "construction-appraisal";

		public static final String DECISION = "construction-decision";

		private Forms() {
		}

	}

	/** Intake: the works. Strings; areas in m², height in m, floors a whole number. */
	public static final String CONSTRUCTION_ADDRESS = "constructionAddress";

	public static final String PARCEL_NUMBER = "parcelNumber";

	public static final String MAP_SHEET_NUMBER = "mapSheetNumber";

	public static final String LAND_CERTIFICATE_SERIAL = "landCertificateSerial";

	public static final String BUILDING_FOOTPRINT = "buildingFootprint";

	public static final String TOTAL_FLOOR_AREA = "totalFloorArea";

	public static final String FLOOR_COUNT = "floorCount";

	public static final String BUILDING_HEIGHT = "buildingHeight";

	/** Boolean. */
	public static final String HAS_BASEMENT = "hasBasement";

	/** Step {@code construction-appraisal}: conclusion {@code eligible} or {@code eligible-with-conditions}. */
	public static final String SITE_INSPECTED_ON = "siteInspectedOn";

	public static final String APPRAISAL_CONCLUSION = "appraisalConclusion";

	public static final String APPRAISAL_OPINION = "appraisalOpinion";

	/** Step {@code construction-decision}. */
	public static final String PERMIT_NUMBER = "permitNumber";

	public static final String PERMIT_ISSUED_ON = "permitIssuedOn";

	public static final String PERMIT_START_DEADLINE = "permitStartDeadline";

	public static final String PERMIT_CONDITIONS = "permitConditions";

	private ConstructionPermitProcess() {
	}

}
