package vn.motcua.procedure;

/** Birth registration on the three-tier demo organisation (province, district, commune). */
class ThreeTierBirthRegistrationTest extends BirthRegistrationScenarios {

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
