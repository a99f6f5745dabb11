package vn.motcua.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Security on by default. {@code /engine-rest} is guarded by Camunda's own HTTP Basic filter so
 * that engine authorizations apply to every call; the webapps under {@code /camunda} keep their
 * own session login and CSRF protection; Motcua's pages log in against Camunda identity, or take
 * the user logged in to the webapps in the same session ({@link WebappSessionAuthentication}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String[] PUBLIC = { "/", "/login", "/error", "/css/**", "/img/**", "/js/**", "/favicon.ico",
			"/calendar/**", "/api/calendar/**", "/tra-cuu/**", "/api/public/**", "/actuator/health/**" };

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(ProcessEngine engine,
			PlatformTransactionManager transactions) {
		var registration = new FilterRegistrationBean<ProcessEngineAuthenticationFilter>(
				new EngineRestAuthentication(engine, transactions));
		registration.setName("camunda-rest-authentication");
		registration.addUrlPatterns("/engine-rest/*");
		// before the engine gate (vn.motcua.gate), which reads the authenticated user
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
		return http.securityMatcher(path("/engine-rest/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
		return http.securityMatcher(path("/camunda/**"))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain application(HttpSecurity http, ProcessEngine engine) throws Exception {
		return http
			.addFilterAfter(new WebappSessionAuthentication(engine), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC)
				.permitAll()
				.requestMatchers("/audit/integrity", "/api/audit/**")
				.hasAnyRole("AUDITOR", "ADMIN")
				.requestMatchers("/audit/**")
				.hasAnyRole("AUDITOR", "SUPERVISOR", "ADMIN")
				.requestMatchers("/reports/**")
				.hasAnyRole("AUDITOR", "SUPERVISOR", "ADMIN")
				.requestMatchers("/desk/**", "/api/desk/**")
				.hasAnyRole("OFFICER", "SUPERVISOR")
				.requestMatchers("/breaches/**")
				.hasAnyRole("SUPERVISOR", "AUDITOR", "ADMIN")
				// verifying a signed PDF: any staff account (docs/signing.md)
				.requestMatchers("/ky-so/**", "/api/signatures/**")
				.authenticated()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
					// answered on /error with a Vietnamese problem detail
					(request, response, ex) -> response.sendError(HttpStatus.UNAUTHORIZED.value()),
					new OrRequestMatcher(path("/api/**"), path("/actuator/**"))))
			.logout(logout -> logout.logoutSuccessUrl("/"))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
			.build();
	}

}
