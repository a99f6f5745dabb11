package vn.motcua.errors;

import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The JAX-RS exception mappers (and the check of ids before a resource acts) of both mounts of the engine's REST API ({@code /engine-rest} and
 * the webapps' {@code /camunda/api/engine}). One per exception type for which Camunda registers
 * its own, so that each is at least as close to the exception and wins by {@link #PRIORITY}; all
 * hand the exception to {@link EngineRestAnswers}. {@link Discovery}, listed in
 * {@code META-INF/services}, registers them in every Jersey application, Spring Boot's
 * {@code /engine-rest} as well as the webapps' own; outside the engine's REST API they keep
 * Camunda's answers. Public with public constructors because Jersey instantiates them.
 */
public final class EngineRestMappers {

	/** Higher than Camunda's own mappers, which have the default priority. */
	static final int PRIORITY = 100;

	static final List<Class<?>> ALL = List.of(ForThrowable.class, ForWebApplication.class, ForProcessEngine.class,
			ForRest.class, ForJsonMapping.class, ForJsonParse.class, UnseenIds.class);

	private EngineRestMappers() {
	}

	/** Jersey's discovery of components: registers the mappers in each application it starts. */
	public static final class Discovery implements ForcedAutoDiscoverable {

		@Override
		public void configure(FeatureContext context) {
			ALL.forEach(mapper -> {
				if (!context.getConfiguration().isRegistered(mapper)) {
					context.register(mapper, PRIORITY);
				}
			});
		}

	}

	/**
	 * Finds the Spring bean through the servlet context the Jersey application runs in. An application
	 * without it (another application on the same class path, such as the benchmark's bare engine) gets
	 * the exception's own response, or a plain 500.
	 */
	abstract static class Base {

		@Context
		ServletContext servletContext;

		EngineRestAnswers answers;

		Response answer(Throwable ex) {
			EngineRestAnswers found = answers();
			if (found != null) {
				return found.respond(ex);
			}
			return ex instanceof WebApplicationException web ? web.getResponse()
					: Response.serverError().entity(ex.getClass().getSimpleName()).build();
		}

		EngineRestAnswers answers() {
			if (this.answers == null) {
				this.answers = WebApplicationContextUtils.getRequiredWebApplicationContext(this.servletContext)
					.getBeanProvider(EngineRestAnswers.class)
					.getIfAvailable();
			}
			return this.answers;
		}

	}

	/** An id the caller cannot see is answered before the resource acts on it. */
	@Priority(Priorities.AUTHORIZATION)
	public static final class UnseenIds extends Base implements ContainerRequestFilter {

		@Override
		public void filter(ContainerRequestContext request) {
			EngineRestAnswers found = answers();
			Response unseen = found == null ? null : found.unseen();
			if (unseen != null) {
				request.abortWith(unseen);
			}
		}

	}

	@Priority(PRIORITY)
	public static final class ForThrowable extends Base implements ExceptionMapper<Throwable> {

		@Override
		public Response toResponse(Throwable ex) {
			return answer(ex);
		}

	}

	@Priority(PRIORITY)
	public static final class ForWebApplication extends Base implements ExceptionMapper<WebApplicationException> {

		@Override
		public Response toResponse(WebApplicationException ex) {
			return answer(ex);
		}

	}

	@Priority(PRIORITY)
	public static final class ForProcessEngine extends Base implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException ex) {
			return answer(ex);
		}

	}

	@Priority(PRIORITY)
	public static final class ForRest extends Base implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException ex) {
			return answer(ex);
		}

	}

	@Priority(PRIORITY)
	public static final class ForJsonMapping extends Base implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException ex) {
			return answer(ex);
		}

	}

	@Priority(PRIORITY)
	public static final class ForJsonParse extends Base implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException ex) {
			return answer(ex);
		}

	}

}
