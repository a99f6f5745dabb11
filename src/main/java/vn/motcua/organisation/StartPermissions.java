package vn.motcua.organisation;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may start what: the officials of every desk may start each <em>procedure</em>, a deployed
 * process whose start event carries the procedure's intake form ({@code <key>-intake}), and
 * nothing else (not {@code agency-step}, not any other called or internal process). Granted per
 * process definition key after the startup deployment and after every deployment over REST.
 */
@Component
@Order(110)
public class StartPermissions implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartPermissions.class);

	private final Organisation organisation;

	private final RepositoryService repository;

	private final AuthorizationService authorizations;

	StartPermissions(Organisation organisation, RepositoryService repository, AuthorizationService authorizations) {
		this.organisation = organisation;
		this.repository = repository;
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		grantProcedures();
	}

	/** Grants CREATE_INSTANCE on every deployed procedure to the desks' groups. Idempotent. */
	public synchronized void grantProcedures() {
		List<String> procedures = procedureKeys();
		for (Unit desk : this.organisation.desks()) {
			for (String group : List.of(desk.officersGroup(), desk.supervisorsGroup())) {
				procedures.forEach(key -> grant(group, key));
			}
		}
		log.info("Desk officials may start {} procedures: {}", procedures.size(), procedures);
	}

	/** Keys of the latest deployed definitions that are procedures. */
	public List<String> procedureKeys() {
		return this.repository.createProcessDefinitionQuery()
			.latestVersion()
			.list()
			.stream()
			.filter(this::isProcedure)
			.map(ProcessDefinition::getKey)
			.distinct()
			.sorted()
			.toList();
	}

	private boolean isProcedure(ProcessDefinition definition) {
		BpmnModelInstance model = this.repository.getBpmnModelInstance(definition.getId());
		String intake = definition.getKey() + "-intake";
		return model.getModelElementsByType(StartEvent.class)
			.stream()
			.anyMatch(start -> start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process
					&& intake.equals(start.getCamundaFormRef()));
	}

	private void grant(String group, String key) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId(key)
			.singleResult();
		Authorization authorization = existing != null ? existing
				: this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		if (existing != null && authorization.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)
				&& authorization.isPermissionGranted(ProcessDefinitionPermissions.READ)) {
			return;
		}
		authorization.setGroupId(group);
		authorization.setResource(Resources.PROCESS_DEFINITION);
		authorization.setResourceId(key);
		authorization.addPermission(ProcessDefinitionPermissions.READ);
		authorization.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
		this.authorizations.saveAuthorization(authorization);
	}

}
