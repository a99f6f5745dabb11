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

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
			processes.addAll(processes(bytes));
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

	/** The forms and called processes a diagram refers to by fixed keys (read without schema validation). */
	static References references(byte[] bytes) {
		References refs = new References(new HashSet<>(), new HashSet<>());
		Document document = dom(bytes);
		if (document == null) {
			return refs;
		}
		for (String type : List.of("userTask", "startEvent")) {
			NodeList nodes = document.getElementsByTagNameNS(ProcedureContract.BPMN, type);
			for (int i = 0; i < nodes.getLength(); i++) {
				fixed(((Element) nodes.item(i)).getAttributeNS(ProcedureContract.CAMUNDA, "formRef"), refs.forms);
			}
		}
		NodeList calls = document.getElementsByTagNameNS(ProcedureContract.BPMN, "callActivity");
		for (int i = 0; i < calls.getLength(); i++) {
			Element call = (Element) calls.item(i);
			fixed(call.getAttribute("calledElement"), refs.calls);
			if (ProcedureContract.AGENCY_STEP.equals(call.getAttribute("calledElement"))) {
				NodeList ins = call.getElementsByTagNameNS(ProcedureContract.CAMUNDA, "in");
				for (int j = 0; j < ins.getLength(); j++) {
					Element in = (Element) ins.item(j);
					if ("stepForm".equals(in.getAttribute("target"))) {
						fixed(in.getAttribute("sourceExpression"), refs.forms);
					}
				}
			}
		}
		return refs;
	}

	/** The executable and other processes a diagram defines. */
	static Set<String> processes(byte[] bytes) {
		Set<String> keys = new HashSet<>();
		Document document = dom(bytes);
		if (document != null) {
			NodeList nodes = document.getElementsByTagNameNS(ProcedureContract.BPMN, "process");
			for (int i = 0; i < nodes.getLength(); i++) {
				fixed(((Element) nodes.item(i)).getAttribute("id"), keys);
			}
		}
		return keys;
	}

	private static void fixed(String key, Set<String> into) {
		if (key != null && !key.isBlank() && !key.contains("{")) {
			into.add(key.strip());
		}
	}

	/** A namespace-aware DOM of the diagram; null when it cannot be read or declares a DOCTYPE. */
	static Document dom(byte[] bytes) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(bytes));
		}
		catch (Exception ex) {
			return null; // refused by the contract
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
