package vn.motcua.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
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

	@Autowired
	IdentitySetup setup;

	@Autowired
	FilterService filters;

	@Autowired
	TaskService tasks;

	@Autowired
	AuthorizationService authorizations;

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
	void theFiltersOfAnExistingDatabaseAreBroughtUpToDateAtRestart() throws Exception {
		Unit unit = this.organisation.units().iterator().next();
		Filter work = filter(unit, "Việc của đơn vị");
		// as an earlier version stored them: no dossier variables on the cards, no supervisors' filter
		work.setProperties(new HashMap<>(Map.of("description", "cũ", "priority", -10, "variables",
				List.of(Map.of("name", "deadlineNote", "label", "Thời hạn")))));
		work.setQuery(this.tasks.createTaskQuery().taskCandidateGroup(unit.officersGroup()));
		this.filters.saveFilter(work);
		this.filters.deleteFilter(filter(unit, "Cần đôn đốc").getId());

		this.setup.run(null); // what every startup runs

		Filter updated = filter(unit, "Việc của đơn vị");
		assertThat(updated.getId()).as("the same filter, updated").isEqualTo(work.getId());
		assertThat(updated.getProperties()).containsEntry("description", "Hồ sơ đang chờ " + unit.name() + " xử lý")
			.containsEntry("motcuaVersion", IdentitySetup.FILTERS_VERSION);
		assertThat(cardVariables(updated)).containsExactly("dossierCode", "procedureName", "applicantName",
				"stepDueText", "stepAlert", "deadlineNote");
		assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) updated.getQuery()).getCandidateGroups())
			.containsExactlyInAnyOrder(unit.officersGroup(), unit.supervisorsGroup());
		Filter chase = filter(unit, "Cần đôn đốc");
		assertThat(cardVariables(chase)).contains("dossierCode", "stepAlert");
		assertThat(this.authorizations.isUserAuthorized(unit.code() + ".supervisor",
				List.of(unit.supervisorsGroup(), unit.officersGroup()), Permissions.READ,
				Resources.FILTER, chase.getId())).isTrue();
		assertThat(this.authorizations.isUserAuthorized(unit.code() + ".officer",
				List.of(unit.officersGroup()), Permissions.READ,
				Resources.FILTER, chase.getId())).as("supervisors only").isFalse();
		// every unit's filters carry the cards; a second start changes nothing
		for (Unit each : this.organisation.units()) {
			for (String name : List.of("Việc của đơn vị", "Sắp đến hạn", "Quá hạn", "Cần đôn đốc")) {
				assertThat(cardVariables(filter(each, name))).as(each.code() + " " + name).contains("dossierCode",
						"applicantName", "procedureName", "stepDueText");
			}
		}
		this.setup.run(null);
		assertThat(this.filters.createFilterQuery().filterName("Cần đôn đốc").count())
			.isEqualTo(this.organisation.units().size());
	}

	private Filter filter(Unit unit, String name) {
		return this.filters.createFilterQuery().filterName(name).filterOwner(unit.officersGroup()).singleResult();
	}

	@SuppressWarnings("unchecked")
	private static List<String> cardVariables(Filter filter) {
		return ((List<Map<String, Object>>) filter.getProperties().get("variables")).stream()
			.map(v -> (String) v.get("name"))
			.toList();
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
