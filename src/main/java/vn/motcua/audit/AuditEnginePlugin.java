package vn.motcua.audit;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link AuditHistoryEventHandler} to the engine's history event handlers; Camunda keeps its
 * default database handler in front of it (composite handler).
 */
@Component
class AuditEnginePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<AuditChain> chain;

	AuditEnginePlugin(ObjectProvider<AuditChain> chain) {
		this.chain = chain;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = new ArrayList<>();
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		handlers.add(new AuditHistoryEventHandler(this.chain));
		configuration.setCustomHistoryEventHandlers(handlers);
		configuration.setEnableDefaultDbHistoryEventHandler(true);
	}

}
