package vn.motcua.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.MotcuaApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two real starts on one file database with a diagram deployed alone (as Modeler names it) and a
 * refused one in between: the second start keeps the designer's version, deploys nothing and reads
 * the completed deployment back without checking it again.
 */
class ModelerRestartTest {

	@TempDir
	Path data;

	@Test
	void aRestartKeepsTheDesignersVersionAndChangesNothing() throws Exception {
		String designers;
		long deployments;
		try (ConfigurableApplicationContext first = start()) {
			RepositoryService repository = first.getBean(RepositoryService.class);
			String birth = Files.readString(Path.of("processes/birth-registration.bpmn"))
				.replace("sourceExpression=\"${0.5}\" target=\"stepAllotment\"",
						"sourceExpression=\"${1.25}\" target=\"stepAllotment\"");
			designers = repository.createDeployment()
				.name("birth-registration")
				.source("Camunda Modeler")
				.enableDuplicateFiltering(false)
				.addInputStream("birth-registration.bpmn", new ByteArrayInputStream(birth.getBytes(StandardCharsets.UTF_8)))
				.deployWithResult()
				.getDeployedProcessDefinitions()
				.stream()
				.filter(definition -> definition.getKey().equals("birth-registration"))
				.findFirst()
				.orElseThrow()
				.getId();
			assertThatThrownBy(() -> repository.createDeployment()
				.name("birth-registration")
				.source("Camunda Modeler")
				.addInputStream("birth-registration.bpmn",
						new ByteArrayInputStream(birth.replace("${1.25}", "${0.02}").getBytes(StandardCharsets.UTF_8)))
				.deploy()).isInstanceOf(ParseException.class).hasMessageContaining("${0.02}");
			deployments = repository.createDeploymentQuery().count();
		}
		try (ConfigurableApplicationContext second = start()) {
			RepositoryService repository = second.getBean(RepositoryService.class);
			assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
			ProcessDefinition latest = repository.createProcessDefinitionQuery()
				.processDefinitionKey("birth-registration")
				.latestVersion()
				.singleResult();
			assertThat(latest.getId()).isEqualTo(designers);
			assertThat(repository.getBpmnModelInstance(latest.getId())).isNotNull();
			assertThat(repository.getDeploymentResourceNames(latest.getDeploymentId()))
				.anyMatch(name -> name.endsWith("birth-registration-intake.form"));
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(MotcuaApplication.class).run(
				"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("motcua") + ";MODE=LEGACY",
				"--server.port=0", "--camunda.bpm.job-execution.enabled=false",
				"--camunda.bpm.generate-unique-process-engine-name=true");
	}

}
