package vn.motcua.system;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camunda's HTTP Basic authentication of {@code /engine-rest}, with the password check and the
 * caller's groups and tenants read in one transaction (Camunda's filter runs them as three engine
 * commands, each in a transaction of its own, on every request), and the application's engine
 * addressed directly instead of through a service-loader scan of the class path on every request.
 * What is checked and what the engine is told are Camunda's own.
 */
final class EngineRestAuthentication extends ProcessEngineAuthenticationFilter {

	private final ProcessEngine engine;

	private final TransactionTemplate transaction;

	EngineRestAuthentication(ProcessEngine engine, PlatformTransactionManager transactions) {
		this.engine = engine;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void init(FilterConfig config) {
		this.authenticationProvider = new Basic();
		this.servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
	}

	@Override
	protected ProcessEngine getAddressedEngine(String engineName) {
		return this.engine.getName().equals(engineName) ? this.engine : super.getAddressedEngine(engineName);
	}

	private final class Basic extends HttpBasicAuthenticationProvider {

		@Override
		public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine addressed) {
			// a failed check records the attempt (Camunda's login attempts), so the transaction may write
			return EngineRestAuthentication.this.transaction.execute(status -> {
				AuthenticationResult result = super.extractAuthenticatedUser(request, addressed);
				if (result.isAuthenticated()) {
					result.setGroups(getGroupsOfUser(addressed, result.getAuthenticatedUser()));
					result.setTenants(getTenantsOfUser(addressed, result.getAuthenticatedUser()));
				}
				return result;
			});
		}

	}

}
