package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.motcua.organisation.Organisation;

/**
 * The contract of {@code docs/procedures/README.md}, checked on every file of the top-level
 * {@code processes/} and {@code forms/} folders against the running application context.
 */
class ProcessModelConventionsTest extends ProcedureTestBase {

	private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

	private static final Pattern CALL = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\.");

	private static final Pattern NUMBER = Pattern.compile("^\\$\\{\\s*([0-9]+(\\.[0-9]+)?)\\s*}$");

	@Autowired
	ApplicationContext context;

	@Test
	void everyModelAndFormKeepsTheContract() throws IOException {
		List<String> problems = problems(Path.of("processes"), Path.of("forms"));
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
	}

	@Test
	void brokenModelsAreCaught(@TempDir Path dir) throws IOException {
		Path processes = Files.createDirectories(dir.resolve("processes"));
		Path forms = Files.createDirectories(dir.resolve("forms"));
		Files.writeString(forms.resolve("a.form"), "{\"id\": \"same\", \"components\": []}");
		Files.writeString(forms.resolve("b.form"), "{\"id\": \"same\", \"components\": []}");
		Files.writeString(processes.resolve("Broken_Model.bpmn"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
				  <bpmn:process id="other" isExecutable="true">
				    <bpmn:startEvent id="S" name="Start" />
				    <bpmn:userTask id="U" camunda:formRef="nowhere" />
				    <bpmn:serviceTask id="T" name="T" camunda:class="x.Y" />
				    <bpmn:serviceTask id="N" name="N" camunda:delegateExpression="${noSuchDelegate}" />
				    <bpmn:scriptTask id="X" name="X" />
				    <bpmn:callActivity id="C" name="C" calledElement="agency-step">
				      <bpmn:extensionElements>
				        <camunda:in sourceExpression="astrology" target="stepFunction" />
				        <camunda:in sourceExpression="${0.3}" target="stepAllotment" />
				      </bpmn:extensionElements>
				    </bpmn:callActivity>
				  </bpmn:process>
				</bpmn:definitions>
				""");
		List<String> problems = problems(processes, forms);
		assertThat(String.join("\n", problems)).contains("duplicate form id 'same'", "is not the file name",
				"not kebab-case", "historyTimeToLive", "'U' has no name", "without candidate groups",
				"without due date", "formRef 'nowhere'", "camunda:class", "script task", "noSuchDelegate",
				"stepName", "stepForm", "astrology", "0.3");
	}

	List<String> problems(Path processDir, Path formDir) throws IOException {
		List<String> problems = new ArrayList<>();
		Map<String, String> forms = forms(formDir, problems);
		List<Organisation> organisations = new ArrayList<>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:organisation/*.yaml")) {
			organisations.add(Organisation.read(resource));
		}
		try (Stream<Path> files = Files.list(processDir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				checkModel(file, forms, organisations, problems);
			}
		}
		return problems;
	}

	private Map<String, String> forms(Path dir, List<String> problems) throws IOException {
		Map<String, String> ids = new HashMap<>();
		ObjectMapper json = new ObjectMapper();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
				JsonNode form = json.readTree(file.toFile());
				String id = form.path("id").asText("");
				if (id.isBlank()) {
					problems.add(file + ": form without id");
				}
				else {
					String previous = ids.put(id, file.toString());
					if (previous != null) {
						problems.add(file + ": duplicate form id '" + id + "' (also in " + previous + ")");
					}
				}
			}
		}
		return ids;
	}

	private void checkModel(Path file, Map<String, String> forms, List<Organisation> organisations,
			List<String> problems) {
		String name = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		String where = file.toString();
		Collection<Process> processes = model.getModelElementsByType(Process.class);
		if (processes.size() != 1) {
			problems.add(where + ": one process per file expected, found " + processes.size());
		}
		for (Process process : processes) {
			if (!process.getId().equals(name)) {
				problems.add(where + ": process id '" + process.getId() + "' is not the file name '" + name + "'");
			}
			if (!KEBAB.matcher(process.getId()).matches() || !KEBAB.matcher(name).matches()) {
				problems.add(where + ": process id '" + process.getId() + "' or file name is not kebab-case");
			}
			if (process.getCamundaHistoryTimeToLiveString() == null) {
				problems.add(where + ": process without camunda:historyTimeToLive");
			}
		}
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			boolean named = node instanceof Task || node instanceof Event || node instanceof Gateway
					|| node instanceof SubProcess || node instanceof CallActivity;
			if (named && (node.getName() == null || node.getName().isBlank())) {
				problems.add(where + ": '" + node.getId() + "' has no name");
			}
			if (node instanceof ScriptTask) {
				problems.add(where + ": '" + node.getId() + "' is a script task");
			}
			if (node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "class") != null) {
				problems.add(where + ": '" + node.getId() + "' uses camunda:class");
			}
			if (node instanceof ServiceTask task) {
				delegate(where, task.getId(), task.getCamundaDelegateExpression(), JavaDelegate.class, problems);
				if (task.getCamundaExpression() != null) {
					beans(where, task.getId(), task.getCamundaExpression(), problems);
				}
			}
			if (node instanceof UserTask task) {
				checkUserTask(where, task, forms, problems);
			}
			if (node instanceof StartEvent start && start.getCamundaFormRef() != null) {
				formRef(where, start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), forms, problems);
			}
			if (node instanceof CallActivity call && "agency-step".equals(call.getCalledElement())) {
				checkStep(where, call, forms, organisations, problems);
			}
			listeners(where, node, problems);
		}
		for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
			String id = ((BaseElement) timer.getParentElement()).getId();
			if (timer.getTimeDate() == null || timer.getTimeDuration() != null || timer.getTimeCycle() != null) {
				problems.add(where + ": timer '" + id + "' without timeDate (durations and cycles ignore the legal calendar)");
			}
			else {
				beans(where, id, timer.getTimeDate().getTextContent(), problems);
			}
		}
	}

	private void checkUserTask(String where, UserTask task, Map<String, String> forms, List<String> problems) {
		formRef(where, task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), forms, problems);
		if (task.getCamundaCandidateGroups() == null || !task.getCamundaCandidateGroups().contains("{")) {
			problems.add(where + ": user task '" + task.getId() + "' without candidate groups expression");
		}
		else {
			beans(where, task.getId(), task.getCamundaCandidateGroups(), problems);
		}
		if (task.getCamundaDueDate() == null) {
			problems.add(where + ": user task '" + task.getId() + "' without due date");
		}
		else {
			beans(where, task.getId(), task.getCamundaDueDate(), problems);
		}
	}

	private void formRef(String where, String id, String ref, String binding, Map<String, String> forms,
			List<String> problems) {
		if (ref == null) {
			problems.add(where + ": '" + id + "' has no camunda:formRef");
			return;
		}
		if (!"deployment".equals(binding)) {
			problems.add(where + ": '" + id + "' formRef binding is not 'deployment'");
		}
		if (!ref.contains("{") && !forms.containsKey(ref)) {
			problems.add(where + ": '" + id + "' formRef '" + ref + "' has no form with that id");
		}
	}

	private void checkStep(String where, CallActivity call, Map<String, String> forms, List<Organisation> organisations,
			List<String> problems) {
		Map<String, String> inputs = new HashMap<>();
		for (CamundaIn in : call.getExtensionElements() == null ? List.<CamundaIn>of()
				: call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
			if (in.getCamundaTarget() != null) {
				inputs.put(in.getCamundaTarget(), in.getCamundaSourceExpression() != null ? in.getCamundaSourceExpression()
						: in.getCamundaSource());
			}
		}
		String id = call.getId();
		for (String required : List.of(AgencyStepProcess.STEP_FUNCTION, AgencyStepProcess.STEP_ALLOTMENT,
				AgencyStepProcess.STEP_FORM, AgencyStepProcess.STEP_NAME)) {
			if (inputs.get(required) == null || inputs.get(required).isBlank()) {
				problems.add(where + ": step '" + id + "' without input " + required);
			}
		}
		String function = inputs.get(AgencyStepProcess.STEP_FUNCTION);
		if (function != null) {
			for (Organisation organisation : organisations) {
				if (organisation.units().stream().noneMatch(u -> u.handles(function))) {
					problems.add(where + ": step '" + id + "' function '" + function + "' is handled by no unit of "
							+ organisation.name());
				}
			}
		}
		String allotment = inputs.get(AgencyStepProcess.STEP_ALLOTMENT);
		if (allotment != null) {
			Matcher m = NUMBER.matcher(allotment);
			double days = m.matches() ? Double.parseDouble(m.group(1)) : -1;
			if (days < 0 || Math.abs(days * 4 - Math.rint(days * 4)) > 1e-9) {
				problems.add(where + ": step '" + id + "' allotment " + allotment
						+ " is not a non-negative multiple of 0.25 working days like ${1.5}");
			}
		}
		String form = inputs.get(AgencyStepProcess.STEP_FORM);
		if (form != null && !form.contains("{") && !forms.containsKey(form)) {
			problems.add(where + ": step '" + id + "' stepForm '" + form + "' has no form with that id");
		}
	}

	private void listeners(String where, FlowNode node, List<String> problems) {
		if (node.getExtensionElements() == null) {
			return;
		}
		var query = node.getExtensionElements().getElementsQuery();
		for (CamundaTaskListener listener : query.filterByType(CamundaTaskListener.class).list()) {
			if (listener.getCamundaClass() != null) {
				problems.add(where + ": '" + node.getId() + "' task listener uses camunda:class");
			}
			delegate(where, node.getId(), listener.getCamundaDelegateExpression(), TaskListener.class, problems);
			if (listener.getCamundaExpression() != null) {
				beans(where, node.getId(), listener.getCamundaExpression(), problems);
			}
		}
		for (CamundaExecutionListener listener : node.getExtensionElements()
			.getElementsQuery()
			.filterByType(CamundaExecutionListener.class)
			.list()) {
			if (listener.getCamundaClass() != null) {
				problems.add(where + ": '" + node.getId() + "' execution listener uses camunda:class");
			}
			delegate(where, node.getId(), listener.getCamundaDelegateExpression(), ExecutionListener.class, problems);
			if (listener.getCamundaExpression() != null) {
				beans(where, node.getId(), listener.getCamundaExpression(), problems);
			}
		}
	}

	private void delegate(String where, String id, String expression, Class<?> type, List<String> problems) {
		if (expression == null) {
			return;
		}
		Matcher m = BEAN.matcher(expression);
		if (!m.matches()) {
			problems.add(where + ": '" + id + "' delegateExpression " + expression + " is not ${beanName}");
		}
		else if (!this.context.containsBean(m.group(1))) {
			problems.add(where + ": '" + id + "' delegateExpression bean '" + m.group(1) + "' does not exist");
		}
		else if (!type.isInstance(this.context.getBean(m.group(1)))) {
			problems.add(where + ": '" + id + "' bean '" + m.group(1) + "' is not a " + type.getSimpleName());
		}
	}

	/** Every {@code ${bean.method(...)}} in an expression names an existing bean. */
	private void beans(String where, String id, String expression, List<String> problems) {
		Matcher m = CALL.matcher(expression);
		while (m.find()) {
			String bean = m.group(1);
			if (!bean.equals("execution") && !bean.equals("task") && !this.context.containsBean(bean)) {
				problems.add(where + ": '" + id + "' expression " + expression + " calls unknown bean '" + bean + "'");
			}
		}
	}

}
