package vn.motcua.errors;

import java.io.IOException;
import java.net.URI;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * The one place where refusals become answers, for controllers (as advice) and for everything
 * that ends on {@code /error} (filters, Spring Security, the servlet container). Messages come
 * from the bundle {@code messages/errors-durability}.
 */
@ControllerAdvice
public class ErrorAnswers {

	private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

	static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private final MessageSource messages;

	private final ObjectMapper json;

	ErrorAnswers(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/** Problem types (RFC 9457 {@code type}) of the answers that are more than their status. */
	static final String TYPE_PREFIX = "urn:motcua:problem:";

	/**
	 * What a failure means for the client: status, Vietnamese detail, one message per field at
	 * fault, the one field at fault (or null), the problem type (null: by status), headers, and the
	 * page the error page leads back to (null: home).
	 */
	record Answer(HttpStatus status, String detail, Map<String, String> fields, String field, String type,
			Map<String, String> headers, ClientMistake.Link back) {

		Answer(HttpStatus status, String detail, Map<String, String> fields) {
			this(status, detail, fields, null, null, Map.of(), null);
		}

		Answer withType(String slug) {
			return new Answer(this.status, this.detail, this.fields, this.field, TYPE_PREFIX + slug, this.headers,
					this.back);
		}

		/** The problem type: its own, else one per status. */
		String problemType() {
			if (this.type != null) {
				return this.type;
			}
			return switch (this.status.value()) {
				case 400 -> TYPE_PREFIX + "invalid-request";
				case 401 -> TYPE_PREFIX + "login-required";
				case 403 -> TYPE_PREFIX + "forbidden";
				case 404 -> TYPE_PREFIX + "not-found";
				case 405 -> TYPE_PREFIX + "method-not-allowed";
				case 406 -> TYPE_PREFIX + "not-acceptable";
				case 409 -> TYPE_PREFIX + "conflict";
				case 413 -> TYPE_PREFIX + "too-large";
				case 415 -> TYPE_PREFIX + "unsupported-media-type";
				case 429 -> TYPE_PREFIX + "too-many-requests";
				case 503 -> TYPE_PREFIX + "busy";
				default -> "about:blank";
			};
		}

	}

	/** The request attribute naming the resource whose request the gate has already checked. */
	static final String CHECKED = ErrorAnswers.class.getName() + ".checked";

	/**
	 * The gate checked this request on the resource {@code kind/id} (e.g. a task's submission), which
	 * exists; the resource checks the caller's permission itself and a refusal is answered as for an
	 * unseen id, so the engine REST API does not look the id up before the resource acts.
	 */
	public static void checked(HttpServletRequest request, String kind, String id) {
		request.setAttribute(CHECKED, kind + "/" + id);
	}

	static boolean wasChecked(HttpServletRequest request, String kind, String id) {
		return request != null && (kind + "/" + id).equals(request.getAttribute(CHECKED));
	}

	/**
	 * Refuses a request from a servlet filter: the answer is written on {@code /error} (problem
	 * details or the error page) with the mistake's status, message and headers.
	 */
	public static void refuse(HttpServletRequest request, HttpServletResponse response, ClientMistake mistake)
			throws IOException {
		mistake.headers().forEach(response::setHeader);
		request.setAttribute(ErrorPages.MISTAKE, mistake);
		response.sendError(mistake.status().value());
	}

	@ExceptionHandler(Exception.class)
	ModelAndView handle(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex; // Spring Security answers (login page, 401 or 403 page)
		}
		return render(request, response, answer(ex), request.getRequestURI());
	}

	/** The answer to a mistake the client made. */
	Answer answer(ClientMistake mistake) {
		String detail = text(mistake.getMessage(), mistake.arguments());
		return new Answer(mistake.status(), detail,
				mistake.field() != null ? Map.of(mistake.field(), detail) : mistake.fields(), mistake.field(), null,
				mistake.headers(), mistake.back());
	}

	/** The answer to a failure, classified once for every path. */
	Answer answer(Throwable ex) {
		ClientMistake mistake = find(ex, ClientMistake.class);
		if (mistake != null) {
			return answer(mistake);
		}
		if (find(ex, OptimisticLockingException.class) != null) {
			return answer(HttpStatus.CONFLICT, "errors.concurrent");
		}
		if (find(ex, ConcurrencyFailureException.class) != null) {
			return answer(HttpStatus.CONFLICT, "errors.status.409");
		}
		if (find(ex, TransientDataAccessException.class) != null) {
			return answer(HttpStatus.SERVICE_UNAVAILABLE, "errors.status.503");
		}
		if (find(ex, AuthorizationException.class) != null) {
			return answer(HttpStatus.FORBIDDEN, "errors.status.403");
		}
		MultipartException multipart = find(ex, MultipartException.class);
		if (multipart != null) {
			return upload(multipart);
		}
		if (ex instanceof HttpMessageNotReadableException || ex instanceof JsonProcessingException) {
			return unreadable(ex);
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			String message = text("errors.parameter.missing", missing.getParameterName());
			return new Answer(HttpStatus.BAD_REQUEST, message, Map.of(missing.getParameterName(), message));
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			String message = text("errors.parameter.invalid", mismatch.getName(), shorten(mismatch.getValue()));
			return new Answer(HttpStatus.BAD_REQUEST, message, Map.of(mismatch.getName(), message));
		}
		if (ex instanceof BindException bind) {
			Map<String, String> fields = new LinkedHashMap<>();
			bind.getFieldErrors()
				.forEach(e -> fields.putIfAbsent(e.getField(),
						text("errors.parameter.invalid", e.getField(), shorten(e.getRejectedValue()))));
			return new Answer(HttpStatus.BAD_REQUEST,
					fields.isEmpty() ? text("errors.status.400") : String.join(" ", fields.values()), fields);
		}
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return new Answer(HttpStatus.METHOD_NOT_ALLOWED, text("errors.status.405", method.getMethod()), Map.of());
		}
		if (ex instanceof ResponseStatusException status && status.getReason() != null
				&& status.getStatusCode().is4xxClientError()) {
			return new Answer(HttpStatus.valueOf(status.getStatusCode().value()), status.getReason(), Map.of());
		}
		if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
			return byStatus(response.getStatusCode());
		}
		log.error("Unexpected failure", ex);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, "errors.status.500");
	}

	/**
	 * A body that is no JSON, or JSON that does not fit: names the field at fault and what it must
	 * be when the reader tells.
	 */
	Answer unreadable(Throwable ex) {
		JsonMappingException mapping = find(ex, JsonMappingException.class);
		String field = mapping == null ? "" : mapping.getPath()
			.stream()
			.map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
		if (field.isEmpty()) {
			return answer(HttpStatus.BAD_REQUEST, "errors.json").withType("invalid-json");
		}
		String kind = mapping instanceof MismatchedInputException mismatch ? kind(mismatch.getTargetType()) : null;
		String message = kind == null ? text("errors.json.type", field)
				: text("errors.json.expected", field, text("errors.json.kind." + kind));
		return new Answer(HttpStatus.BAD_REQUEST, text("errors.json.field", field) + " " + message,
				Map.of(field, message), field, TYPE_PREFIX + "invalid-json", Map.of(), null);
	}

	/**
	 * A multipart body the container could not parse (truncated, no closing boundary, a broken part
	 * header) is a 400, a part over {@code spring.servlet.multipart.max-file-size} (or a body over
	 * {@code max-request-size}) a 413; both name the upload field of the handler that read it.
	 */
	Answer upload(MultipartException ex) {
		String field = uploadField();
		boolean tooLarge = ex instanceof MaxUploadSizeExceededException;
		String message = tooLarge ? text("errors.upload.tooLarge", field) : text("errors.upload.malformed", field);
		return new Answer(tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST, message,
				Map.of(field, message), field, TYPE_PREFIX + (tooLarge ? "too-large" : "invalid-upload"), Map.of(), null);
	}

	/**
	 * The name of the file parameter of the controller method serving the current request
	 * ({@code @RequestParam}/{@code @RequestPart} name, else the parameter's own), {@code file}
	 * when it declares none (it reads the parts itself) or no controller was reached.
	 */
	static String uploadField() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object handler = attributes instanceof ServletRequestAttributes servlet
				? servlet.getRequest().getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) : null;
		if (handler instanceof HandlerMethod method) {
			for (org.springframework.core.MethodParameter parameter : method.getMethodParameters()) {
				Class<?> type = parameter.getParameterType();
				boolean file = MultipartFile.class.isAssignableFrom(type) || type == MultipartFile[].class
						|| jakarta.servlet.http.Part.class.isAssignableFrom(type)
						|| (Collection.class.isAssignableFrom(type)
								&& MultipartFile.class.equals(org.springframework.core.ResolvableType.forMethodParameter(parameter)
									.asCollection()
									.resolveGeneric(0)));
				if (!file) {
					continue;
				}
				org.springframework.web.bind.annotation.RequestParam param = parameter
					.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
				org.springframework.web.bind.annotation.RequestPart part = parameter
					.getParameterAnnotation(org.springframework.web.bind.annotation.RequestPart.class);
				String name = param != null ? param.name() : part != null ? part.name() : "";
				if (name.isEmpty()) {
					parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
					name = parameter.getParameterName();
				}
				if (name != null && !name.isEmpty()) {
					return name;
				}
			}
		}
		return "file";
	}

	/** What a JSON value must be to become the given Java type: object, list, text, integer… */
	static String kind(Class<?> type) {
		if (type == null) {
			return null;
		}
		if (type == String.class || CharSequence.class.isAssignableFrom(type) || type == char.class) {
			return "text";
		}
		if (type == Integer.class || type == Long.class || type == Short.class || type == int.class
				|| type == long.class || type == short.class) {
			return "integer";
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return "number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "boolean";
		}
		if (Date.class.isAssignableFrom(type) || TemporalAccessor.class.isAssignableFrom(type)) {
			return "date";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "list";
		}
		if (type.isEnum() || type.isPrimitive()) {
			return null;
		}
		return "object";
	}

	/** The answer to a bare status (set by a filter, Spring Security or the container). */
	Answer byStatus(HttpStatusCode code) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String key = "errors.status." + status.value();
		String detail = this.messages.getMessage(key, null, null, locale());
		return new Answer(status, detail != null ? detail
				: text(status.is4xxClientError() ? "errors.status.400" : "errors.status.500"), Map.of());
	}

	private Answer answer(HttpStatus status, String key) {
		return new Answer(status, text(key), Map.of());
	}

	/** The RFC 9457 body of an answer, with Camunda's {@code message} next to {@code detail}. */
	Map<String, Object> problem(Answer answer, String path) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", answer.problemType());
		problem.put("title", title(answer.status()));
		problem.put("status", answer.status().value());
		problem.put("detail", answer.detail());
		if (path != null) {
			try {
				problem.put("instance", URI.create(path).toString());
			}
			catch (IllegalArgumentException ex) {
				// a path that is no URI stays out of the answer
			}
		}
		problem.put("message", answer.detail());
		if (answer.field() != null) {
			problem.put("field", answer.field());
		}
		if (!answer.fields().isEmpty()) {
			problem.put("errors", answer.fields());
		}
		return problem;
	}

	/** Logs a refusal in one line, without a stack trace. */
	static void logRefusal(HttpServletRequest request, String path, Answer answer) {
		if (answer.status().is4xxClientError() || answer.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			log.info("{} {} refused: {} {}", request == null ? "?" : request.getMethod(), shorten(path),
					answer.status().value(), shorten(answer.detail()));
		}
	}

	/** JSON problem details for API clients, a Vietnamese page for browsers. */
	ModelAndView render(HttpServletRequest request, HttpServletResponse response, Answer answer, String path) {
		logRefusal(request, path, answer);
		answer.headers().forEach(response::setHeader);
		if (wantsJson(request, path)) {
			MappingJackson2JsonView view = new MappingJackson2JsonView(this.json);
			view.setContentType(PROBLEM.toString());
			view.setExtractValueFromSingleKeyModel(true);
			ModelAndView json = new ModelAndView(view, Map.of("problem", problem(answer, path)));
			json.setStatus(answer.status());
			return json;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", answer.status().value());
		model.put("title", title(answer.status()));
		model.put("detail", answer.detail());
		model.put("fields", answer.fields());
		model.put("backPath", answer.back() == null ? "/" : answer.back().path());
		model.put("backLabel", text(answer.back() == null ? "errors.page.home" : answer.back().label()));
		ModelAndView page = new ModelAndView("error", model);
		page.setStatus(answer.status());
		return page;
	}

	/** The engine's REST API: {@code /engine-rest} and the webapps' {@code /camunda/api/engine}. */
	static boolean isEngineApi(String path) {
		return path != null && (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/"));
	}

	/**
	 * Runs the classification of an answer given outside the page's own locale handling (Jersey,
	 * {@code /error} of an API call) in the language the request asks for.
	 */
	static <T> T inLanguageOf(HttpServletRequest request, java.util.function.Supplier<T> action) {
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(requestLocale(request));
		try {
			return action.get();
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	String title(HttpStatus status) {
		String title = this.messages.getMessage("errors.title." + status.value(), null, null, locale());
		return title != null ? title : text(status.is4xxClientError() ? "errors.title.400" : "errors.title.500");
	}

	static boolean wantsJson(HttpServletRequest request, String path) {
		if (path != null && (path.startsWith("/api/") || isEngineApi(path) || path.startsWith("/actuator/"))) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept != null && !accept.contains("text/html") && accept.contains("json");
	}

	/**
	 * The language of an answer given outside Spring MVC (Jersey, filters): English when a client
	 * of {@code /engine-rest} or {@code /api} asks for it in {@code Accept-Language}, else
	 * Vietnamese (also for the webapps' {@code /camunda/api}, whatever the browser's language).
	 */
	static Locale requestLocale(HttpServletRequest request) {
		// the webapps (/camunda) speak the province's language whatever the browser's
		String path = request == null ? "" : originalPath(request);
		return request != null && !path.startsWith("/camunda/") && request.getHeader("Accept-Language") != null
				&& "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
	}

	static String originalPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null ? uri.toString() : request.getRequestURI();
	}

	String text(String codeOrText, Object... arguments) {
		return this.messages.getMessage(codeOrText, arguments, codeOrText, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	static String shorten(Object value) {
		String text = String.valueOf(value);
		return text.length() <= 80 ? text : text.substring(0, 77) + "…";
	}

	@SuppressWarnings("unchecked")
	static <T> T find(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return (T) t;
			}
		}
		return null;
	}

}
