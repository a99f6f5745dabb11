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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
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

	private final boolean warmUp;

	private Guard guard;

	private ProcessEngineConfigurationImpl configuration;

	DeploymentGuardPlugin(ApplicationContext context, Organisation organisation, MessageSource messages,
			@Value("${motcua.deployment.warm-up:true}") boolean warmUp) {
		this.context = context;
		this.organisation = organisation;
		this.messages = messages;
		this.warmUp = warmUp;
	}

	/**
	 * Runs the guard once on the models in force when the application is ready, without deploying:
	 * the first check after a start loads the BPMN model API and its schemas, the rule texts, the
	 * bean types and the engine's parse of the definitions in force, which took seconds and made the
	 * first deployment from Camunda Modeler (whose client gives up after 5 s) time out after a
	 * restart that deployed nothing.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (!this.warmUp || this.guard == null) {
			return;
		}
		long start = System.nanoTime();
		RepositoryService repository = this.configuration.getRepositoryService();
		ProcessDefinition newest = repository.createProcessDefinitionQuery()
			.withoutTenantId()
			.latestVersion()
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		if (newest == null) {
			return;
		}
		// the engine parses the definitions of that deployment into its cache
		repository.getProcessDefinition(newest.getId());
		Map<String, byte[]> files = new LinkedHashMap<>();
		for (String name : repository.getDeploymentResourceNames(newest.getDeploymentId())) {
			if (name.endsWith(".bpmn") || name.endsWith(".form")) {
				try (var in = repository.getResourceAsStream(newest.getDeploymentId(), name)) {
					files.put(name, in.readAllBytes());
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}
		}
		Map<String, byte[]> all = new LinkedHashMap<>(files);
		all.putAll(this.guard.inForce.completion(files));
		long findings = this.guard.contract.check(all).stream().filter(f -> f.severity() == Severity.REFUSAL).count();
		log.info("Deployment guard ready in {} ms ({} files in force checked, {} refusals)",
				(System.nanoTime() - start) / 1_000_000, all.size(), findings);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			deployers.addAll(configuration.getCustomPreDeployers());
		}
		ProcedureContract contract = new ProcedureContract(this.context, List.of(this.organisation), this.messages);
		this.guard = new Guard(contract, new ModelsInForce(configuration::getRepositoryService));
		this.configuration = configuration;
		deployers.add(this.guard);
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
