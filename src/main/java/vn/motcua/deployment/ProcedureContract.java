package vn.motcua.deployment;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.MessageSource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import vn.motcua.deployment.Finding.Severity;
import vn.motcua.organisation.Organisation;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * The contract every procedure model and form keeps, checked on the whole set of files of one
 * deployment: at deploy time by {@link DeploymentGuardPlugin} on every path, and in the build by
 * {@code ProcessModelConventionsTest}. Refusals name the file, the element and the rule in
 * Vietnamese.
 * <p>
 * Expressions are an allow-list: variables, literals and operators, {@code execution} as an
 * argument, {@code execution.processBusinessKey}, and the documented bean methods of
 * {@link #CALLS}. Delegates are {@code ${bean}} of this application implementing the right
 * interface. Scripts, {@code class=}, connectors, external resources and other file types are
 * refused.
 */
public final class ProcedureContract {

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	/** The called process of an agency step (an agency's part of a procedure). */
	public static final String AGENCY_STEP = "agency-step";

	/** The documented bean methods models may call, with their number of arguments. */
	public static final Map<String, Map<String, Integer>> CALLS = Map.of("routing",
			Map.of("officers", 2, "supervisors", 2), "dossierDeadlines", Map.of("officersAtFault", 1, "supervisorsAtFault", 1),
			"legalCalendar", Map.of("due", 2, "dueSameDay", 2));

	/** Beans whose methods compute instants from the working-day calendar. */
	static final Set<String> CALENDAR_BEANS = Set.of("legalCalendar");

	/** Variables the application computes from the working-day calendar. */
	public static final Set<String> CALENDAR_VARIABLES = Set.of("dossierDue", "apologyAt", "stepDue",
			"stepWarningAt", "supplementDue");

	static final Set<String> STEP_INPUTS = Set.of("stepFunction", "stepAllotment", "stepForm");

	/** Inputs that older models carried and the engine no longer reads (the model says it otherwise). */
	static final Map<String, String> DROPPED_STEP_INPUTS = Map.of("stepName", "rule.step.name.input");

	private static final Set<String> CAMUNDA_ATTRIBUTES = Set.of("historyTimeToLive", "isStartableInTasklist",
			"versionTag", "formRef", "formRefBinding", "delegateExpression", "candidateGroups", "candidateUsers",
			"dueDate", "followUpDate", "priority", "calledElementBinding", "asyncBefore", "asyncAfter", "exclusive",
			"modelerTemplate", "modelerTemplateVersion", "errorCodeVariable", "errorMessageVariable",
			"jobPriority", "failedJobRetryTimeCycle");

	private static final Map<String, Set<String>> CAMUNDA_ELEMENTS = Map.ofEntries(
			Map.entry("inputOutput", Set.of()), Map.entry("inputParameter", Set.of("name")),
			Map.entry("outputParameter", Set.of("name")), Map.entry("list", Set.of()), Map.entry("map", Set.of()),
			Map.entry("entry", Set.of("key")), Map.entry("value", Set.of()),
			Map.entry("in", Set.of("source", "sourceExpression", "target", "businessKey", "variables", "local")),
			Map.entry("out", Set.of("source", "sourceExpression", "target", "variables", "local")),
			Map.entry("taskListener", Set.of("delegateExpression", "event", "id")),
			Map.entry("executionListener", Set.of("delegateExpression", "event")),
			Map.entry("properties", Set.of()), Map.entry("property", Set.of("id", "name", "value")),
			Map.entry("failedJobRetryTimeCycle", Set.of()));

	private static final Set<String> BPMN_FORBIDDEN = Set.of("scriptTask", "script", "businessRuleTask", "sendTask");

	private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
			"ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

	private static final Pattern TOKEN = Pattern.compile("\\s+|'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\""
			+ "|[0-9]+(?:\\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\\|\\||[()<>!,.?:+\\-*/%]");

	private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

	private static final Pattern VARIABLE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

	private static final Pattern NUMBER = Pattern.compile("^\\$\\{\\s*([0-9]+(\\.[0-9]+)?)\\s*}$");

	private static final Pattern CALENDAR_CALL = Pattern
		.compile("^\\$\\{\\s*legalCalendar\\s*\\.\\s*[A-Za-z]+\\s*\\(.*\\)\\s*}$");

	private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ListableBeanFactory beans;

	private final Collection<Organisation> organisations;

	private final MessageSource messages;

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * @param beans the application's beans (delegates and documented beans)
	 * @param organisations the organisation files whose units must handle every step function
	 * @param messages the Vietnamese texts of the rules ({@code messages/deploy-guard})
	 */
	public ProcedureContract(ListableBeanFactory beans, Collection<Organisation> organisations,
			MessageSource messages) {
		this.beans = beans;
		this.organisations = List.copyOf(organisations);
		this.messages = messages;
	}

	/** Checks the files of one deployment (resource name → content) as a whole. */
	public List<Finding> check(Map<String, byte[]> resources) {
		Check check = new Check();
		Map<String, String> forms = new HashMap<>();
		Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
		resources.forEach((name, bytes) -> {
			if (name.endsWith(".form")) {
				checkForm(check, name, bytes, forms);
			}
			else if (name.endsWith(".bpmn")) {
				BpmnModelInstance model = readBpmn(check, name, bytes);
				if (model != null) {
					models.put(name, model);
				}
			}
			else {
				check.refuse(name, null, text("rule.type"));
			}
		});
		Set<String> processes = new HashSet<>();
		models.values()
			.forEach(m -> m.getModelElementsByType(Process.class).forEach(p -> processes.add(p.getId())));
		models.forEach((name, model) -> checkModel(check, name, model, forms.keySet(), processes));
		return check.findings;
	}

	// --- files ------------------------------------------------------------------------------------

	private void checkForm(Check check, String name, byte[] bytes, Map<String, String> forms) {
		JsonNode form;
		try {
			form = this.json.readTree(bytes);
		}
		catch (Exception ex) {
			check.refuse(name, null, text("rule.form.json", firstLine(ex.getMessage())));
			return;
		}
		if (form == null || !form.isObject()) {
			check.refuse(name, null, text("rule.form.json", "{ … }"));
			return;
		}
		String id = form.path("id").asText("");
		if (id.isBlank()) {
			check.refuse(name, null, text("rule.form.id"));
		}
		if (!form.path("components").isArray()) {
			check.refuse(name, null, text("rule.form.components"));
		}
		if (!id.isBlank()) {
			String previous = forms.put(id, name);
			if (previous != null) {
				check.refuse(name, null, text("rule.form.duplicate", id, previous));
			}
		}
	}

	private BpmnModelInstance readBpmn(Check check, String name, byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
		if (head.isBlank()) {
			check.refuse(name, null, text("rule.empty"));
			return null;
		}
		if (head.toUpperCase(Locale.ROOT).contains("<!DOCTYPE") || head.toUpperCase(Locale.ROOT).contains("<!ENTITY")) {
			check.refuse(name, null, text("rule.doctype"));
			return null;
		}
		Document document = ModelsInForce.dom(bytes);
		if (document == null) {
			check.refuse(name, null, text("rule.malformed", xmlProblem(bytes)));
			return null;
		}
		if (!BPMN.equals(document.getDocumentElement().getNamespaceURI())
				|| !"definitions".equals(document.getDocumentElement().getLocalName())) {
			check.refuse(name, null, text("rule.malformed", "<bpmn:definitions>"));
			return null;
		}
		scan(check, name, document.getDocumentElement());
		try {
			return Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
		}
		catch (Exception ex) {
			check.refuse(name, null, text("rule.malformed", firstLine(rootMessage(ex))));
			return null;
		}
	}

	/** The allow-list of elements, attributes and expressions, on every node of the document. */
	private void scan(Check check, String file, Element element) {
		String id = nearestId(element);
		String ns = element.getNamespaceURI();
		String local = element.getLocalName();
		if (BPMN.equals(ns) && BPMN_FORBIDDEN.contains(local)) {
			check.refuse(file, id, text("rule.element", "bpmn:" + local));
			return;
		}
		if (CAMUNDA.equals(ns) && !CAMUNDA_ELEMENTS.containsKey(local)) {
			check.refuse(file, id, text("rule.element", "camunda:" + local));
			return;
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			String attrNs = attribute.getNamespaceURI();
			String attrName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
			if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attrNs)) {
				continue;
			}
			if (CAMUNDA.equals(attrNs) && !CAMUNDA_ATTRIBUTES.contains(attrName)) {
				check.refuse(file, id, text("rule.attribute", "camunda:" + attrName));
				continue;
			}
			if (CAMUNDA.equals(ns) && attrNs == null && !CAMUNDA_ELEMENTS.get(local).contains(attrName)) {
				check.refuse(file, id, text("rule.attribute", "camunda:" + local + " " + attrName));
				continue;
			}
			if ("delegateExpression".equals(attrName)) {
				continue; // checked as a delegate with its interface
			}
			expressions(check, file, id, attribute.getValue());
		}
		if (BPMN.equals(ns) && ("documentation".equals(local) || "text".equals(local))) {
			return;
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			Node child = children.item(i);
			if (child instanceof Element e) {
				scan(check, file, e);
			}
			else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				expressions(check, file, id, child.getNodeValue());
			}
		}
	}

	private static String nearestId(Element element) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (!e.getAttribute("id").isEmpty()) {
				return e.getAttribute("id");
			}
		}
		return null;
	}

	/** Every {@code ${…}} and {@code #{…}} in a text keeps the allow-list. */
	void expressions(Check check, String file, String id, String text) {
		if (text == null) {
			return;
		}
		int from = 0;
		while (true) {
			int dollar = text.indexOf("${", from);
			int hash = text.indexOf("#{", from);
			int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
			if (start < 0) {
				return;
			}
			int end = closing(text, start + 2);
			if (end < 0) {
				check.refuse(file, id, text("rule.expr.unclosed", text.substring(start)));
				return;
			}
			String expression = text.substring(start, end + 1);
			String problem = expressionProblem(expression, text.substring(start + 2, end));
			if (problem != null) {
				check.refuse(file, id, problem);
			}
			from = end + 1;
		}
	}

	private static int closing(String text, int from) {
		char quote = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == '\\') {
					i++;
				}
				else if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
			}
			else if (c == '}') {
				return i;
			}
		}
		return -1;
	}

	private String expressionProblem(String expression, String body) {
		List<String> tokens = new ArrayList<>();
		Matcher m = TOKEN.matcher(body);
		int at = 0;
		while (at < body.length()) {
			if (!m.find(at) || m.start() != at) {
				return text("rule.expr.char", expression, String.valueOf(body.charAt(at)));
			}
			if (!m.group().isBlank()) {
				tokens.add(m.group());
			}
			at = m.end();
		}
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
				continue;
			}
			if (KEYWORDS.contains(token)) {
				continue;
			}
			String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
			if (".".equals(next)) {
				String member = i + 2 < tokens.size() ? tokens.get(i + 2) : "";
				boolean call = i + 3 < tokens.size() && "(".equals(tokens.get(i + 3));
				if ("execution".equals(token) && "processBusinessKey".equals(member) && !call) {
					i += 2;
					continue;
				}
				Map<String, Integer> methods = CALLS.get(token);
				if (methods == null || !methods.containsKey(member) || !call) {
					return text("rule.expr.member", expression, token, member, allowed());
				}
				String missing = missingMethod(token, member, methods.get(member));
				if (missing != null) {
					return missing;
				}
				i += 2;
				continue;
			}
			if ("(".equals(next)) {
				return text("rule.expr.function", expression, token);
			}
			if (":".equals(next) && i + 2 < tokens.size() && i + 3 < tokens.size() && "(".equals(tokens.get(i + 3))) {
				return text("rule.expr.function", expression, token + ":" + tokens.get(i + 2));
			}
			if (!"execution".equals(token) && this.beans.containsBean(token)) {
				return text("rule.expr.bean", expression, token, allowed());
			}
		}
		return null;
	}

	private String missingMethod(String bean, String method, int arity) {
		if (!this.beans.containsBean(bean)) {
			return text("rule.delegate.missing", bean);
		}
		Class<?> type = this.beans.getType(bean);
		if (type != null && Arrays.stream(type.getMethods())
			.noneMatch(candidate -> candidate.getName().equals(method) && candidate.getParameterCount() == arity)) {
			return text("rule.method.missing", bean, method, arity);
		}
		return null;
	}

	private static String allowed() {
		List<String> calls = new ArrayList<>();
		CALLS.forEach((bean, methods) -> methods.keySet().forEach(method -> calls.add(bean + "." + method)));
		calls.sort(null);
		calls.add("execution.processBusinessKey");
		return String.join(", ", calls);
	}

	// --- models -----------------------------------------------------------------------------------

	private void checkModel(Check check, String file, BpmnModelInstance model, Set<String> forms,
			Set<String> processes) {
		Collection<Process> all = model.getModelElementsByType(Process.class);
		if (all.stream().noneMatch(Process::isExecutable)) {
			check.refuse(file, null, text("rule.noProcess"));
		}
		String base = file.replaceFirst("^.*/", "").replaceFirst("\\.bpmn$", "");
		if (all.size() != 1) {
			check.convention(file, null, "one process per file expected, found " + all.size());
		}
		for (Process process : all) {
			if (!process.getId().equals(base)) {
				check.convention(file, process.getId(), "process id is not the file name '" + base + "'");
			}
			if (!KEBAB.matcher(process.getId()).matches() || !KEBAB.matcher(base).matches()) {
				check.convention(file, process.getId(), "process id or file name is not kebab-case");
			}
			if (process.getCamundaHistoryTimeToLiveString() == null) {
				check.convention(file, process.getId(), "process without camunda:historyTimeToLive");
			}
		}
		boolean isAgencyStep = all.stream().anyMatch(p -> AGENCY_STEP.equals(p.getId()));
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			boolean named = node instanceof Task || node instanceof Event || node instanceof Gateway
					|| node instanceof SubProcess || node instanceof CallActivity;
			if (named && (node.getName() == null || node.getName().isBlank())) {
				check.convention(file, node.getId(), "element without a name");
			}
			if (node instanceof ServiceTask task) {
				if (task.getCamundaDelegateExpression() == null && task.getCamundaExpression() == null) {
					check.refuse(file, task.getId(), text("rule.delegate.none"));
				}
				delegate(check, file, task.getId(), task.getCamundaDelegateExpression(), JavaDelegate.class);
			}
			if (node instanceof UserTask task) {
				checkUserTask(check, file, task, forms, isAgencyStep);
			}
			if (node instanceof StartEvent start) {
				if (start.getCamundaFormRef() != null) {
					formRef(check, file, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(),
							forms, false);
				}
				if (start.getCamundaFormKey() != null) {
					check.refuse(file, start.getId(), text("rule.formKey"));
				}
				if (start.getParentElement() instanceof Process
						&& !start.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
					check.refuse(file, start.getId(), text("rule.timer.start"));
				}
			}
			if (node instanceof CallActivity call) {
				checkCall(check, file, call, forms, processes);
			}
			if (node instanceof ServiceTask task && REGISTER.equals(task.getCamundaDelegateExpression())
					&& input(task, ProcedureCatalogue.LEGAL_WORKING_DAYS) != null) {
				check.refuse(file, task.getId(), text("rule.legal.input", ProcedureCatalogue.LEGAL_WORKING_DAYS));
			}
		}
		listeners(check, file, model);
		errors(check, file, model);
		for (Process process : all) {
			if (isProcedure(process)) {
				catalogue(check, file, process);
			}
		}
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			String id = ((BaseElement) timer.getParentElement()).getId();
			if (timer.getTimeDate() == null || timer.getTimeDuration() != null || timer.getTimeCycle() != null) {
				check.refuse(file, id, text("rule.timer.kind"));
				continue;
			}
			String date = timer.getTimeDate().getTextContent().strip();
			Matcher variable = VARIABLE.matcher(date);
			boolean fromCalendar = (variable.matches() && CALENDAR_VARIABLES.contains(variable.group(1))
					&& !CALENDAR_BEANS.contains(variable.group(1))) || CALENDAR_CALL.matcher(date).matches();
			if (!fromCalendar) {
				check.refuse(file, id, text("rule.timer.calendar", date,
						"${legalCalendar.due(execution, 1)}, "
								+ String.join(", ", CALENDAR_VARIABLES.stream().sorted().map(v -> "${" + v + "}").toList())));
			}
		}
		for (Process process : all) {
			allotmentWarning(check, file, process);
		}
	}

	static final String REGISTER = "${registerDossierDelegate}";

	/** A procedure: a process that registers a dossier or calls agency steps (not agency-step itself). */
	static boolean isProcedure(Process process) {
		if (AGENCY_STEP.equals(process.getId())) {
			return false;
		}
		return process.getModelInstance()
			.getModelElementsByType(ServiceTask.class)
			.stream()
			.anyMatch(t -> REGISTER.equals(t.getCamundaDelegateExpression()) && isInside(t, process))
				|| process.getModelInstance()
					.getModelElementsByType(CallActivity.class)
					.stream()
					.anyMatch(c -> AGENCY_STEP.equals(c.getCalledElement()) && isInside(c, process));
	}

	/**
	 * The catalogue entry on the process element ({@link ProcedureCatalogue}): the procedure code
	 * of the national database, the legal basis and the legal total, present and well-formed.
	 */
	private void catalogue(Check check, String file, Process process) {
		Map<String, String> values = ProcedureCatalogue.properties(process);
		String id = process.getId();
		String code = values.get(ProcedureCatalogue.CODE);
		if (code == null || code.isBlank()) {
			check.refuse(file, id, text("rule.catalogue.missing", ProcedureCatalogue.CODE, text("catalogue.code")));
		}
		else if (ProcedureCatalogue.CODE_UNKNOWN.equalsIgnoreCase(code.strip())) {
			check.warn(file, id, text("warn.catalogue.code.unknown", ProcedureCatalogue.CODE));
		}
		else if (!ProcedureCatalogue.CODE_FORMAT.matcher(code.strip()).matches()) {
			check.refuse(file, id, text("rule.catalogue.code", code, ProcedureCatalogue.CODE_UNKNOWN));
		}
		String basis = values.get(ProcedureCatalogue.LEGAL_BASIS);
		if (basis == null || basis.isBlank()) {
			check.refuse(file, id,
					text("rule.catalogue.missing", ProcedureCatalogue.LEGAL_BASIS, text("catalogue.legalBasis")));
		}
		else if (basis.strip().length() < 5) {
			check.refuse(file, id, text("rule.catalogue.basis", basis));
		}
		String days = values.get(ProcedureCatalogue.LEGAL_WORKING_DAYS);
		if (days == null || days.isBlank()) {
			check.refuse(file, id, text("rule.catalogue.missing", ProcedureCatalogue.LEGAL_WORKING_DAYS,
					text("catalogue.legalWorkingDays")));
		}
		else if (!ProcedureCatalogue.DAYS_FORMAT.matcher(days.strip()).matches()
				|| Double.parseDouble(days.strip()) <= 0) {
			check.refuse(file, id, text("rule.catalogue.days", days));
		}
	}

	/**
	 * The refusal is explicit in the models: the only BPMN error is the step's refusal
	 * ({@link AgencyStepProcess#DOSSIER_REFUSED}), and every agency step of a procedure is caught by
	 * an error boundary for it, on the step or on a sub-process around it.
	 */
	private void errors(Check check, String file, BpmnModelInstance model) {
		for (org.camunda.bpm.model.bpmn.instance.Error error : model
			.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class)) {
			if (!AgencyStepProcess.DOSSIER_REFUSED.equals(error.getErrorCode())) {
				check.refuse(file, error.getId(),
						text("rule.error.code", String.valueOf(error.getErrorCode()), AgencyStepProcess.DOSSIER_REFUSED));
			}
		}
		for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
			if (AGENCY_STEP.equals(call.getCalledElement()) && !refusalCaught(call)) {
				check.refuse(file, call.getId(), text("rule.step.refusal", AgencyStepProcess.DOSSIER_REFUSED));
			}
		}
	}

	private static boolean refusalCaught(FlowNode step) {
		for (var scope = (org.camunda.bpm.model.xml.instance.ModelElementInstance) step; scope != null
				&& !(scope instanceof Process); scope = scope.getParentElement()) {
			if (!(scope instanceof org.camunda.bpm.model.bpmn.instance.Activity activity)) {
				continue;
			}
			for (BoundaryEvent boundary : step.getModelInstance().getModelElementsByType(BoundaryEvent.class)) {
				if (boundary.getAttachedTo() == activity && boundary.getEventDefinitions()
					.stream()
					.anyMatch(d -> d instanceof ErrorEventDefinition e && (e.getError() == null
							|| AgencyStepProcess.DOSSIER_REFUSED.equals(e.getError().getErrorCode())))) {
					return true;
				}
			}
		}
		return false;
	}

	private void checkUserTask(Check check, String file, UserTask task, Set<String> forms, boolean isAgencyStep) {
		if (task.getCamundaFormKey() != null) {
			check.refuse(file, task.getId(), text("rule.formKey"));
		}
		if (task.getCamundaFormRef() == null) {
			check.convention(file, task.getId(), "user task without camunda:formRef");
		}
		else {
			formRef(check, file, task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), forms,
					isAgencyStep);
		}
		if (task.getCamundaCandidateGroups() == null || !task.getCamundaCandidateGroups().contains("{")) {
			check.convention(file, task.getId(), "user task without candidate groups expression");
		}
		if (task.getCamundaDueDate() == null) {
			check.convention(file, task.getId(), "user task without due date");
		}
	}

	private void formRef(Check check, String file, String id, String ref, String binding, Set<String> forms,
			boolean isAgencyStep) {
		if (!"deployment".equals(binding)) {
			check.refuse(file, id, text("rule.formRef.binding"));
		}
		if (ref.contains("{")) {
			if (!(isAgencyStep && "${stepForm}".equals(ref.strip()))) {
				check.refuse(file, id, text("rule.formRef.expression", ref, "${stepForm}"));
			}
		}
		else if (!forms.contains(ref)) {
			check.refuse(file, id, text("rule.formRef.missing", ref));
		}
	}

	private void checkCall(Check check, String file, CallActivity call, Set<String> forms, Set<String> processes) {
		String called = call.getCalledElement();
		if (called == null || called.contains("{")) {
			check.refuse(file, call.getId(), text("rule.call.expression"));
			return;
		}
		if (!"deployment".equals(call.getCamundaCalledElementBinding())) {
			check.refuse(file, call.getId(), text("rule.call.binding"));
		}
		if (!processes.contains(called)) {
			check.refuse(file, call.getId(), text("rule.call.missing", called));
		}
		if (!AGENCY_STEP.equals(called)) {
			return;
		}
		Map<String, String> inputs = stepInputs(call);
		if (call.getName() == null || call.getName().isBlank()) {
			check.refuse(file, call.getId(), text("rule.step.name"));
		}
		DROPPED_STEP_INPUTS.forEach((input, rule) -> {
			if (inputs.containsKey(input)) {
				check.refuse(file, call.getId(), text(rule, input));
			}
		});
		for (String required : STEP_INPUTS.stream().sorted().toList()) {
			if (inputs.get(required) == null || inputs.get(required).isBlank()) {
				check.refuse(file, call.getId(), text("rule.step.input", required));
			}
		}
		String function = inputs.get("stepFunction");
		if (function != null && !function.isBlank()) {
			for (Organisation organisation : this.organisations) {
				if (organisation.units().stream().noneMatch(u -> u.handles(function))) {
					check.refuse(file, call.getId(), text("rule.step.function", function, organisation.name()));
				}
			}
		}
		String allotment = inputs.get("stepAllotment");
		if (allotment != null && !allotment.isBlank() && quarterDays(allotment) < 0) {
			check.refuse(file, call.getId(), text("rule.step.allotment", allotment, "${1.5}"));
		}
		String form = inputs.get("stepForm");
		if (form != null && !form.isBlank() && (form.contains("{") || !forms.contains(form))) {
			check.refuse(file, call.getId(), text("rule.step.form", form));
		}
	}

	/** The constant inputs of a call activity (target → source expression or source). */
	static Map<String, String> stepInputs(CallActivity call) {
		Map<String, String> inputs = new HashMap<>();
		if (call.getExtensionElements() == null) {
			return inputs;
		}
		for (CamundaIn in : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
			if (in.getCamundaTarget() != null) {
				inputs.put(in.getCamundaTarget(),
						in.getCamundaSourceExpression() != null ? in.getCamundaSourceExpression() : in.getCamundaSource());
			}
		}
		return inputs;
	}

	private static String input(BaseElement element, String name) {
		return element.getModelInstance()
			.getModelElementsByType(CamundaInputParameter.class)
			.stream()
			.filter(p -> name.equals(p.getCamundaName()) && isInside(p, element))
			.map(p -> p.getTextContent().strip())
			.findFirst()
			.orElse(null);
	}

	private static boolean isInside(org.camunda.bpm.model.xml.instance.ModelElementInstance child, BaseElement parent) {
		for (var e = child.getParentElement(); e != null; e = e.getParentElement()) {
			if (e.equals(parent)) {
				return true;
			}
		}
		return false;
	}

	/** Working days of {@code ${n}} when n is a non-negative multiple of 0.25, else -1. */
	static double quarterDays(String expression) {
		Matcher m = NUMBER.matcher(expression.strip());
		if (!m.matches()) {
			return -1;
		}
		double days = Double.parseDouble(m.group(1));
		return Math.abs(days * 4 - Math.rint(days * 4)) > 1e-9 ? -1 : days;
	}

	private void listeners(Check check, String file, BpmnModelInstance model) {
		for (var listener : model
			.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)) {
			delegate(check, file, owner(listener), listener.getCamundaDelegateExpression(), TaskListener.class);
		}
		for (var listener : model
			.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener.class)) {
			delegate(check, file, owner(listener), listener.getCamundaDelegateExpression(), ExecutionListener.class);
		}
	}

	private static String owner(org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
		for (var e = element.getParentElement(); e != null; e = e.getParentElement()) {
			if (e instanceof BaseElement base && base.getId() != null) {
				return base.getId();
			}
		}
		return null;
	}

	private void delegate(Check check, String file, String id, String expression, Class<?> type) {
		if (expression == null) {
			return;
		}
		Matcher m = BEAN.matcher(expression.strip());
		if (!m.matches()) {
			check.refuse(file, id, text("rule.delegate.form", expression, "${registerDossierDelegate}"));
			return;
		}
		String bean = m.group(1);
		if (!this.beans.containsBean(bean)) {
			check.refuse(file, id, text("rule.delegate.missing", bean));
			return;
		}
		Class<?> actual = this.beans.getType(bean);
		if (!this.beans.isTypeMatch(bean, type) || actual == null || !actual.getName().startsWith("vn.motcua.")) {
			check.refuse(file, id, text("rule.delegate.type", bean, type.getSimpleName()));
		}
	}

	/**
	 * Warns when the agency steps on the longest path of a procedure add up to more working days
	 * than its legal total (the catalogue entry's {@code legalWorkingDays}).
	 */
	private void allotmentWarning(Check check, String file, Process process) {
		String value = ProcedureCatalogue.properties(process).get(ProcedureCatalogue.LEGAL_WORKING_DAYS);
		if (value == null || !ProcedureCatalogue.DAYS_FORMAT.matcher(value.strip()).matches()) {
			return;
		}
		double legal = Double.parseDouble(value.strip());
		Map<String, Double> memo = new HashMap<>();
		double longest = 0;
		for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
			longest = Math.max(longest, longestFrom(start, false, memo, new HashSet<>()));
		}
		if (longest > legal + 1e-9) {
			check.warn(file, process.getId(), text("warn.allotment", format(longest), format(legal)));
		}
	}

	/** Working days of the steps on the longest path from a node; steps while the clock is paused do not count. */
	private double longestFrom(FlowNode node, boolean paused, Map<String, Double> memo, Set<String> path) {
		if (node instanceof ServiceTask task && "${pauseDossierClockDelegate}".equals(task.getCamundaDelegateExpression())) {
			paused = true;
		}
		if (node instanceof ServiceTask task && "${resumeDossierClockDelegate}".equals(task.getCamundaDelegateExpression())) {
			paused = false;
		}
		String key = node.getId() + "/" + paused;
		if (memo.containsKey(key)) {
			return memo.get(key);
		}
		if (!path.add(key)) {
			return 0;
		}
		double own = 0;
		if (!paused && node instanceof CallActivity call && AGENCY_STEP.equals(call.getCalledElement())) {
			String allotment = stepInputs(call).get("stepAllotment");
			own = allotment == null ? 0 : Math.max(0, quarterDays(allotment));
		}
		if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
			for (StartEvent start : sub.getChildElementsByType(StartEvent.class)) {
				own = Math.max(own, longestFrom(start, paused, memo, path));
			}
		}
		double next = 0;
		for (SequenceFlow flow : node.getOutgoing()) {
			if (!(flow.getTarget() instanceof BoundaryEvent)) {
				next = Math.max(next, longestFrom(flow.getTarget(), paused, memo, path));
			}
		}
		path.remove(key);
		memo.put(key, own + next);
		return own + next;
	}

	private static String format(double days) {
		return days == Math.rint(days) ? String.valueOf((long) days) : String.valueOf(days).replace('.', ',');
	}

	// --- texts ------------------------------------------------------------------------------------

	String text(String key, Object... args) {
		return this.messages.getMessage("deploy-guard." + key, args, VIETNAMESE);
	}

	private static String xmlProblem(byte[] bytes) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			var builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			builder.parse(new ByteArrayInputStream(bytes));
			return "";
		}
		catch (Exception ex) {
			return firstLine(ex.getMessage());
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() == null ? cause.toString() : cause.getMessage();
	}

	/** The findings of one check. */
	static final class Check {

		final List<Finding> findings = new ArrayList<>();

		void refuse(String file, String element, String message) {
			this.findings.add(new Finding(Severity.REFUSAL, file, element, message));
		}

		void warn(String file, String element, String message) {
			this.findings.add(new Finding(Severity.WARNING, file, element, message));
		}

		void convention(String file, String element, String message) {
			this.findings.add(new Finding(Severity.CONVENTION, file, element, message));
		}

	}

}
