package vn.motcua.errors;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Answers of {@code /engine-rest} (Tasklist, Modeler, other systems) where Camunda's own would
 * mislead: a task completed or changed by someone else at the same moment answers 409 «Việc này
 * vừa được người khác xử lý» instead of a 500 with ENGINE-03005, also when the other official's
 * completion committed first and the caller could have worked on the task; on
 * {@code /task/{id}/…}, an id that does not exist answers exactly like a task the caller may not
 * see or touch (403, one body), so answers do not tell which ids exist. The body keeps Camunda's
 * {@code message} (shown by Tasklist) next to the problem-detail members.
 */
@Component
class EngineRestAnswers implements ResourceConfigCustomizer {

	private static final Logger log = LoggerFactory.getLogger(EngineRestAnswers.class);

	/** {@code /engine-rest[/engine/{name}]/task/{id}} and below, except the collection resources. */
	private static final Pattern TASK_PATH = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?/task/([^/]+)(/.*)?$");

	private static final List<String> COLLECTIONS = List.of("count", "create", "report");

	private static final int PRIORITY = 100;

	private final ProcessEngine engine;

	private final MessageSource messages;

	EngineRestAnswers(ProcessEngine engine, MessageSource messages) {
		this.engine = engine;
		this.messages = messages;
	}

	@Override
	public void customize(ResourceConfig config) {
		config.register(new Concurrent(), PRIORITY);
		config.register(new Wrapped(), PRIORITY);
		config.register(new Forbidden(), PRIORITY);
		config.register(new Missing(), PRIORITY);
	}

	/** OptimisticLockingException thrown as such (variables, claim, …). */
	class Concurrent implements ExceptionMapper<OptimisticLockingException> {

		@Override
		public Response toResponse(OptimisticLockingException ex) {
			return concurrent();
		}

	}

	/** What Camunda's task resources wrap in a RestException (complete, submit-form, …). */
	class Wrapped implements ExtendedExceptionMapper<RestException> {

		@Override
		public boolean isMappable(RestException ex) {
			// GET /task/{id} already answers 404 alike for unknown and invisible tasks
			return ErrorAnswers.find(ex, OptimisticLockingException.class) != null
					|| (!isTaskItself() && unknownTask() != null);
		}

		@Override
		public Response toResponse(RestException ex) {
			if (ErrorAnswers.find(ex, OptimisticLockingException.class) != null) {
				return concurrent();
			}
			String taskId = unknownTask();
			return taskId != null && handledByAnotherCandidate(taskId) ? concurrent() : unavailable();
		}

	}

	/** What the engine throws as such for a task id it does not find (claim, assignee, …). */
	class Missing implements ExtendedExceptionMapper<ProcessEngineException> {

		@Override
		public boolean isMappable(ProcessEngineException ex) {
			return unknownTask() != null;
		}

		@Override
		public Response toResponse(ProcessEngineException ex) {
			return unavailable();
		}

	}

	/** A task the caller may not touch answers like one that does not exist. */
	class Forbidden implements ExtendedExceptionMapper<AuthorizationException> {

		@Override
		public boolean isMappable(AuthorizationException ex) {
			return taskId() != null;
		}

		@Override
		public Response toResponse(AuthorizationException ex) {
			return unavailable();
		}

	}

	private Response concurrent() {
		return answer(HttpStatus.CONFLICT, "errors.concurrent");
	}

	private Response unavailable() {
		return answer(HttpStatus.FORBIDDEN, "errors.task.unavailable");
	}

	private Response answer(HttpStatus status, String key) {
		Locale locale = locale();
		String detail = this.messages.getMessage(key, null, key, locale);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", this.messages.getMessage("errors.title." + status.value(), null, status.getReasonPhrase(), locale));
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("message", detail);
		HttpServletRequest request = request();
		if (request != null) {
			log.info("{} {} refused: {} {}", request.getMethod(), request.getRequestURI(), status.value(), detail);
		}
		return Response.status(status.value()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

	private static boolean isTaskItself() {
		HttpServletRequest request = request();
		Matcher m = request == null ? null : TASK_PATH.matcher(request.getRequestURI());
		return m != null && m.matches() && m.group(2) == null && "GET".equals(request.getMethod());
	}

	/** The task id of a {@code /task/{id}/…} request, or null. */
	private static String taskId() {
		HttpServletRequest request = request();
		if (request == null) {
			return null;
		}
		Matcher m = TASK_PATH.matcher(request.getRequestURI());
		return m.matches() && !COLLECTIONS.contains(m.group(1)) ? m.group(1) : null;
	}

	/**
	 * The id of a {@code /task/{id}/…} request when the caller cannot see such a task (it does not
	 * exist, or it is not theirs), or null.
	 */
	private String unknownTask() {
		String taskId = taskId();
		if (taskId == null) {
			return null;
		}
		return this.engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0 ? taskId : null;
	}

	/**
	 * The task was completed a moment ago and the caller was one of those who could have worked on
	 * it (assignee or member of a candidate group): another official won the race.
	 */
	private boolean handledByAnotherCandidate(String taskId) {
		String userId = caller();
		if (userId == null) {
			return false;
		}
		return withoutAuthentication(() -> {
			HistoricTaskInstance task = this.engine.getHistoryService()
				.createHistoricTaskInstanceQuery()
				.taskId(taskId)
				.singleResult();
			if (task == null || task.getEndTime() == null) {
				return false;
			}
			if (userId.equals(task.getAssignee())) {
				return true;
			}
			List<String> groups = this.engine.getIdentityService()
				.createGroupQuery()
				.groupMember(userId)
				.list()
				.stream()
				.map(Group::getId)
				.toList();
			return this.engine.getHistoryService()
				.createHistoricIdentityLinkLogQuery()
				.taskId(taskId)
				.type(IdentityLinkType.CANDIDATE)
				.list()
				.stream()
				.map(HistoricIdentityLinkLog::getGroupId)
				.anyMatch(g -> g != null && groups.contains(g));
		});
	}

	/** The user of an HTTP Basic request (already authenticated by Camunda's filter), or null. */
	private static String caller() {
		HttpServletRequest request = request();
		String header = request == null ? null : request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon > 0 ? decoded.substring(0, colon) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Runs a lookup on another thread, where no user is authenticated and the engine checks no
	 * authorization; the caller's own authentication is untouched.
	 */
	private static boolean withoutAuthentication(BooleanSupplier lookup) {
		return CompletableFuture.supplyAsync(lookup::getAsBoolean).join();
	}

	private static Locale locale() {
		return ErrorAnswers.requestLocale(request());
	}

	private static HttpServletRequest request() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
