package vn.motcua.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.deployment.Finding.Severity;
import vn.motcua.organisation.Organisation;

/**
 * The one deployment guard: a deployer that runs inside every new deployment, whatever its path
 * (startup, {@code /engine-rest/deployment/create} from Camunda Modeler, redeploy from Cockpit or
 * REST, the Java API), before the engine parses and stores anything. It completes the deployment
 * with the models in force ({@link ModelsInForce}), checks the whole with the
 * {@link ProcedureContract} and throws {@link DeploymentRefusedException} on any refusal, which
 * rolls the deployment back. Deployments read back from the database are not checked again.
 */
@Component
class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(DeploymentGuardPlugin.class);

	private final ApplicationContext context;

	private final Organisation organisation;

	private final MessageSource messages;

	DeploymentGuardPlugin(ApplicationContext context, Organisation organisation, MessageSource messages) {
		this.context = context;
		this.organisation = organisation;
		this.messages = messages;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			deployers.addAll(configuration.getCustomPreDeployers());
		}
		ProcedureContract contract = new ProcedureContract(this.context, List.of(this.organisation), this.messages);
		deployers.add(new Guard(contract, new ModelsInForce(configuration::getRepositoryService)));
		configuration.setCustomPreDeployers(deployers);
	}

	private final class Guard implements Deployer {

		private final ProcedureContract contract;

		private final ModelsInForce inForce;

		Guard(ProcedureContract contract, ModelsInForce inForce) {
			this.contract = contract;
			this.inForce = inForce;
		}

		@Override
		public void deploy(DeploymentEntity deployment) {
			if (!deployment.isNew()) {
				return;
			}
			Map<String, byte[]> files = new LinkedHashMap<>();
			deployment.getResources().forEach((name, resource) -> {
				if (!resource.isGenerated()) {
					files.put(name, resource.getBytes());
				}
			});
			if (deployment.getTenantId() != null) {
				refuse(List.of(new Finding(Severity.REFUSAL, deployment.getName(), null,
						this.contract.text("rule.tenant"))));
			}
			Map<String, byte[]> added = this.inForce.completion(files);
			Map<String, byte[]> all = new LinkedHashMap<>(files);
			all.putAll(added);
			List<Finding> findings = this.contract.check(all);
			List<Finding> refusals = findings.stream().filter(f -> f.severity() == Severity.REFUSAL).toList();
			if (!refusals.isEmpty()) {
				refuse(refusals);
			}
			findings.stream()
				.filter(f -> f.severity() == Severity.WARNING)
				.forEach(f -> log.warn("Deployment '{}': {}", deployment.getName(), f));
			added.forEach((name, bytes) -> {
				ResourceEntity resource = new ResourceEntity();
				resource.setName(name);
				resource.setBytes(bytes);
				resource.setDeploymentId(deployment.getId());
				resource.setType(ResourceTypes.REPOSITORY.getValue());
				resource.setCreateTime(ClockUtil.getCurrentTime());
				Context.getCommandContext().getResourceManager().insertResource(resource);
				deployment.addResource(resource);
			});
			if (!added.isEmpty()) {
				log.info("Deployment '{}' ({}) completed with the models in force {}", deployment.getName(),
						files.keySet(), added.keySet());
			}
		}

		private void refuse(List<Finding> refusals) {
			String list = refusals.stream().map(Finding::toString).collect(Collectors.joining("; "));
			throw new DeploymentRefusedException(this.contract.text("refused", refusals.size(), list), refusals);
		}

	}

}
