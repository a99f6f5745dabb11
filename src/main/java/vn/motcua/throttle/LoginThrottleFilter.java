package vn.motcua.throttle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Sits in front of every login path: Motcua's form login ({@code POST /login}), HTTP Basic
 * anywhere outside the webapps ({@code /api}, pages, {@code /engine-rest}) and the Camunda
 * webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). An address that
 * must still wait gets 429 with {@code Retry-After} and its credentials are not checked at all; a
 * failed login (401, or the form's redirect to {@code /login?error}) counts against the address.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

	private final LoginThrottle throttle;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final ObjectMapper json;

	private final String webappPath;

	private final Pattern webappLogin;

	LoginThrottleFilter(LoginThrottle throttle, MessageSource messages, LocaleResolver locales, ObjectMapper json,
			String webappPath) {
		this.throttle = throttle;
		this.messages = messages;
		this.locales = locales;
		this.json = json;
		this.webappPath = webappPath.endsWith("/") ? webappPath : webappPath + "/";
		this.webappLogin = Pattern.compile(Pattern.quote(this.webappPath) + "api/admin/auth/user/[^/]+/login/[^/]+/?");
	}

	private enum LoginPath {

		FORM, BASIC, WEBAPP

	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LoginPath path = loginPath(request);
		if (path == null) {
			chain.doFilter(request, response);
			return;
		}
		String client = ClientAddress.of(request);
		Optional<Duration> wait = this.throttle.waitFor(client);
		if (wait.isPresent()) {
			refuse(request, response, path, wait.get());
			return;
		}
		chain.doFilter(request, response);
		if (failed(path, response)) {
			Duration imposed = this.throttle.failed(client);
			if (!imposed.isZero()) {
				log.warn("Failed login from {} ({}): next attempt from there in {}", client, path, imposed);
			}
		}
	}

	private LoginPath loginPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean post = HttpMethod.POST.matches(request.getMethod());
		if (post && "/login".equals(path)) {
			return LoginPath.FORM;
		}
		if (path.startsWith(this.webappPath)) {
			return post && this.webappLogin.matcher(path).matches() ? LoginPath.WEBAPP : null;
		}
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return LoginPath.BASIC;
		}
		return null;
	}

	private static boolean failed(LoginPath path, HttpServletResponse response) {
		if (path == LoginPath.FORM) {
			String location = response.getHeader("Location");
			return location != null && location.contains("/login?error");
		}
		return response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, LoginPath path, Duration wait)
			throws IOException {
		long seconds = TooManyRequests.prepare(response, wait);
		Locale locale = this.locales.resolveLocale(request);
		String title = this.messages.getMessage("throttle.title", null, locale);
		String detail = this.messages.getMessage("throttle.login", new Object[] { seconds }, locale);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (path == LoginPath.FORM) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write("""
					<!DOCTYPE html>
					<html lang="%s"><head><meta charset="UTF-8"><title>%s</title></head>
					<body><h1>%2$s</h1><p>%s</p><p><a href="%s/login">%s</a></p></body></html>
					""".formatted(locale.getLanguage(), html(title), html(detail), request.getContextPath(),
					html(this.messages.getMessage("throttle.backToLogin", null, locale))));
			return;
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", TooManyRequests.STATUS);
		problem.put("detail", detail);
		problem.put("message", detail);
		problem.put("retryAfterSeconds", seconds);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	private static String html(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
