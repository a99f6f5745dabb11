package vn.motcua.procedure;

/** Construction permit on the three-tier demo organisation: appraised by the district. */
class ThreeTierConstructionPermitTest extends ConstructionPermitScenarios {

	@Override
	String commune() {
		return "xa-an-binh";
	}

	@Override
	String appraisalUnit() {
		return "huyen-bac-son";
	}

	@Override
	String permitUnit() {
		return "so-xay-dung";
	}

}
