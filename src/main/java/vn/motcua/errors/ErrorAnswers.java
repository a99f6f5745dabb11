package vn.motcua.errors;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
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

	/** What a failure means for the client. */
	record Answer(HttpStatus status, String detail, Map<String, String> fields) {
	}

	@ExceptionHandler(Exception.class)
	ModelAndView handle(Exception ex, HttpServletRequest request) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex; // Spring Security answers (login page, 401 or 403 page)
		}
		return render(request, answer(ex), request.getRequestURI());
	}

	/** The answer to a failure, classified once for every path. */
	Answer answer(Throwable ex) {
		ClientMistake mistake = find(ex, ClientMistake.class);
		if (mistake != null) {
			String detail = text(mistake.getMessage(), mistake.arguments());
			return new Answer(mistake.status(), detail,
					mistake.field() != null ? Map.of(mistake.field(), detail) : mistake.fields());
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
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			JsonMappingException mapping = find(unreadable, JsonMappingException.class);
			String field = mapping == null ? "" : mapping.getPath()
				.stream()
				.map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			return field.isEmpty() ? answer(HttpStatus.BAD_REQUEST, "errors.json")
					: new Answer(HttpStatus.BAD_REQUEST, text("errors.json.field", field),
							Map.of(field, text("errors.json.type", field)));
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

	/** JSON problem details for API clients, a Vietnamese page for browsers. */
	ModelAndView render(HttpServletRequest request, Answer answer, String path) {
		if (answer.status().is4xxClientError() || answer.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			log.info("{} {} refused: {} {}", request.getMethod(), shorten(path), answer.status().value(),
					shorten(answer.detail()));
		}
		String title = title(answer.status());
		if (wantsJson(request, path)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(answer.status(), answer.detail());
			problem.setTitle(title);
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException ex) {
				// a path that is no URI stays out of the answer
			}
			problem.setProperty("message", answer.detail());
			if (!answer.fields().isEmpty()) {
				problem.setProperty("errors", answer.fields());
			}
			MappingJackson2JsonView view = new MappingJackson2JsonView(this.json);
			view.setContentType(PROBLEM.toString());
			view.setExtractValueFromSingleKeyModel(true);
			ModelAndView json = new ModelAndView(view, Map.of("problem", problem));
			json.setStatus(answer.status());
			return json;
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", answer.status().value());
		model.put("title", title);
		model.put("detail", answer.detail());
		model.put("fields", answer.fields());
		ModelAndView page = new ModelAndView("error", model);
		page.setStatus(answer.status());
		return page;
	}

	String title(HttpStatus status) {
		String title = this.messages.getMessage("errors.title." + status.value(), null, null, locale());
		return title != null ? title : text(status.is4xxClientError() ? "errors.title.400" : "errors.title.500");
	}

	static boolean wantsJson(HttpServletRequest request, String path) {
		if (path != null && (path.startsWith("/api/") || path.startsWith("/engine-rest/")
				|| path.startsWith("/actuator/"))) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept != null && !accept.contains("text/html") && accept.contains("json");
	}

	/**
	 * The language of an answer given outside Spring MVC (Jersey, filters): English when the
	 * request asks for it in {@code Accept-Language}, else Vietnamese.
	 */
	static Locale requestLocale(HttpServletRequest request) {
		return request != null && request.getHeader("Accept-Language") != null
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
