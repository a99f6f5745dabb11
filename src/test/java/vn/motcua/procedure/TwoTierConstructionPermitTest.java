package vn.motcua.procedure;

import org.springframework.test.context.TestPropertySource;

/** Construction permit on the two-tier organisation: appraised by the commune itself. */
@TestPropertySource(properties = { "motcua.organisation.file=classpath:organisation/two-tier-example.yaml",
		"spring.datasource.url=${motcua.test.postgres.two-tier:jdbc:h2:mem:two-tier;MODE=LEGACY;DB_CLOSE_DELAY=-1}" })
class TwoTierConstructionPermitTest extends ConstructionPermitScenarios {

	@Override
	String commune() {
		return "xa-dong-tam";
	}

	@Override
	String appraisalUnit() {
		return "xa-dong-tam";
	}

	@Override
	String permitUnit() {
		return "so-xay-dung";
	}

}
