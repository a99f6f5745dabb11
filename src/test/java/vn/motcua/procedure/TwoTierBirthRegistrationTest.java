package vn.motcua.procedure;

import org.springframework.test.context.TestPropertySource;

/** Birth registration on the two-tier organisation in force since 1/7/2025 (no district). */
@TestPropertySource(properties = { "motcua.organisation.file=classpath:organisation/two-tier-example.yaml",
		"spring.datasource.url=${motcua.test.postgres.two-tier:jdbc:h2:mem:two-tier;MODE=LEGACY;DB_CLOSE_DELAY=-1}" })
class TwoTierBirthRegistrationTest extends BirthRegistrationScenarios {

	@Override
	String commune() {
		return "xa-dong-tam";
	}

	@Override
	String police() {
		return "ca-xa-dong-tam";
	}

	@Override
	String socialInsurance() {
		return "bhxh-co-so-1";
	}

}
