package vn.motcua.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.intake.ReceivingDesks;
import vn.motcua.organisation.StartPermissions;

/**
 * Puts the {@link EngineGate} in front of both mounts of the engine's REST API, after the
 * authentication of {@code /engine-rest} (which runs at {@link #AFTER_AUTHENTICATION} - 1).
 */
@Configuration(proxyBeanMethods = false)
class GateConfiguration {

	/** Order of the gate filter. */
	static final int AFTER_AUTHENTICATION = Ordered.LOWEST_PRECEDENCE;

	@Bean
	FilterRegistrationBean<EngineGate> engineGate(IdentityService identity, TaskService tasks, FormService forms,
			RepositoryService repository, ReceivingDesks desks, StartPermissions startPermissions,
			MessageSource messages, ObjectMapper json, PlatformTransactionManager transactions,
			vn.motcua.procedure.DossierStops stops, vn.motcua.intake.Dossiers dossiers) {
		var registration = new FilterRegistrationBean<>(new EngineGate(identity, tasks, forms, repository, desks,
				startPermissions, messages, json, transactions, stops, dossiers));
		registration.setName("motcua-engine-gate");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(AFTER_AUTHENTICATION);
		return registration;
	}

}
