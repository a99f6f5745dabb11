package vn.motcua.procedure;

import org.springframework.test.context.TestPropertySource;

/** Land-use-right transfer on the two-tier organisation (regional branch, grassroots tax office). */
@TestPropertySource(properties = { "motcua.organisation.file=classpath:organisation/two-tier-example.yaml",
		"spring.datasource.url=${motcua.test.postgres.two-tier:jdbc:h2:mem:two-tier;MODE=LEGACY;DB_CLOSE_DELAY=-1}" })
class TwoTierLandUseRightTransferTest extends LandUseRightTransferScenarios {

	@Override
	String commune() {
		return "xa-dong-tam";
	}

	@Override
	String landOffice() {
		return "cn-vpdkdd-khu-vuc-1";
	}

	@Override
	String taxOffice() {
		return "thue-co-so-1";
	}

}
