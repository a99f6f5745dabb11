package vn.motcua.errors;

import java.util.stream.Collectors;

import jakarta.servlet.ServletContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link EngineRestMappers} into the Jersey applications: Spring Boot's {@code /engine-rest}
 * (a customizer of its resource configuration) and the webapps' own applications, among them
 * {@code /camunda/api/engine}, which Tasklist and Cockpit call (the context parameter Jersey reads
 * as its providers). Outside the engine's REST API the mappers keep Camunda's answers.
 */
@Component
class EngineApiProviders implements ServletContextInitializer, ResourceConfigCustomizer {

	@Override
	public void customize(ResourceConfig config) {
		EngineRestMappers.ALL.forEach(mapper -> config.register(mapper, EngineRestMappers.PRIORITY));
	}

	static final String PROVIDERS = "jersey.config.server.provider.classnames";

	@Override
	public void onStartup(ServletContext context) {
		String mappers = EngineRestMappers.ALL.stream().map(Class::getName).collect(Collectors.joining(","));
		String existing = context.getInitParameter(PROVIDERS);
		context.setInitParameter(PROVIDERS, existing == null ? mappers : existing + "," + mappers);
	}

}
