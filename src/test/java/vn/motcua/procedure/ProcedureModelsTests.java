package vn.motcua.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

import vn.motcua.organisation.Organisation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a designer opening a model in Camunda Modeler relies on, checked without the Spring
 * context: the engine deploys every model with the forms, every element and flow has diagram
 * interchange, shapes do not overlap and flows run left to right, and every step of a procedure
 * names a form that exists and a function that both organisation files can route.
 */
class ProcedureModelsTests {

	private static final Path PROCESSES = Path.of("processes");

	private static final Path FORMS = Path.of("forms");

	private static final List<String> ORGANISATION_FILES = List.of("organisation/three-tier-demo.yaml",
			"organisation/two-tier-example.yaml");

	private static final Set<String> STEP_INPUTS = Set.of("stepFunction", "stepAllotment", "stepForm",
			"stepSameDay");

	/** Forms every procedure shares; they come with {@code agency-step.bpmn} (branch procedures-core). */
	private static final Set<String> GENERIC_FORMS = Set.of("completeness-check", "supplement-received",
			"breach-escalation", "apology-letter", "apology-approval", "return-result");

	static Stream<Path> models() throws IOException {
		try (Stream<Path> files = Files.list(PROCESSES)) {
			return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
		}
	}

	@Test
	void engineDeploysEveryModelWithTheForms() throws IOException {
		ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:models-" + UUID.randomUUID())
			.setJobExecutorActivate(false)
			.setProcessEngineName("models-" + UUID.randomUUID())
			.buildProcessEngine();
		try {
			DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("models");
			for (Path file : files(PROCESSES, ".bpmn")) {
				deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
			}
			for (Path file : files(FORMS, ".form")) {
				deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
			}
			var deployed = deployment.deployWithResult();
			assertThat(deployed.getDeployedProcessDefinitions()).hasSize(files(PROCESSES, ".bpmn").size());
			assertThat(engine.getRepositoryService().getDeploymentResourceNames(deployed.getId()))
				.hasSize(files(PROCESSES, ".bpmn").size() + files(FORMS, ".form").size());
		}
		finally {
			engine.close();
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyElementAndFlowHasDiagramInterchange(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Set<String> drawn = model.getModelElementsByType(BpmnShape.class)
			.stream()
			.map(s -> s.getBpmnElement().getId())
			.collect(Collectors.toSet());
		model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
		List<String> missing = model.getModelElementsByType(FlowElement.class)
			.stream()
			.filter(e -> e instanceof FlowNode || e instanceof SequenceFlow)
			.map(BaseElement::getId)
			.filter(id -> !drawn.contains(id))
			.toList();
		assertThat(missing).as("elements without a shape or edge in %s", file).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("models")
	void shapesDoNotOverlapAndFlowsRunLeftToRight(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Map<String, Bounds> bounds = new HashMap<>();
		model.getModelElementsByType(BpmnShape.class).forEach(s -> bounds.put(s.getBpmnElement().getId(), s.getBounds()));
		List<FlowNode> nodes = model.getModelElementsByType(FlowNode.class)
			.stream()
			.filter(n -> !(n instanceof BoundaryEvent))
			.toList();
		for (FlowNode a : nodes) {
			for (FlowNode b : nodes) {
				if (a.getId().compareTo(b.getId()) < 0 && a.getParentElement() == b.getParentElement()) {
					assertThat(overlap(bounds.get(a.getId()), bounds.get(b.getId())))
						.as("%s overlaps %s in %s", a.getId(), b.getId(), file)
						.isFalse();
				}
			}
			if (a.getParentElement() instanceof SubProcess parent) {
				assertThat(inside(bounds.get(a.getId()), bounds.get(parent.getId())))
					.as("%s lies inside %s in %s", a.getId(), parent.getId(), file)
					.isTrue();
			}
		}
		for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
			SequenceFlow flow = (SequenceFlow) edge.getBpmnElement();
			List<Waypoint> points = List.copyOf(edge.getWaypoints());
			assertThat(points).as("waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);
			assertThat(touches(bounds.get(flow.getSource().getId()), points.get(0)))
				.as("%s starts at its source in %s", flow.getId(), file)
				.isTrue();
			assertThat(touches(bounds.get(flow.getTarget().getId()), points.get(points.size() - 1)))
				.as("%s ends at its target in %s", flow.getId(), file)
				.isTrue();
			boolean forward = centreX(bounds.get(flow.getTarget().getId())) > centreX(bounds.get(flow.getSource().getId()));
			// a loop may run back to an element that is also entered from its left
			boolean loop = flow.getTarget()
				.getIncoming()
				.stream()
				.anyMatch(in -> in != flow && centreX(bounds.get(in.getSource().getId())) < centreX(bounds.get(flow.getTarget().getId())));
			assertThat(forward || loop).as("%s runs left to right in %s", flow.getId(), file).isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyStepNamesAFormAndARoutableFunction(Path file) throws IOException {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Set<String> forms = formIds();
		List<Organisation> organisations = ORGANISATION_FILES.stream()
			.map(f -> Organisation.read(new ClassPathResource(f)))
			.toList();
		for (CallActivity step : model.getModelElementsByType(CallActivity.class)) {
			assertThat(step.getCalledElement()).isEqualTo("agency-step");
			Collection<CamundaIn> ins = step.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();
			Map<String, String> inputs = new HashMap<>();
			ins.stream()
				.filter(in -> in.getCamundaTarget() != null)
				.forEach(in -> inputs.put(in.getCamundaTarget(), in.getCamundaSourceExpression()));
			assertThat(inputs.keySet()).as("inputs of %s in %s", step.getId(), file).containsAll(STEP_INPUTS);
			assertThat(ins).as("business key and named variables passed to %s", step.getId())
				.anyMatch(in -> in.getCamundaBusinessKey() != null)
				.noneMatch(in -> in.getCamundaVariables() != null);
			assertThat(ins).as("the step of %s reads the dossier's variables from the procedure, not copies", step.getId())
				.noneMatch(in -> in.getCamundaSource() != null);
			Collection<CamundaOut> outs = step.getExtensionElements()
				.getElementsQuery()
				.filterByType(CamundaOut.class)
				.list();
			assertThat(outs).as("only the step's results are taken back from %s", step.getId())
				.noneMatch(out -> out.getCamundaVariables() != null)
				.extracting(CamundaOut::getCamundaTarget)
				.doesNotContain(DossierVariables.LAST_UNIT, DossierVariables.DOSSIER_DUE, DossierVariables.APOLOGY_AT);
			if (!GENERIC_FORMS.contains(inputs.get("stepForm")) || Files.exists(PROCESSES.resolve("agency-step.bpmn"))) {
				assertThat(forms).as("form of %s in %s", step.getId(), file).contains(inputs.get("stepForm"));
			}
			assertThat(inputs).as("the name of %s is the element's, not an input", step.getId())
				.doesNotContainKey(AgencyStepProcess.STEP_NAME);
			assertThat(step.getName()).as("name of %s", step.getId()).isNotBlank();
			String allotment = inputs.get("stepAllotment").replaceAll("[${}]", "");
			assertThat(Double.parseDouble(allotment) * 4 % 1).as("allotment of %s in quarter days", step.getId())
				.isZero();
			for (int i = 0; i < organisations.size(); i++) {
				String function = inputs.get("stepFunction");
				assertThat(organisations.get(i).units())
					.as("a unit of %s handles '%s' (%s)", ORGANISATION_FILES.get(i), function, step.getId())
					.anyMatch(u -> u.handles(function));
			}
			// a refusal is caught by the step's own boundary (an optional branch) or by the one
			// boundary of the sub-process around the steps, which leads to the refusal path
			boolean own = model.getModelElementsByType(BoundaryEvent.class)
				.stream()
				.anyMatch(b -> b.getAttachedTo() == step && b.getId().equals("BoundaryEvent_"
						+ step.getId().substring("CallActivity_".length()) + "Refused"));
			boolean around = step.getParentElement() instanceof SubProcess sub
					&& "SubProcess_HandleDossier".equals(sub.getId())
					&& model.getModelElementsByType(BoundaryEvent.class)
						.stream()
						.anyMatch(b -> b.getAttachedTo() == sub && "BoundaryEvent_DossierRefused".equals(b.getId()));
			assertThat(own || around).as("%s has a refusal boundary event", step.getId()).isTrue();
		}
	}

	private static Set<String> formIds() throws IOException {
		ObjectMapper json = new ObjectMapper();
		Set<String> ids = new java.util.HashSet<>();
		for (Path file : files(FORMS, ".form")) {
			try (InputStream in = Files.newInputStream(file)) {
				JsonNode form = json.readTree(in);
				ids.add(form.path("id").asText());
			}
		}
		return ids;
	}

	private static List<Path> files(Path folder, String suffix) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
		}
	}

	/**
	 * Every procedure can be stopped at the applicant's request (form 05): an interrupting message
	 * boundary {@code DossierStopRequested} on the sub-process around its steps leading to the stop
	 * delegate and a terminate end; and its apology (form 04) is approved by the head of the agency at
	 * fault before the appointment moves.
	 */
	@ParameterizedTest
	@MethodSource("models")
	void everyProcedureCanBeStoppedAndHasItsApologyApproved(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		if (model.getModelElementById(ProcedureElements.HANDLE_DOSSIER) == null) {
			return; // agency-step
		}
		BoundaryEvent stop = model.getModelElementById(ProcedureElements.STOP_REQUESTED);
		assertThat(stop).as("stop boundary in %s", file).isNotNull();
		assertThat(stop.getAttachedTo().getId()).isEqualTo(ProcedureElements.HANDLE_DOSSIER);
		assertThat(stop.cancelActivity()).as("interrupting").isTrue();
		org.camunda.bpm.model.bpmn.instance.MessageEventDefinition message = stop
			.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.MessageEventDefinition.class)
			.iterator()
			.next();
		assertThat(message.getMessage().getName()).isEqualTo(ProcedureElements.STOP_MESSAGE);
		org.camunda.bpm.model.bpmn.instance.ServiceTask task = model.getModelElementById(ProcedureElements.STOP_DOSSIER);
		assertThat(task.getCamundaDelegateExpression()).isEqualTo("${stopDossierDelegate}");
		assertThat(stop.getOutgoing().iterator().next().getTarget()).isEqualTo(task);
		FlowNode end = task.getOutgoing().iterator().next().getTarget();
		assertThat(end.getId()).isEqualTo(ProcedureElements.DOSSIER_STOPPED);
		assertThat(end.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition.class))
			.isNotEmpty();

		org.camunda.bpm.model.bpmn.instance.UserTask approval = model.getModelElementById(ProcedureElements.APPROVE_APOLOGY);
		assertThat(approval.getCamundaCandidateGroups()).isEqualTo("${dossierDeadlines.supervisorsAtFault(execution)}");
		assertThat(approval.getCamundaFormRef()).isEqualTo("apology-approval");
		FlowNode record = model.getModelElementById(ProcedureElements.RECORD_APOLOGY_DRAFT);
		FlowNode draft = model.getModelElementById(ProcedureElements.ISSUE_APOLOGY);
		assertThat(draft.getOutgoing().iterator().next().getTarget()).isEqualTo(record);
		assertThat(record.getOutgoing().iterator().next().getTarget()).isEqualTo(approval);
		assertThat(approval.getOutgoing().iterator().next().getTarget().getId()).isEqualTo(ProcedureElements.RESCHEDULE_DOSSIER);
		org.camunda.bpm.model.bpmn.instance.ExclusiveGateway decided = model.getModelElementById(ProcedureElements.APOLOGY_APPROVED);
		assertThat(decided.getDefault().getTarget()).as("a rejection goes back to the draft").isEqualTo(draft);
	}

	private static boolean overlap(Bounds a, Bounds b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

	private static boolean inside(Bounds inner, Bounds outer) {
		return inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
				&& inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
				&& inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
	}

	private static boolean touches(Bounds b, Waypoint p) {
		double tolerance = 1;
		return p.getX() >= b.getX() - tolerance && p.getX() <= b.getX() + b.getWidth() + tolerance
				&& p.getY() >= b.getY() - tolerance && p.getY() <= b.getY() + b.getHeight() + tolerance;
	}

	private static double centreX(Bounds b) {
		return b.getX() + b.getWidth() / 2;
	}

}
