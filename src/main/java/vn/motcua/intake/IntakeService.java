package vn.motcua.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.organisation.Unit;
import vn.motcua.procedure.DossierVariables;

/**
 * Starts a procedure for a dossier received at a desk: validates the request against the
 * procedure's deployed intake form before anything is stored, then starts the process (which runs
 * {@code registerDossierDelegate}) in one transaction, as the calling officer.
 */
@Service
class IntakeService {

	static final Set<String> CHANNELS = Set.of("in-person", "online", "postal");

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final ReceivingDesks desks;

	private final Dossiers dossiers;

	private final ObjectMapper json;

	private final Map<String, IntakeForm> forms = new ConcurrentHashMap<>();

	private final LookupSecrets secrets;

	IntakeService(RepositoryService repository, RuntimeService runtime, IdentityService identity,
			ReceivingDesks desks, Dossiers dossiers, LookupSecrets secrets, ObjectMapper json) {
		this.secrets = secrets;
		this.repository = repository;
		this.runtime = runtime;
		this.identity = identity;
		this.desks = desks;
		this.dossiers = dossiers;
		this.json = json;
	}

	/** A received dossier and the lookup secret of its receipt. */
	public record Received(Dossier dossier, String lookupSecret) {
	}

	/**
	 * Receives a dossier and issues the lookup secret printed on its receipt, in the transaction
	 * that starts the procedure: one commit for both.
	 */
	@Transactional
	public Received receiveWithSecret(IntakeRequest request, String userId, List<String> groupIds) {
		Dossier dossier = receive(request, userId, groupIds);
		return new Received(dossier, this.secrets.issue(dossier.code(), userId));
	}

	private Dossier receive(IntakeRequest request, String userId, List<String> groupIds) {
		if (request == null || request.procedureKey() == null || request.procedureKey().isBlank()) {
			throw new IntakeException(HttpStatus.BAD_REQUEST, "Thiếu mã thủ tục hành chính (procedureKey).",
					Map.of("procedureKey", "Trường «Thủ tục hành chính» là bắt buộc."));
		}
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(request.procedureKey())
			.latestVersion()
			.singleResult();
		if (definition == null) {
			throw new IntakeException(HttpStatus.NOT_FOUND,
					"Không có thủ tục hành chính mã '" + shorten(request.procedureKey()) + "'.", Map.of());
		}
		Unit desk = desk(request.receivingUnit(), userId, groupIds);
		IntakeForm form = intakeForm(definition);
		Map<String, Object> values = values(request, desk);
		Map<String, String> errors = new LinkedHashMap<>(undeclared(request, form));
		if (request.channel() != null && !CHANNELS.contains(request.channel())) {
			errors.put("channel", "Kênh tiếp nhận phải là một trong: in-person, online, postal.");
		}
		errors.putAll(form.validate(values));
		if (!errors.isEmpty()) {
			throw new IntakeException(HttpStatus.BAD_REQUEST, "Hồ sơ chưa hợp lệ, chưa được tiếp nhận.", errors);
		}
		VariableMap variables = Variables.createVariables();
		values.forEach((name, value) -> variables.put(name, value instanceof Collection<?> || value instanceof Map<?, ?>
				? SpinValues.jsonValue(write(value)).create() : value));
		this.identity.setAuthentication(userId, groupIds);
		ProcessInstance instance;
		try {
			instance = this.runtime.startProcessInstanceById(definition.getId(), variables);
		}
		finally {
			this.identity.clearAuthentication();
		}
		return this.dossiers.findByProcessInstance(instance.getProcessInstanceId())
			.orElseThrow(() -> new IllegalStateException("Thủ tục " + definition.getKey()
					+ " không ghi nhận hồ sơ: mô hình thiếu bước registerDossierDelegate"));
	}

	private Unit desk(String requested, String userId, List<String> groupIds) {
		try {
			return this.desks.choose(userId, groupIds, requested);
		}
		catch (ReceivingDesks.Refused ex) {
			throw new IntakeException(ex.forbidden() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST,
					ex.forbidden() ? ex.getMessage() : "Hồ sơ chưa hợp lệ, chưa được tiếp nhận.",
					ex.forbidden() ? Map.of() : Map.of(DossierVariables.RECEIVING_UNIT, ex.getMessage()));
		}
	}

	private static Map<String, Object> values(IntakeRequest request, Unit desk) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (request.data() != null) {
			values.putAll(request.data());
		}
		IntakeRequest.Applicant applicant = request.applicant() == null
				? new IntakeRequest.Applicant(null, null, null, null, null) : request.applicant();
		putIfPresent(values, DossierVariables.APPLICANT_NAME, applicant.name());
		putIfPresent(values, DossierVariables.APPLICANT_ID_NUMBER, applicant.idNumber());
		putIfPresent(values, DossierVariables.APPLICANT_PHONE, applicant.phone());
		putIfPresent(values, DossierVariables.APPLICANT_EMAIL, applicant.email());
		putIfPresent(values, DossierVariables.APPLICANT_ADDRESS, applicant.address());
		values.put(DossierVariables.CHANNEL, request.channel() == null ? "in-person" : request.channel());
		values.put(DossierVariables.DOCUMENTS, request.documents() == null ? List.of() : request.documents());
		values.put(DossierVariables.RECEIVING_UNIT, desk.code());
		return values;
	}

	/** Intake keeps only the fields its form declares: any other key under {@code data} is refused. */
	private static Map<String, String> undeclared(IntakeRequest request, IntakeForm form) {
		if (request.data() == null) {
			return Map.of();
		}
		Set<String> declared = Set.copyOf(form.keys());
		List<String> unknown = request.data().keySet().stream().filter(k -> !declared.contains(k)).toList();
		Map<String, String> errors = new LinkedHashMap<>();
		if (unknown.size() > 10) {
			errors.put("data", IntakeForm.text("intake.undeclared.many", String.valueOf(unknown.size())));
		}
		else {
			unknown.forEach(k -> errors.put(shorten(k), IntakeForm.text("intake.undeclared", shorten(k))));
		}
		return errors;
	}

	private static String shorten(String value) {
		return value.length() <= 60 ? value : value.substring(0, 57) + "…";
	}

	private static void putIfPresent(Map<String, Object> values, String key, String value) {
		if (value != null) {
			values.put(key, value.strip());
		}
	}

	/** Labels of the documents checklist of the intake form of a procedure version. */
	Map<String, String> documentLabels(String procedureKey, int version) {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(procedureKey)
			.processDefinitionVersion(version)
			.singleResult();
		return definition == null ? Map.of() : intakeForm(definition).labels(DossierVariables.DOCUMENTS);
	}

	/** The deployed intake form of a procedure version; empty when the version is not deployed. */
	java.util.Optional<IntakeForm> intakeForm(String procedureKey, int version) {
		ProcessDefinition definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(procedureKey)
			.processDefinitionVersion(version)
			.singleResult();
		return definition == null ? java.util.Optional.empty() : java.util.Optional.of(intakeForm(definition));
	}

	/** The deployed form {@code <process-id>-intake} of the definition's deployment. */
	IntakeForm intakeForm(ProcessDefinition definition) {
		String formId = definition.getKey() + "-intake";
		return this.forms.computeIfAbsent(definition.getDeploymentId() + "/" + formId, k -> {
			for (String name : this.repository.getDeploymentResourceNames(definition.getDeploymentId())) {
				if (!name.endsWith(".form")) {
					continue;
				}
				try (InputStream in = this.repository.getResourceAsStream(definition.getDeploymentId(), name)) {
					JsonNode form = this.json.readTree(in);
					if (formId.equals(form.path("id").asText())) {
						return new IntakeForm(form);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			throw new IntakeException(HttpStatus.BAD_REQUEST,
					"Thủ tục '" + definition.getKey() + "' không có biểu mẫu tiếp nhận '" + formId + "'.", Map.of());
		});
	}

	private String write(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
