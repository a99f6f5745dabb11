package vn.motcua.system;

import java.nio.file.Path;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.MotcuaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** Two real starts on the same file database: the second deploys nothing and duplicates no identity. */
class RestartTest {

	@TempDir
	Path data;

	@Test
	void anUnchangedRestartDeploysNothingNew() {
		long deployments;
		long definitions;
		long filters;
		try (ConfigurableApplicationContext first = start()) {
			RepositoryService repository = first.getBean(RepositoryService.class);
			deployments = repository.createDeploymentQuery().count();
			definitions = repository.createProcessDefinitionQuery().count();
			filters = first.getBean(org.camunda.bpm.engine.FilterService.class).createFilterQuery().count();
			assertThat(deployments).isOne();
			assertThat(definitions).isPositive();
		}
		try (ConfigurableApplicationContext second = start()) {
			RepositoryService repository = second.getBean(RepositoryService.class);
			assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
			assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
			assertThat(second.getBean(org.camunda.bpm.engine.FilterService.class).createFilterQuery().count())
				.isEqualTo(filters);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(MotcuaApplication.class).run(
				"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("motcua") + ";MODE=LEGACY",
				"--server.port=0", "--camunda.bpm.job-execution.enabled=false",
				"--camunda.bpm.generate-unique-process-engine-name=true");
	}

}
