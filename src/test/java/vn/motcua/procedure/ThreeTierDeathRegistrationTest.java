package vn.motcua.procedure;

/** Death registration on the three-tier demo organisation (province, district, commune). */
class ThreeTierDeathRegistrationTest extends DeathRegistrationScenarios {

	@Override
	String commune() {
		return "xa-an-binh";
	}

	@Override
	String police() {
		return "ca-xa-an-binh";
	}

	@Override
	String socialInsurance() {
		return "bhxh-bac-son";
	}

}
