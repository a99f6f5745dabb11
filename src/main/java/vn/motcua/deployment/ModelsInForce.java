package vn.motcua.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Completes a deployment with the models in force, so that a diagram or a form deployed alone
 * works at once while forms and called processes stay bound by {@code deployment}:
 * <ul>
 * <li>every form and called process a diagram of the deployment refers to, and that the
 * deployment lacks, is added from the newest version in force;</li>
 * <li>every procedure in force that refers to a form or process of the deployment is added, so
 * that its new version uses the new form or process.</li>
 * </ul>
 */
final class ModelsInForce {

	private static final int PAGE = 50;

	private final Supplier<RepositoryService> repository;

	private final ObjectMapper json = new ObjectMapper();

	ModelsInForce(Supplier<RepositoryService> repository) {
		this.repository = repository;
	}

	/** The resources to add to a deployment of {@code files} (name → content). */
	Map<String, byte[]> completion(Map<String, byte[]> files) {
		RepositoryService repository = this.repository.get();
		Map<String, byte[]> added = new LinkedHashMap<>();
		Set<String> processes = new HashSet<>();
		Set<String> forms = new HashSet<>();
		files.forEach((name, bytes) -> keys(name, bytes, processes, forms));
		Set<String> originalProcesses = Set.copyOf(processes);
		Set<String> originalForms = Set.copyOf(forms);
		if (originalProcesses.isEmpty() && originalForms.isEmpty()) {
			return added;
		}
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
			.latestVersion()
			.withoutTenantId()
			.list()) {
			if (processes.contains(definition.getKey())) {
				continue;
			}
			byte[] bytes = resource(repository, definition.getDeploymentId(), definition.getResourceName());
			References refs = references(bytes);
			if (refs.forms.stream().anyMatch(originalForms::contains)
					|| refs.calls.stream().anyMatch(originalProcesses::contains)) {
				put(added, files, definition.getResourceName(), bytes);
				keys(definition.getResourceName(), bytes, processes, forms);
			}
		}
		Map<String, Optional<Found>> formsInForce = new HashMap<>();
		boolean changed = true;
		while (changed) {
			changed = false;
			Map<String, byte[]> all = new LinkedHashMap<>(files);
			all.putAll(added);
			for (var entry : all.entrySet()) {
				if (!entry.getKey().endsWith(".bpmn")) {
					continue;
				}
				References refs = references(entry.getValue());
				for (String call : refs.calls) {
					if (processes.contains(call)) {
						continue;
					}
					ProcessDefinition definition = repository.createProcessDefinitionQuery()
						.processDefinitionKey(call)
						.latestVersion()
						.withoutTenantId()
						.singleResult();
					if (definition != null) {
						byte[] bytes = resource(repository, definition.getDeploymentId(), definition.getResourceName());
						put(added, files, definition.getResourceName(), bytes);
						keys(definition.getResourceName(), bytes, processes, forms);
						changed = true;
					}
				}
				for (String form : refs.forms) {
					if (forms.contains(form)) {
						continue;
					}
					Optional<Found> found = formsInForce.computeIfAbsent(form, id -> findForm(repository, id));
					if (found.isPresent()) {
						put(added, files, found.get().name, found.get().bytes);
						forms.add(form);
						changed = true;
					}
				}
			}
		}
		return added;
	}

	private static void put(Map<String, byte[]> added, Map<String, byte[]> files, String name, byte[] bytes) {
		String unique = name;
		for (int i = 2; files.containsKey(unique) || added.containsKey(unique); i++) {
			unique = "in-force-" + i + "/" + name;
		}
		added.put(unique, bytes);
	}

	/** The newest deployed form with this id. */
	private Optional<Found> findForm(RepositoryService repository, String id) {
		for (int first = 0;; first += PAGE) {
			List<Deployment> page = repository.createDeploymentQuery()
				.withoutTenantId()
				.orderByDeploymentTime()
				.desc()
				.listPage(first, PAGE);
			for (Deployment deployment : page) {
				for (String name : repository.getDeploymentResourceNames(deployment.getId())) {
					if (name.endsWith(".form")) {
						byte[] bytes = resource(repository, deployment.getId(), name);
						if (id.equals(formId(bytes))) {
							return Optional.of(new Found(name, bytes));
						}
					}
				}
			}
			if (page.size() < PAGE) {
				return Optional.empty();
			}
		}
	}

	private void keys(String name, byte[] bytes, Set<String> processes, Set<String> forms) {
		if (name.endsWith(".form")) {
			String id = formId(bytes);
			if (id != null) {
				forms.add(id);
			}
		}
		else if (name.endsWith(".bpmn")) {
			BpmnModelInstance model = read(bytes);
			if (model != null) {
				model.getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId()));
			}
		}
	}

	private String formId(byte[] bytes) {
		try {
			String id = this.json.readTree(bytes).path("id").asText("");
			return id.isBlank() ? null : id;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** The forms and called processes a diagram refers to by fixed keys. */
	static References references(byte[] bytes) {
		References refs = new References(new HashSet<>(), new HashSet<>());
		BpmnModelInstance model = read(bytes);
		if (model == null) {
			return refs;
		}
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			fixed(task.getCamundaFormRef(), refs.forms);
		}
		for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
			fixed(start.getCamundaFormRef(), refs.forms);
		}
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			fixed(call.getCalledElement(), refs.calls);
			if (ProcedureContract.AGENCY_STEP.equals(call.getCalledElement())) {
				fixed(ProcedureContract.stepInputs(call).get("stepForm"), refs.forms);
			}
		}
		return refs;
	}

	private static void fixed(String key, Set<String> into) {
		if (key != null && !key.isBlank() && !key.contains("{")) {
			into.add(key.strip());
		}
	}

	private static BpmnModelInstance read(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.UTF_8)
			.toUpperCase(java.util.Locale.ROOT);
		if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
			return null; // refused by the contract, never parsed
		}
		try {
			return Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static byte[] resource(RepositoryService repository, String deploymentId, String name) {
		try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record References(Set<String> forms, Set<String> calls) {
	}

	private record Found(String name, byte[] bytes) {
	}

}
