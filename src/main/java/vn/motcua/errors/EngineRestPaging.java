package vn.motcua.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * The paging parameters of the engine's REST API ({@code firstResult}, {@code maxResults}) are
 * whole numbers of 0 or more; the engine itself would pass a negative one to the database.
 */
@Component
class EngineRestPaging extends OncePerRequestFilter {

	private static final List<String> PAGING = List.of("firstResult", "maxResults");

	private static final Pattern WHOLE = Pattern.compile("\\d{1,10}");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ErrorAnswers.isEngineApi(request.getRequestURI()) || request.getQueryString() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the query string only: reading parameters would consume a form body
		for (String pair : request.getQueryString().split("&")) {
			int equals = pair.indexOf('=');
			String name = UriUtils.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = equals < 0 ? "" : UriUtils.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			if (PAGING.contains(name) && !whole(value)) {
				ErrorAnswers.refuse(request, response, new Paging(name, value));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean whole(String value) {
		return WHOLE.matcher(value).matches() && Long.parseLong(value) <= Integer.MAX_VALUE;
	}

	/** A paging parameter that is no whole number of 0 or more. */
	private record Paging(String field, String value) implements ClientMistake {

		@Override
		public HttpStatus status() {
			return HttpStatus.BAD_REQUEST;
		}

		@Override
		public String getMessage() {
			return "errors.parameter.page";
		}

		@Override
		public Object[] arguments() {
			return new Object[] { this.field, ErrorAnswers.shorten(this.value) };
		}

	}

}
