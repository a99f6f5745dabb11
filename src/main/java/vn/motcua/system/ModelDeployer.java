package vn.motcua.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import vn.motcua.deployment.DeploymentRefusedException;

/**
 * Deploys every model under the top-level {@code processes/} and {@code forms/} folders in
 * one deployment, named by their path relative to the project root, with duplicate filtering:
 * an unchanged restart deploys nothing, a changed file creates a new version.
 */
@Component
public class ModelDeployer {

	private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

	private static final String SOURCE = "motcua-startup";

	private static final String[] PATTERNS = { "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
			"classpath*:forms/**/*.form" };

	private final RepositoryService repositoryService;

	private final String deploymentName;

	ModelDeployer(RepositoryService repositoryService, @Value("${motcua.deployment.name:motcua}") String name) {
		this.repositoryService = repositoryService;
		this.deploymentName = name;
	}

	/**
	 * Deploys all models when any of them changed since the last startup deployment: forms and the
	 * called {@code agency-step} process are bound by deployment, so every deployment carries all
	 * processes, forms and decisions. Returns null when nothing changed.
	 */
	public DeploymentWithDefinitions deployModels() {
		return deploy(readModels());
	}

	DeploymentWithDefinitions deploy(Map<String, byte[]> models) {
		Map<String, byte[]> deployed = latestDeployed(models.keySet());
		List<String> changed = models.keySet()
			.stream()
			.filter(name -> !Arrays.equals(models.get(name), deployed.get(name)))
			.toList();
		if (changed.isEmpty()) {
			log.info("{} models unchanged, nothing deployed", models.size());
			return null;
		}
		// Everything goes into the new deployment: call activities (agency-step) and forms are bound
		// by deployment, so a procedure must always find its called process and forms beside it.
		var builder = this.repositoryService.createDeployment().name(this.deploymentName).source(SOURCE);
		models.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
		try {
			DeploymentWithDefinitions deployment = builder.deployWithResult();
			log.info("Deployed changed models {} as deployment {}", changed, deployment.getId());
			return deployment;
		}
		catch (ParseException ex) {
			throw new InvalidModelException(describe(ex), ex);
		}
	}

	private Map<String, byte[]> latestDeployed(Collection<String> names) {
		Map<String, byte[]> found = new HashMap<>();
		List<Deployment> deployments = this.repositoryService.createDeploymentQuery()
			.deploymentName(this.deploymentName)
			.deploymentSource(SOURCE)
			.orderByDeploymentTime()
			.desc()
			.list();
		for (Deployment deployment : deployments) {
			for (String name : this.repositoryService.getDeploymentResourceNames(deployment.getId())) {
				if (names.contains(name) && !found.containsKey(name)) {
					try (InputStream in = this.repositoryService.getResourceAsStream(deployment.getId(), name)) {
						found.put(name, in.readAllBytes());
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
			if (found.size() == names.size()) {
				break;
			}
		}
		return found;
	}

	Map<String, byte[]> readModels() {
		Map<String, byte[]> models = new TreeMap<>();
		var resolver = new PathMatchingResourcePatternResolver();
		for (String pattern : PATTERNS) {
			try {
				for (Resource resource : resolver.getResources(pattern)) {
					if (!resource.isReadable()) {
						continue;
					}
					String name = relativeName(resource);
					byte[] bytes;
					try (InputStream in = resource.getInputStream()) {
						bytes = in.readAllBytes();
					}
					models.put(name, bytes);
				}
			}
			catch (IOException ex) {
				throw new InvalidModelException("Cannot read models matching " + pattern + ": " + ex.getMessage(), ex);
			}
		}
		return models;
	}

	/** {@code processes/x.bpmn} or {@code forms/y.form}, whether read from a directory or a jar. */
	static String relativeName(Resource resource) throws IOException {
		String url = resource.getURL().toString();
		for (String folder : new String[] { "/processes/", "/forms/" }) {
			int at = url.lastIndexOf(folder);
			if (at >= 0) {
				return url.substring(at + 1);
			}
		}
		return resource.getFilename();
	}

	private static String describe(ParseException ex) {
		if (ex instanceof DeploymentRefusedException) {
			return ex.getMessage();
		}
		List<String> problems = new ArrayList<>();
		for (ResourceReport report : ex.getResorceReports()) {
			String errors = report.getErrors()
				.stream()
				.map(p -> "line " + p.getLine() + ", column " + p.getColumn() + ": " + p.getMessage()
						+ (p.getMainElementId() == null ? "" : " (element " + p.getMainElementId() + ")"))
				.collect(Collectors.joining("; "));
			if (!errors.isEmpty()) {
				problems.add(report.getResourceName() + ": " + errors);
			}
		}
		return problems.isEmpty() ? ex.getMessage() : "Invalid model " + String.join(" | ", problems);
	}

	/** A model or form under {@code processes/} or {@code forms/} that cannot be deployed. */
	public static class InvalidModelException extends RuntimeException {

		InvalidModelException(String message) {
			super(message);
		}

		InvalidModelException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
