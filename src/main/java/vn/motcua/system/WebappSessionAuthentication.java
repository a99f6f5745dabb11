package vn.motcua.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An official logged in to Tasklist is logged in to Motcua's pages too: when a request carries no
 * Spring Security login, the user the Camunda webapps hold in the same HTTP session (with the
 * groups read at that login) authenticates it, for this request only. Logging out of either side
 * therefore logs out of the pages opened from Tasklist (the receipt, the desk page). Reads the
 * webapps' own session classes, like the engine gate does.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

	private final ProcessEngine engine;

	WebappSessionAuthentication(ProcessEngine engine) {
		this.engine = engine;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityContext current = SecurityContextHolder.getContext();
		if (current.getAuthentication() == null || !current.getAuthentication().isAuthenticated()) {
			UserAuthentication user = webappUser(request);
			if (user != null) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null,
						CamundaIdentityAuthenticationProvider.authorities(groups)));
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	private UserAuthentication webappUser(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
		Authentication user = all == null ? null : all.getAuthenticationForProcessEngine(this.engine.getName());
		return user instanceof UserAuthentication authenticated ? authenticated : null;
	}

}
