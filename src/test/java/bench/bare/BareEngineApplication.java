package bench.bare;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The baseline of the throughput benchmark: a bare Camunda 7.24 application on the same Spring
 * Boot, the same starters and the same HTTP Basic filter on {@code /engine-rest}, with authorization
 * on, full history and an H2 file database, running {@code bench/bare-dossier.bpmn}. Three accounts
 * ({@code desk}, {@code police}, {@code insurance}, password {@code demo}) in groups of the same
 * names. Test code only; started by {@code ThroughputBenchmark}.
 */
@SpringBootApplication(exclude = FlywayAutoConfiguration.class)
public class BareEngineApplication {

	static final List<String> GROUPS = List.of("desk", "police", "insurance");

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(BareEngineApplication.class);
		app.setDefaultProperties(java.util.Map.of("spring.config.name", "bare-engine",
				"camunda.bpm.history-level", "full", "camunda.bpm.authorization.enabled", "true",
				"camunda.bpm.database.schema-update", "true", "camunda.bpm.auto-deployment-enabled", "false",
				"camunda.bpm.job-execution.enabled", "true", "camunda.bpm.webapp.index-redirect-enabled", "false",
				"spring.datasource.username", "sa", "camunda.bpm.generic-properties.properties.history-time-to-live",
				"P3650D"));
		app.run(args);
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setName("camunda-rest-authentication");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	@Bean
	SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll()).csrf(csrf -> csrf.disable()).build();
	}

	@EventListener(ApplicationReadyEvent.class)
	void setUp(ApplicationReadyEvent event) throws Exception {
		var context = event.getApplicationContext();
		IdentityService identity = context.getBean(IdentityService.class);
		AuthorizationService authorizations = context.getBean(AuthorizationService.class);
		RepositoryService repository = context.getBean(RepositoryService.class);
		for (String name : GROUPS) {
			if (identity.createGroupQuery().groupId(name).count() == 0) {
				Group group = identity.newGroup(name);
				group.setName(name);
				identity.saveGroup(group);
				User user = identity.newUser(name);
				user.setPassword("demo");
				identity.saveUser(user);
				identity.createMembership(name, name);
				grant(authorizations, name, Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.CREATE_INSTANCE,
						Permissions.READ_INSTANCE);
				grant(authorizations, name, Resources.PROCESS_INSTANCE, Permissions.CREATE);
			}
		}
		try (var dossier = new ClassPathResource("bench/bare-dossier.bpmn").getInputStream();
				var step = new ClassPathResource("bench/bare-step.bpmn").getInputStream()) {
			repository.createDeployment()
				.name("bare")
				.enableDuplicateFiltering(true)
				.addInputStream("bare-dossier.bpmn", dossier)
				.addInputStream("bare-step.bpmn", step)
				.deploy();
		}
	}

	private static void grant(AuthorizationService authorizations, String group, Resources resource,
			Permissions... permissions) {
		Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		a.setGroupId(group);
		a.setResource(resource);
		a.setResourceId("*");
		for (Permissions p : permissions) {
			a.addPermission(p);
		}
		authorizations.saveAuthorization(a);
	}

}
