package vn.motcua.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * What the engine's REST API answers outside its resources, through the error contract: an engine
 * name that is not this engine's (404, before Camunda's authentication filter writes its own
 * English body), paging parameters ({@code firstResult}, {@code maxResults}) that are no whole
 * numbers of 0 or more (the engine would pass a negative one to the database), and the empty 401
 * of Camunda's HTTP Basic authentication.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class EngineRestRequests extends OncePerRequestFilter {

	private static final Pattern NAMED = Pattern.compile("^/engine-rest/engine/([^/]+)(/.*)?$");

	/** The engine, looked up at the first request (web slices of the tests have none). */
	private final org.springframework.beans.factory.ObjectProvider<ProcessEngine> engine;

	EngineRestRequests(org.springframework.beans.factory.ObjectProvider<ProcessEngine> engine) {
		this.engine = engine;
	}

	private static final List<String> PAGING = List.of("firstResult", "maxResults");

	private static final Pattern WHOLE = Pattern.compile("\\d{1,10}");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ErrorAnswers.isEngineApi(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI();
		Matcher named = NAMED.matcher(uri);
		String name = named.matches() ? named.group(1)
				: uri.startsWith("/engine-rest/") && !uri.startsWith("/engine-rest/engine") ? "default" : null;
		ProcessEngine processEngine = this.engine.getIfAvailable();
		String engineName = processEngine == null ? null : processEngine.getName();
		if (name != null && engineName != null && !name.equals(engineName)) {
			ErrorAnswers.refuse(request, response, new Refusal(HttpStatus.NOT_FOUND, null, "errors.engine.unknown",
					ErrorAnswers.shorten(name), engineName));
			return;
		}
		// the query string only: reading parameters would consume a form body
		String query = request.getQueryString() == null ? "" : request.getQueryString();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String parameter = UriUtils.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = equals < 0 ? "" : UriUtils.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			if (PAGING.contains(parameter) && !whole(value)) {
				ErrorAnswers.refuse(request, response,
						new Refusal(HttpStatus.BAD_REQUEST, parameter, "errors.parameter.page", parameter, ErrorAnswers.shorten(value)));
				return;
			}
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpStatus.UNAUTHORIZED.value() && !response.isCommitted()) {
			// Camunda's authentication answered 401 without a body
			ErrorAnswers.refuse(request, response, new Refusal(HttpStatus.UNAUTHORIZED, null, "errors.status.401"));
		}
	}

	private static boolean whole(String value) {
		return WHOLE.matcher(value).matches() && Long.parseLong(value) <= Integer.MAX_VALUE;
	}

	/** A request refused before the engine. */
	private record Refusal(HttpStatus status, String field, String getMessage, Object... arguments)
			implements ClientMistake {

	}

}
