package vn.motcua.errors;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.dto.ParseExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The answers of the engine's REST API, on both of its mounts ({@code /engine-rest} for Modeler
 * and other systems, {@code /camunda/api/engine} for Tasklist and Cockpit): every exception the
 * resources throw becomes a problem-details body of {@link ErrorAnswers} with a Vietnamese
 * {@code detail} and the same text in Camunda's {@code message} (which Tasklist, Cockpit and
 * Modeler show), never Camunda's English text, an ENGINE code or a Java class name.
 * <ul>
 * <li>a rule of the procedure (a {@link ClientMistake} anywhere in the cause chain, such as a
 * task listener's refusal) answers with its own sentence only;</li>
 * <li>a task completed or changed by someone else at the same moment answers 409 «Việc này vừa
 * được người khác xử lý», also when the other official's completion committed first and the
 * caller could have worked on the task;</li>
 * <li>on {@code /task|process-instance|execution|deployment|process-definition|history/process-instance/{id}/…},
 * whatever goes wrong with an id the caller cannot see (it does not exist, or it is not theirs)
 * answers one body per kind of resource, so answers do not tell which ids exist;</li>
 * <li>unreadable JSON, JSON of the wrong type for a field, query parameters that cannot be read,
 * an unknown sorting, an unknown path, a method or media type the resource does not take answer
 * 4xx naming the field or parameter and what it takes.</li>
 * </ul>
 */
@Component
class EngineRestAnswers {

	private static final Logger log = LoggerFactory.getLogger(EngineRestAnswers.class);

	/** The path inside either mount: {@code /engine-rest[/engine/{name}]} or {@code /camunda/api/engine/engine/{name}}. */
	private static final Pattern MOUNT = Pattern
		.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)(/.*)?$");

	/** A resource named by its id (or a definition by its key). */
	private static final Pattern RESOURCE = Pattern.compile(
			"^/(task|process-instance|execution|deployment|process-definition/key|process-definition|history/process-instance)/([^/]+)(/.*)?$");

	/** Path segments in the place of an id that are collection resources. */
	private static final Set<String> COLLECTIONS = Set.of("count", "create", "report", "suspended", "statistics",
			"delete", "delete-historic-query-based", "job-retries", "job-retries-historic-query-based",
			"variables-async", "registered", "set-removal-time", "duration", "key");

	private static final Pattern QUERY_PARAMETER = Pattern
		.compile("^Cannot set query parameter '([^']*)' to value '(.*?)'(?::.*)?$", Pattern.DOTALL);

	private static final Pattern SORT = Pattern.compile("^(sortBy|sortOrder) parameter has invalid value: (.*)$",
			Pattern.DOTALL);

	/** Parsed as JSON by the webapps' HTTP clients (superagent, AngularJS) and by Modeler. */
	private static final MediaType PROBLEM = new MediaType("application", "problem+json", "UTF-8");

	private final ProcessEngine engine;

	private final ErrorAnswers answers;

	EngineRestAnswers(ProcessEngine engine, ErrorAnswers answers) {
		this.engine = engine;
		this.answers = answers;
	}

	/** The answer to what a resource of the engine's REST API threw; elsewhere Camunda's own. */
	Response respond(Throwable ex) {
		HttpServletRequest request = request();
		String uri = request == null ? "" : request.getRequestURI();
		Matcher mount = MOUNT.matcher(uri);
		if (!mount.matches()) {
			return ExceptionHandlerHelper.getInstance().getResponse(ex);
		}
		String path = mount.group(1) != null ? mount.group(1) : "/";
		return ErrorAnswers.inLanguageOf(request, () -> {
			ErrorAnswers.Answer answer = classify(ex, request, path);
			if (answer.status().is5xxServerError()) {
				log.error("Unexpected failure of {} {}", request == null ? "?" : request.getMethod(), uri, ex);
			}
			Response.ResponseBuilder response = response(request, uri, answer);
			ParseException parse = ErrorAnswers.find(ex, ParseException.class);
			if (parse != null && answer.status() == HttpStatus.BAD_REQUEST) {
				// Modeler shows the problems of each file and element of a refused deployment
				Map<String, Object> body = new LinkedHashMap<>(this.answers.problem(answer, null));
				body.put("details", ParseExceptionDto.fromException(parse).getDetails());
				response.entity(body);
			}
			if (ex instanceof NotAllowedException notAllowed) {
				notAllowed.getResponse().getAllowedMethods().forEach(m -> response.header("Allow", m));
			}
			return response.build();
		});
	}

	/**
	 * Before a resource acts on an id the caller cannot see: the answer it gets for every such id
	 * (so a write to an unknown id is not a silent success while a forbidden one is refused), or
	 * null to go on.
	 */
	Response unseen() {
		HttpServletRequest request = request();
		String uri = request == null ? "" : request.getRequestURI();
		Matcher mount = MOUNT.matcher(uri);
		Matcher resource = RESOURCE.matcher(mount.matches() && mount.group(1) != null ? mount.group(1) : "");
		if (!resource.matches() || isCollection(resource.group(2))) {
			return null;
		}
		String kind = resource.group(1);
		String id = UriUtils.decode(resource.group(2), StandardCharsets.UTF_8);
		if (checkedByTheEngine(request, kind, resource.group(3)) || ErrorAnswers.wasChecked(request, kind, id)
				|| visible(kind, id)) {
			return null;
		}
		return ErrorAnswers.inLanguageOf(request, () -> response(request, uri,
				kind.equals("task") && handledByAnotherCandidate(id) ? concurrent() : unavailable(kind)).build());
	}

	private Response.ResponseBuilder response(HttpServletRequest request, String uri, ErrorAnswers.Answer answer) {
		ErrorAnswers.logRefusal(request, uri, answer);
		Response.ResponseBuilder response = Response.status(answer.status().value())
			.type(PROBLEM)
			.entity(this.answers.problem(answer, null));
		answer.headers().forEach(response::header);
		return response;
	}

	private ErrorAnswers.Answer classify(Throwable ex, HttpServletRequest request, String path) {
		if (ErrorAnswers.find(ex, ClientMistake.class) != null) {
			return this.answers.answer(ex);
		}
		if (ErrorAnswers.find(ex, OptimisticLockingException.class) != null) {
			return concurrent();
		}
		if (ex instanceof WebApplicationException web) {
			return web(web, request);
		}
		Matcher resource = RESOURCE.matcher(path);
		if (resource.matches() && !isCollection(resource.group(2))) {
			String kind = resource.group(1);
			String id = UriUtils.decode(resource.group(2), StandardCharsets.UTF_8);
			if (!visible(kind, id)) {
				return kind.equals("task") && handledByAnotherCandidate(id) ? concurrent() : unavailable(kind);
			}
		}
		if (ErrorAnswers.find(ex, AuthorizationException.class) != null) {
			return this.answers.byStatus(HttpStatus.FORBIDDEN);
		}
		if (ex instanceof RestException rest) {
			ErrorAnswers.Answer parameter = parameter(rest);
			if (parameter != null) {
				return parameter;
			}
		}
		if (ErrorAnswers.find(ex, JsonProcessingException.class) != null) {
			return this.answers.unreadable(ex);
		}
		ParseException parse = ErrorAnswers.find(ex, ParseException.class);
		if (parse != null) {
			return new ErrorAnswers.Answer(HttpStatus.BAD_REQUEST, isVietnamese(parse.getMessage()) ? parse.getMessage()
					: this.answers.text("errors.engine.parse"), Map.of());
		}
		BadUserRequestException bad = ErrorAnswers.find(ex, BadUserRequestException.class);
		if (bad != null && isVietnamese(bad.getMessage())) {
			return new ErrorAnswers.Answer(HttpStatus.BAD_REQUEST, bad.getMessage(), Map.of());
		}
		int status = ExceptionHandlerHelper.getInstance().getStatus(ex).getStatusCode();
		if (status >= 400 && status < 500) {
			return this.answers.byStatus(HttpStatus.valueOf(status));
		}
		return this.answers.byStatus(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	/** Unknown paths, methods and media types; query parameters Jersey cannot convert. */
	private ErrorAnswers.Answer web(WebApplicationException ex, HttpServletRequest request) {
		if (ex instanceof ParamException param) {
			String name = param.getParameterName();
			String value = request == null ? null : request.getParameter(name);
			String key = ErrorAnswers.find(ex, NumberFormatException.class) != null ? "errors.parameter.integer"
					: "errors.parameter.invalid";
			return invalidParameter(name, key, value);
		}
		if (ex instanceof NotFoundException) {
			return new ErrorAnswers.Answer(HttpStatus.NOT_FOUND,
					this.answers.text("errors.engine.path", ErrorAnswers.shorten(request == null ? "" : request.getRequestURI())),
					Map.of());
		}
		if (ex instanceof NotAllowedException notAllowed) {
			String allowed = String.join(", ", notAllowed.getResponse().getAllowedMethods());
			return new ErrorAnswers.Answer(HttpStatus.METHOD_NOT_ALLOWED,
					this.answers.text("errors.engine.method", request == null ? "?" : request.getMethod(), allowed),
					Map.of());
		}
		if (ex instanceof NotSupportedException) {
			return new ErrorAnswers.Answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					this.answers.text("errors.engine.mediaType",
							request == null || request.getContentType() == null ? "?" : ErrorAnswers.shorten(request.getContentType())),
					Map.of());
		}
		HttpStatus status = HttpStatus.resolve(ex.getResponse().getStatus());
		return this.answers.byStatus(status != null && status.isError() ? status : HttpStatus.BAD_REQUEST);
	}

	/** Camunda's refusals of query parameters (conversion, sorting), named in Vietnamese. */
	private ErrorAnswers.Answer parameter(RestException ex) {
		String message = ex.getMessage() == null ? "" : ex.getMessage();
		Matcher query = QUERY_PARAMETER.matcher(message);
		Matcher sortInside = SORT.matcher(message.replaceFirst("^Cannot set query parameter '[^']*' to value '.*?': ", ""));
		if (sortInside.matches()) {
			return invalidParameter(sortInside.group(1), "errors.engine." + sortInside.group(1), sortInside.group(2));
		}
		if (query.matches() && List.of("sortBy", "sortOrder").contains(query.group(1))) {
			return invalidParameter(query.group(1), "errors.engine." + query.group(1), query.group(2));
		}
		if (query.matches()) {
			String detail = message + " " + (ex.getCause() == null ? "" : String.valueOf(ex.getCause().getMessage()));
			String key = detail.contains("java.util.Date") ? "errors.parameter.date"
					: detail.contains("java.lang.Integer") || detail.contains("java.lang.Long") ? "errors.parameter.integer"
							: detail.contains("java.lang.Boolean") ? "errors.parameter.boolean" : "errors.parameter.invalid";
			return invalidParameter(query.group(1), key, query.group(2));
		}
		if (message.startsWith("Only a single sorting parameter specified")) {
			return invalidParameter("sortBy", "errors.engine.sortPair", "");
		}
		return null;
	}

	private ErrorAnswers.Answer invalidParameter(String name, String key, String value) {
		String message = this.answers.text(key, name, ErrorAnswers.shorten(value == null ? "" : value));
		return new ErrorAnswers.Answer(HttpStatus.BAD_REQUEST, message, Map.of(name, message), name,
				ErrorAnswers.TYPE_PREFIX + "invalid-parameter", Map.of(), null);
	}

	private ErrorAnswers.Answer concurrent() {
		return new ErrorAnswers.Answer(HttpStatus.CONFLICT, this.answers.text("errors.concurrent"), Map.of())
			.withType("concurrent");
	}

	/** One answer per kind of resource for every id the caller cannot see. */
	private ErrorAnswers.Answer unavailable(String kind) {
		HttpStatus status = kind.equals("task") ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
		String key = kind.equals("task") ? "errors.task.unavailable"
				: "errors.unavailable." + kind.replace('/', '-');
		return new ErrorAnswers.Answer(status, this.answers.text(key), Map.of()).withType("unavailable");
	}

	/** Whether the caller (the engine's current authentication) can see the resource. */
	private boolean visible(String kind, String id) {
		try {
			return switch (kind) {
				case "task" -> this.engine.getTaskService().createTaskQuery().taskId(id).count() > 0;
				case "process-instance" ->
					this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0;
				case "execution" -> this.engine.getRuntimeService().createExecutionQuery().executionId(id).count() > 0;
				case "deployment" ->
					this.engine.getRepositoryService().createDeploymentQuery().deploymentId(id).count() > 0;
				case "process-definition" ->
					this.engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).count() > 0;
				case "process-definition/key" ->
					this.engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(id).count() > 0;
				case "history/process-instance" -> this.engine.getHistoryService()
					.createHistoricProcessInstanceQuery()
					.processInstanceId(id)
					.count() > 0;
				default -> true;
			};
		}
		catch (ProcessEngineException ex) {
			return false;
		}
	}

	/**
	 * Claiming, unclaiming and assigning a task change nothing unless the engine finds the task and
	 * the caller's permission on it; when it does not, the failure is answered here as for an unseen id
	 * ({@link #classify}): so these are not counted twice.
	 */
	private static boolean checkedByTheEngine(HttpServletRequest request, String kind, String rest) {
		return request != null && "POST".equals(request.getMethod()) && "task".equals(kind) && rest != null
				&& TASK_WORK.matcher(rest).matches();
	}

	private static final Pattern TASK_WORK = Pattern.compile("^/(claim|unclaim|assignee)/?$");

	/** A path segment in the place of an id that names a collection resource (count, suspended-async…). */
	private static boolean isCollection(String segment) {
		return COLLECTIONS.contains(segment) || segment.endsWith("-async") || segment.endsWith("-query-based");
	}

	/** A message written for people (Vietnamese letters, no ENGINE code), not one of the engine's. */
	private static boolean isVietnamese(String message) {
		return message != null && !message.contains("ENGINE-")
				&& message.codePoints().anyMatch(c -> "ăâđêôơưĂÂĐÊÔƠƯ".indexOf(c) >= 0 || (c >= 0x1EA0 && c <= 0x1EF9));
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

	/** The authenticated caller: the engine's current authentication, else the HTTP Basic user. */
	private String caller() {
		var current = this.engine.getIdentityService().getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
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

	private static HttpServletRequest request() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
