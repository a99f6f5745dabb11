package vn.motcua.procedure;

/** Land-use-right transfer on the three-tier demo organisation (district branch of the land office). */
class ThreeTierLandUseRightTransferTest extends LandUseRightTransferScenarios {

	@Override
	String commune() {
		return "xa-an-binh";
	}

	@Override
	String landOffice() {
		return "cn-vpdkdd-bac-son";
	}

	@Override
	String taxOffice() {
		return "thue-tinh";
	}

}
