package vn.motcua.throttle;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.motcua.errors.ClientMistake;
import vn.motcua.errors.ErrorAnswers;

/**
 * Sits in front of every login path: Motcua's form login ({@code POST /login}), HTTP Basic
 * anywhere outside the webapps ({@code /api}, pages, {@code /engine-rest}) and the Camunda
 * webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). An address that
 * must still wait gets 429 with {@code Retry-After} (answered by the error contract) and its
 * credentials are not checked at all; a
 * failed login (401, or the form's redirect to {@code /login?error}) counts against the address.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

	private final LoginThrottle throttle;

	private final String webappPath;

	private final Pattern webappLogin;

	LoginThrottleFilter(LoginThrottle throttle, String webappPath) {
		this.throttle = throttle;
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
		ErrorAnswers.refuse(request, response, new TooManyRequests.Refused("throttle.login", wait,
				path == LoginPath.FORM ? new ClientMistake.Link("/login", "throttle.backToLogin") : null));
	}

}
