package vn.motcua.tasklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the {@link FormHeaderFilter} on both mounts of the engine's REST API. */
@Configuration(proxyBeanMethods = false)
class TasklistConfiguration {

	@Bean
	FilterRegistrationBean<FormHeaderFilter> formHeaderFilter(IdentityService identity, TaskService tasks, FormService forms, TaskDisplay display,
			ObjectMapper json) {
		var registration = new FilterRegistrationBean<>(new FormHeaderFilter(identity, tasks, forms, display, json));
		registration.setName("motcua-form-header");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

}
