package vn.motcua.organisation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;

import vn.motcua.MotcuaApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:identity;DB_CLOSE_DELAY=-1;MODE=LEGACY",
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
		"motcua.organisation.file=classpath:organisation/two-tier-example.yaml" })
class IdentitySetupTest {

	@Autowired
	IdentityService identity;

	@Autowired
	Organisation organisation;

	@Test
	void everyUnitBecomesOfficerAndSupervisorGroupsWithOneDemoAccountEach() {
		for (Unit unit : this.organisation.units()) {
			assertThat(this.identity.createGroupQuery().groupId(unit.officersGroup()).singleResult().getName())
				.isEqualTo("Cán bộ - " + unit.name());
			assertThat(this.identity.createUserQuery().memberOfGroup(unit.officersGroup()).list())
				.extracting(User::getId)
				.containsExactlyInAnyOrder(unit.code() + ".officer", unit.code() + ".supervisor");
			assertThat(this.identity.createUserQuery().memberOfGroup(unit.supervisorsGroup()).list())
				.extracting(User::getId)
				.containsExactly(unit.code() + ".supervisor");
		}
		assertThat(this.identity.createUserQuery().memberOfGroup("auditors").singleResult().getId()).isEqualTo("auditor");
		assertThat(this.identity.createUserQuery().memberOfGroup("designers").singleResult().getId()).isEqualTo("designer");
		assertThat(this.identity.createUserQuery().memberOfGroup("camunda-admin").singleResult().getId()).isEqualTo("admin");
		assertThat(this.identity.createGroupQuery().groupId("huyen-bac-son-officers").count())
			.as("the two-tier file has no district").isZero();
	}

	@Test
	void demoAccountsAreOffWithOneProperty() {
		try (var context = new SpringApplicationBuilder(MotcuaApplication.class)
			.run("--spring.datasource.url=jdbc:h2:mem:nodemo;DB_CLOSE_DELAY=-1;MODE=LEGACY", "--server.port=0",
					"--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true",
					"--motcua.organisation.demo-accounts=false")) {
			IdentityService identityService = context.getBean(IdentityService.class);
			assertThat(identityService.createUserQuery().count()).isZero();
			assertThat(identityService.createGroupQuery().groupId("xa-an-binh-officers").count()).isOne();
		}
	}

	@Test
	void aMalformedOrganisationFileStopsStartupWithAClearMessage() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(MotcuaApplication.class)
			.run("--spring.datasource.url=jdbc:h2:mem:broken;DB_CLOSE_DELAY=-1;MODE=LEGACY", "--server.port=0",
					"--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.generate-unique-process-engine-name=true",
					"--motcua.organisation.file=classpath:organisation/broken/unknown-parent.yaml")).rootCause()
			.isInstanceOf(OrganisationFileException.class)
			.hasMessageContaining("unknown-parent.yaml")
			.hasMessageContaining("unknown parent 'huyen-khong-co'");
	}

}
