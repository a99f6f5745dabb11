package vn.motcua.gate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import vn.motcua.errors.ClientMistake;
import vn.motcua.errors.ErrorAnswers;
import vn.motcua.intake.IntakeForm;
import vn.motcua.intake.ReceivingDesks;
import vn.motcua.organisation.StartPermissions;
import vn.motcua.intake.Dossiers;
import vn.motcua.procedure.DossierStops;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.ProcedureElements;
import vn.motcua.procedure.SystemVariables;

/**
 * The one gate for writes through the engine's REST API, both where Camunda Modeler and other
 * systems call it ({@code /engine-rest}) and where Tasklist and Cockpit call it
 * ({@code /camunda/api/engine}). Before the engine sees a request:
 * <ul>
 * <li>completing a task (complete, submit-form, resolve) sends only the fields its deployed
 * Camunda Form lets the user enter, obeying the form's rules;</li>
 * <li>starting a procedure sends only the fields of its intake form, plus the choice of one of the
 * official's own desks ({@code receivingUnit}); internal processes are not started by officials;</li>
 * <li>the other paths that write variables (task / execution / process-instance variables,
 * modification, signals, messages, conditions, external tasks, restart) are for administrators only,
 * and nobody writes a {@linkplain SystemVariables system variable} or moves a task's due date.</li>
 * </ul>
 * A refusal is a 400 (403 for a path or unit that is not the user's) with a Vietnamese message
 * naming the field, answered by {@link ErrorAnswers}; nothing reaches the engine, so nothing is
 * stored.
 */
class EngineGate extends OncePerRequestFilter {

	private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/([^/]+))?(/.*)$");

	private static final Pattern WEBAPP_API = Pattern.compile("^/camunda/api/engine/engine/([^/]+)(/.*)$");

	private static final Pattern TASK_SUBMIT = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)/?$");

	private static final Pattern TASK_UPDATE = Pattern.compile("^/task/([^/]+)/?$");

	private static final Pattern START = Pattern
		.compile("^/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(start|submit-form)/?$");

	private static final Pattern DEPLOY = Pattern.compile("^/deployment/create/?$");

	private static final Pattern MESSAGE = Pattern.compile("^/message/?$");

	/** Every other path that writes process variables. */
	private static final List<Pattern> VARIABLE_WRITES = List.of(Pattern.compile("/(variables|localVariables)(/|$)"),
			Pattern.compile("^/process-instance/variables-async"), Pattern.compile("/modification(-async)?/?$"),
			Pattern.compile("^/execution/[^/]+/(signal|messageSubscriptions)"), Pattern.compile("^/signal"),
			Pattern.compile("^/message"), Pattern.compile("^/condition"), Pattern.compile("/restart(-async)?/?$"),
			Pattern.compile("^/external-task/"), Pattern.compile("^/task/[^/]+/(bpmnError|bpmnEscalation)"),
			Pattern.compile("^/case-"));

	/** JSON members whose object keys (or array items for deletions) are variable names. */
	private static final Set<String> VARIABLE_CONTAINERS = Set.of("variables", "localVariables", "modifications",
			"processVariables", "processVariablesLocal", "processVariablesToTriggeredScope", "initialVariables");

	private static final Set<String> START_OPTIONS = Set.of("startInstructions", "skipCustomListeners", "skipIoMappings");

	private final IdentityService identity;

	private final TaskService tasks;

	private final FormService forms;

	private final RepositoryService repository;

	private final ReceivingDesks desks;

	private final StartPermissions startPermissions;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final Map<String, IntakeForm> startForms = new ConcurrentHashMap<>();

	/** Forms of deployed task form references that never change (binding deployment or version). */
	private final Map<String, IntakeForm> taskForms = new ConcurrentHashMap<>();

	private final TransactionTemplate checks;

	private final DossierStops stops;

	private final Dossiers dossiers;

	EngineGate(IdentityService identity, TaskService tasks, FormService forms, RepositoryService repository,
			ReceivingDesks desks, StartPermissions startPermissions, MessageSource messages, ObjectMapper json,
			PlatformTransactionManager transactions, DossierStops stops, Dossiers dossiers) {
		this.checks = new TransactionTemplate(transactions);
		this.checks.setReadOnly(true);
		this.stops = stops;
		this.dossiers = dossiers;
		this.identity = identity;
		this.tasks = tasks;
		this.forms = forms;
		this.repository = repository;
		this.desks = desks;
		this.startPermissions = startPermissions;
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String method = request.getMethod();
		String uri = UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()),
				StandardCharsets.UTF_8);
		Matcher rest = ENGINE_REST.matcher(uri);
		Matcher webapp = WEBAPP_API.matcher(uri);
		String path = rest.matches() ? rest.group(2) : webapp.matches() ? webapp.group(2) : null;
		if (path == null || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
			chain.doFilter(request, response);
			return;
		}
		Caller caller = Caller.of(this.identity.getCurrentAuthentication(), request,
				webapp.matches() ? webapp.group(1) : null);
		byte[] body = isJson(request) ? request.getInputStream().readAllBytes() : null;
		if (method.equals("POST") && MESSAGE.matcher(path).matches() && body != null
				&& ProcedureElements.STOP_MESSAGE.equals(read(body).path("messageName").asText(null))) {
			try {
				stopByMessage(read(body), caller);
			}
			catch (RuntimeException ex) {
				ClientMistake mistake = mistake(ex);
				if (mistake == null) {
					throw ex;
				}
				ErrorAnswers.refuse(request, response, mistake);
				return;
			}
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		byte[] checked = body;
		try {
			// the checks' engine queries share one transaction: one commit, not one per query
			this.checks.executeWithoutResult(status -> check(method, path, checked, caller, request));
		}
		catch (UnexpectedRollbackException readOnly) {
			// a query of the checks failed and was handled (e.g. a task without a form): they only read, and
			// they passed, so the rollback of their transaction loses nothing
		}
		catch (Refusal refusal) {
			ErrorAnswers.refuse(request, response, refusal);
			return;
		}
		Matcher update = TASK_UPDATE.matcher(path);
		if (method.equals("PUT") && update.matches()) {
			try {
				if (followUpOnly(update.group(1), read(body), caller)) {
					response.setStatus(HttpServletResponse.SC_NO_CONTENT);
					return;
				}
			}
			catch (Refusal refusal) {
				ErrorAnswers.refuse(request, response, refusal);
				return;
			}
			body = withoutFormRef(body);
		}
		chain.doFilter(body == null ? request : new CachedBody(request, body), response);
		if (DEPLOY.matcher(path).matches() && response.getStatus() < 300) {
			asSystem(() -> {
				this.startPermissions.grantProcedures();
				return null;
			});
		}
	}

	/**
	 * The stop message ({@value ProcedureElements#STOP_MESSAGE}) is never correlated by the engine's
	 * REST resource: the gate stops the dossier through {@link DossierStops}, which applies the rules
	 * (an official of the receiving unit, a dossier still being handled, the applicant's request with
	 * {@code stopRequestedOn} and {@code stopReason}) to everyone, administrators included.
	 */
	private void stopByMessage(JsonNode body, Caller caller) {
		String code = body.path("businessKey").asText(null);
		String instance = body.path("processInstanceId").asText(null);
		if (code == null && instance != null) {
			code = this.dossiers.findByProcessInstance(instance).map(vn.motcua.intake.Dossier::code).orElse(null);
			if (code == null) {
				throw new vn.motcua.intake.UnknownDossierException(instance);
			}
		}
		if (code == null) {
			throw new Refusal(400, "businessKey", "paths.stop.message.target");
		}
		Map<String, Object> values = values(body.path("processVariables"));
		Object requestedOn = values.get(DossierVariables.STOP_REQUESTED_ON);
		Object reason = values.get(DossierVariables.STOP_REASON);
		String dossier = code;
		asSystem(() -> this.stops.stop(dossier, requestedOn == null ? null : requestedOn.toString(),
				reason == null ? null : reason.toString(), caller.name(), caller.groups()));
	}

	private static ClientMistake mistake(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ClientMistake mistake) {
				return mistake;
			}
			if (t instanceof org.camunda.bpm.engine.OptimisticLockingException
					|| t instanceof org.springframework.dao.ConcurrencyFailureException) {
				return new Refusal(409, null, "errors.concurrent");
			}
		}
		return null;
	}

	private void check(String method, String path, byte[] body, Caller caller, HttpServletRequest request) {
		Matcher submit = TASK_SUBMIT.matcher(path);
		if (method.equals("POST") && submit.matches()) {
			if (checkTaskSubmission(submit.group(1), object(body, "variables"))) {
				ErrorAnswers.checked(request, "task", submit.group(1));
			}
			return;
		}
		Matcher start = START.matcher(path);
		if (method.equals("POST") && start.matches()) {
			checkStart(start.group(1), start.group(2), read(body), caller);
			return;
		}
		Matcher update = TASK_UPDATE.matcher(path);
		if (method.equals("PUT") && update.matches()) {
			checkTaskUpdate(update.group(1), read(body));
			return;
		}
		if (VARIABLE_WRITES.stream().anyMatch(p -> p.matcher(path).find())) {
			if (!caller.admin()) {
				throw new Refusal(403, null, "gate.path.forbidden", caller.name() == null ? "?" : caller.name(), path);
			}
			for (String name : variableNames(path, body)) {
				if (SystemVariables.isProtected(name)) {
					throw new Refusal(400, name, "gate.field.system", name);
				}
			}
		}
	}

	/**
	 * A task submission: only the fields the task's form lets the user enter, by its rules. The task
	 * and its form are read without the caller's authorizations: the engine checks the caller's
	 * permission to work on the task when it completes it, and answers a refusal as for an unseen id.
	 * A submission the gate refuses is answered only to a caller who sees the task, so that the answer
	 * never tells that an id the caller cannot see exists. Returns whether the submission was checked
	 * (false: there is no such task, or the caller does not see it; the engine answers).
	 */
	private boolean checkTaskSubmission(String taskId, JsonNode variables) {
		Task task = asSystem(() -> this.tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
		if (task == null) {
			return false;
		}
		try {
			checkFields(task, variables);
			return true;
		}
		catch (Refusal refusal) {
			if (this.tasks.createTaskQuery().taskId(taskId).count() == 0) {
				return false;
			}
			throw refusal;
		}
	}

	/** Only the fields the task's form declares, by the form's rules. */
	private void checkFields(Task task, JsonNode variables) {
		IntakeForm form = taskForm(task);
		List<String> keys = form == null ? List.of() : form.keys();
		Map<String, Object> values = values(variables);
		for (String name : values.keySet()) {
			if (!keys.contains(name)) {
				if (SystemVariables.isProtected(name)) {
					throw new Refusal(400, name, "gate.field.system", name);
				}
				throw form == null ? new Refusal(400, name, "gate.field.noForm", name)
						: new Refusal(400, name, "gate.field.undeclared", name, form.id());
			}
		}
		if (form != null) {
			invalid(form.validate(values));
		}
	}

	/** A procedure started by an official: the intake form's fields and one of their own desks. */
	private void checkStart(String key, String definitionId, JsonNode body, Caller caller) {
		ProcessDefinition definition = definition(key, definitionId);
		if (definition == null) {
			return; // the engine answers
		}
		IntakeForm form = startForm(definition);
		if (form == null) {
			if (!caller.admin()) {
				throw new Refusal(403, null, "gate.start.internal", definition.getKey());
			}
			return;
		}
		for (String option : START_OPTIONS) {
			if (body.hasNonNull(option)) {
				throw new Refusal(400, option, "gate.field.startOption", option);
			}
		}
		Map<String, Object> values = values(body.path("variables"));
		for (String name : values.keySet()) {
			if (name.equals(DossierVariables.RECEIVING_UNIT) || form.keys().contains(name)) {
				continue;
			}
			throw SystemVariables.isProtected(name) ? new Refusal(400, name, "gate.field.system", name)
					: new Refusal(400, name, "gate.field.undeclaredStart", name, form.id());
		}
		try {
			Object unit = values.get(DossierVariables.RECEIVING_UNIT);
			this.desks.choose(caller.name(), caller.groups(), unit == null ? null : unit.toString());
		}
		catch (ReceivingDesks.Refused ex) {
			throw new Refusal(ex.forbidden() ? 403 : 400, DossierVariables.RECEIVING_UNIT, null, ex.getMessage());
		}
		invalid(form.validate(values));
	}

	/** A task update keeps the due date the legal calendar set. */
	private void checkTaskUpdate(String taskId, JsonNode body) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null || !body.has("due")) {
			return;
		}
		if (!sameDue(date(body.path("due").asText(null)), task.getDueDate())) {
			throw new Refusal(400, "due", "gate.field.due");
		}
	}

	/**
	 * Officials work their tasks (TASK_WORK) but may not update them, so the engine would refuse
	 * Tasklist's "Đặt ngày theo dõi" (a PUT of the whole task with a new {@code followUp}). An update
	 * that changes nothing but the follow-up date, by an official who is the task's assignee or one of
	 * its candidates, is applied here as the system; anything else goes on to the engine's own checks.
	 */
	private boolean followUpOnly(String taskId, JsonNode body, Caller caller) {
		if (caller.name() == null || !body.isObject() || !body.has("followUp")) {
			return false;
		}
		return asSystem(() -> {
			Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
			if (task == null || !unchanged(task, body) || !mayWork(taskId, caller)) {
				return false;
			}
			Date followUp = body.path("followUp").isNull() ? null : date(body.path("followUp").asText());
			if (followUp != null && followUp.getTime() == 0) {
				throw new Refusal(400, "followUp", "gate.field.followUp");
			}
			task.setFollowUpDate(followUp);
			this.tasks.saveTask(task);
			return true;
		});
	}

	/** Whether the task update keeps every field the engine would write, except the follow-up date. */
	private static boolean unchanged(Task task, JsonNode body) {
		return same(body, "name", task.getName()) && same(body, "description", task.getDescription())
				&& same(body, "assignee", task.getAssignee()) && same(body, "owner", task.getOwner())
				&& same(body, "parentTaskId", task.getParentTaskId())
				&& same(body, "caseInstanceId", task.getCaseInstanceId()) && same(body, "tenantId", task.getTenantId())
				&& (!body.has("priority") || body.path("priority").asInt(Integer.MIN_VALUE) == task.getPriority())
				&& (!body.has("delegationState") || body.path("delegationState").isNull() == (task.getDelegationState() == null)
						&& (task.getDelegationState() == null
								|| task.getDelegationState().name().equals(body.path("delegationState").asText())))
				&& (!body.has("due") || sameDue(body.path("due").isNull() ? null : date(body.path("due").asText()),
						task.getDueDate()));
	}

	/**
	 * Whether a due date sent back is the task's own. Tasklist sends dates to the second (it drops the
	 * milliseconds of a due time computed from the moment the step began), so they are compared to
	 * the second.
	 */
	private static boolean sameDue(Date sent, Date due) {
		return sent == null || due == null ? sent == due : sent.getTime() / 1000 == due.getTime() / 1000;
	}

	private static boolean same(JsonNode body, String field, String current) {
		if (!body.has(field)) {
			return true;
		}
		JsonNode value = body.path(field);
		return Objects.equals(value.isNull() ? null : value.asText(), current);
	}

	private boolean mayWork(String taskId, Caller caller) {
		if (this.tasks.createTaskQuery().taskId(taskId).taskAssignee(caller.name()).count() > 0
				|| this.tasks.createTaskQuery().taskId(taskId).taskCandidateUser(caller.name()).includeAssignedTasks().count() > 0) {
			return true;
		}
		return !caller.groups().isEmpty() && this.tasks.createTaskQuery()
			.taskId(taskId)
			.taskCandidateGroupIn(caller.groups())
			.includeAssignedTasks()
			.count() > 0;
	}

	/**
	 * Tasklist saves a follow-up date by sending the whole task back, {@code camundaFormRef} included;
	 * the engine's task DTO types that member as an interface Jackson cannot build ("Cannot construct
	 * instance of CamundaFormRef"), although it never applies it (the form comes from the model). The
	 * member is dropped, so the update reaches the engine.
	 */
	private byte[] withoutFormRef(byte[] body) {
		if (body == null || body.length == 0) {
			return body;
		}
		JsonNode task = read(body);
		if (!task.isObject() || !task.has("camundaFormRef")) {
			return body;
		}
		((ObjectNode) task).remove("camundaFormRef");
		try {
			return this.json.writeValueAsBytes(task);
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void invalid(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			Map.Entry<String, String> first = errors.entrySet().iterator().next();
			throw new Refusal(400, first.getKey(), "gate.field.invalid", String.join(" ", errors.values()));
		}
	}

	/**
	 * The task's Camunda Form. A reference bound to the process's deployment or to a version names
	 * one form for good, so it is read and parsed once; one bound to the latest version is read every
	 * time.
	 */
	private IntakeForm taskForm(Task task) {
		CamundaFormRef ref = task.getCamundaFormRef();
		if (ref == null || ref.getKey() == null || ref.getBinding() == null || "latest".equals(ref.getBinding())) {
			return taskForm(task.getId());
		}
		String key = ("deployment".equals(ref.getBinding()) ? task.getProcessDefinitionId() : ref.getVersion()) + "|"
				+ ref.getBinding() + "|" + ref.getKey();
		IntakeForm form = this.taskForms.get(key);
		if (form == null) {
			form = taskForm(task.getId());
			if (form != null) {
				this.taskForms.put(key, form);
			}
		}
		return form;
	}

	private IntakeForm taskForm(String taskId) {
		try (InputStream in = asSystem(() -> this.forms.getDeployedTaskForm(taskId))) {
			return new IntakeForm(this.json.readTree(in));
		}
		catch (ProcessEngineException | IOException ex) {
			return null; // no Camunda Form: the task takes no input
		}
	}

	private IntakeForm startForm(ProcessDefinition definition) {
		return this.startForms.computeIfAbsent(definition.getId(), id -> {
			try (InputStream in = asSystem(() -> this.forms.getDeployedStartForm(id))) {
				IntakeForm form = new IntakeForm(this.json.readTree(in));
				return form.id().equals(definition.getKey() + "-intake") ? form : null;
			}
			catch (ProcessEngineException | IOException ex) {
				return null;
			}
		});
	}

	private ProcessDefinition definition(String key, String id) {
		if (key != null) {
			return this.repository.createProcessDefinitionQuery()
				.processDefinitionKey(key)
				.latestVersion()
				.list()
				.stream()
				.findFirst()
				.orElse(null);
		}
		return this.repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
	}

	/** Runs engine look-ups of the gate itself without the caller's authorizations. */
	private <T> T asSystem(Supplier<T> action) {
		Authentication caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			return action.get();
		}
		finally {
			if (caller != null) {
				this.identity.setAuthentication(caller);
			}
		}
	}

	/** The values of a REST variables object ({"name": {"value": …, "type": …}}) as the form sees them. */
	private Map<String, Object> values(JsonNode variables) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (variables == null || !variables.isObject()) {
			return values;
		}
		variables.fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue())));
		return values;
	}

	private Object value(JsonNode variable) {
		JsonNode value = variable.isObject() && variable.has("value") ? variable.path("value") : variable;
		String type = variable.path("type").asText("");
		if ((type.equalsIgnoreCase("Json") || type.equalsIgnoreCase("Object")) && value.isTextual()) {
			try {
				value = this.json.readTree(value.asText());
			}
			catch (JsonProcessingException ex) {
				return value.asText();
			}
		}
		return plain(value);
	}

	private static Object plain(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isNumber()) {
			return value.numberValue();
		}
		if (value.isArray()) {
			List<Object> list = new ArrayList<>();
			value.forEach(item -> list.add(plain(item)));
			return list;
		}
		if (value.isObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			value.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
			return map;
		}
		return value.asText();
	}

	/** Names of the variables a write names in its path or body. */
	private Collection<String> variableNames(String path, byte[] body) {
		List<String> names = new ArrayList<>();
		Matcher named = Pattern.compile("/(?:variables|localVariables)/([^/]+)").matcher(path);
		if (named.find()) {
			names.add(named.group(1));
		}
		if (body != null && body.length > 0) {
			collect(read(body), names);
		}
		return names;
	}

	private static void collect(JsonNode node, List<String> names) {
		if (node.isArray()) {
			node.forEach(item -> collect(item, names));
			return;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			if (VARIABLE_CONTAINERS.contains(field.getKey()) && field.getValue().isObject()) {
				field.getValue().fieldNames().forEachRemaining(names::add);
			}
			if (field.getKey().equals("deletions") && field.getValue().isArray()) {
				field.getValue().forEach(name -> names.add(name.asText()));
			}
			collect(field.getValue(), names);
		}
	}

	private JsonNode object(byte[] body, String member) {
		return read(body).path(member);
	}

	private JsonNode read(byte[] body) {
		if (body == null || body.length == 0) {
			return this.json.createObjectNode();
		}
		try {
			JsonNode node = this.json.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(body);
			return node == null ? this.json.createObjectNode() : node;
		}
		catch (IOException ex) {
			throw new Refusal(400, null, "gate.body.unreadable");
		}
	}

	private static Date date(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Date.from(OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant());
		}
		catch (DateTimeParseException ex) {
			return new Date(0);
		}
	}

	private static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || type.toLowerCase(Locale.ROOT).contains("json");
	}


	/** The authenticated user of the request: the engine's current authentication or the webapp session. */
	record Caller(String name, List<String> groups) {

		static Caller of(Authentication engine, HttpServletRequest request, String webappEngine) {
			if (engine != null) {
				return new Caller(engine.getUserId(), engine.getGroupIds() == null ? List.of() : engine.getGroupIds());
			}
			if (webappEngine != null) {
				return WebappSession.caller(request, webappEngine);
			}
			return new Caller(null, List.of());
		}

		boolean admin() {
			return this.groups.contains(Groups.CAMUNDA_ADMIN);
		}

	}

	/** A request refused at the gate; {@code key} null means {@code args[0]} is the message. */
	static final class Refusal extends RuntimeException implements ClientMistake {

		private final int status;

		private final String field;

		private final String key;

		private final Object[] args;

		Refusal(int status, String field, String key, Object... args) {
			super(key, null, false, false);
			this.status = status;
			this.field = field;
			this.key = key;
			this.args = args;
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.valueOf(this.status);
		}

		@Override
		public String getMessage() {
			return this.key == null ? this.args[0].toString() : this.key;
		}

		@Override
		public Object[] arguments() {
			return this.key == null ? new Object[0] : this.args;
		}

		@Override
		public String field() {
			return this.field;
		}

		String key() {
			return this.key;
		}

		Object[] args() {
			return this.args;
		}

	}

	/** The request with its body already read by the gate. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UncheckedIOException(new IOException("synchronous body only"));
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public String getHeader(String name) {
			return "content-length".equalsIgnoreCase(name) ? String.valueOf(this.body.length) : super.getHeader(name);
		}

		@Override
		public java.util.Enumeration<String> getHeaders(String name) {
			return "content-length".equalsIgnoreCase(name)
					? java.util.Collections.enumeration(List.of(String.valueOf(this.body.length)))
					: super.getHeaders(name);
		}

		@Override
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
