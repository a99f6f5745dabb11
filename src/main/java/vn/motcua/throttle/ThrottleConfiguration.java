package vn.motcua.throttle;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ThrottleConfiguration {

	/** The throttles' time: waits and refills are measured on it. */
	@Bean
	ThrottleClock throttleClock() {
		return new ThrottleClock(Clock.systemUTC());
	}

	/** Before Spring Security and Camunda's REST authentication, so that a waiting address is never checked. */
	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle,
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
		var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, webappPath));
		registration.setName("login-throttle");
		registration.addUrlPatterns("/*");
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
		return registration;
	}

}
