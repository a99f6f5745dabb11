package vn.motcua.gate;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who is logged in to the Camunda webapps (Tasklist, Cockpit, Admin), read from their HTTP
 * session. The only place Motcua reads the webapps' own session classes: the gate may run
 * before the webapps' authentication filter has put the user on the engine.
 */
final class WebappSession {

	private WebappSession() {
	}

	static EngineGate.Caller caller(HttpServletRequest request, String engineName) {
		HttpSession session = request.getSession(false);
		Authentications all = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
		Authentication user = all == null ? null : all.getAuthenticationForProcessEngine(engineName);
		if (user instanceof UserAuthentication authenticated) {
			return new EngineGate.Caller(authenticated.getName(),
					authenticated.getGroupIds() == null ? List.of() : authenticated.getGroupIds());
		}
		return new EngineGate.Caller(null, List.of());
	}

}
