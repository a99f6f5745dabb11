package vn.motcua.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.motcua.organisation.Organisation;
import vn.motcua.procedure.ProcedureCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The element templates of {@code modeler/element-templates/} offer the organisation's functions,
 * and the models use them. Their JSON schema and the lint of {@code processes/} are checked by
 * {@code modeler/check} (npm) from {@code .ci/run}.
 */
class ElementTemplatesTest {

	private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theAgencyStepOffersExactlyTheFunctionsOfTheOrganisationFiles() throws IOException {
		Set<String> functions = new TreeSet<>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:organisation/*.yaml")) {
			Organisation.read(resource).units().forEach(unit -> functions.addAll(unit.functions()));
		}
		JsonNode template = this.json.readTree(Path.of("modeler/element-templates/agency-step.json").toFile());
		Set<String> offered = new TreeSet<>();
		for (JsonNode property : template.path("properties")) {
			if ("stepFunction".equals(property.path("binding").path("target").asText())) {
				property.path("choices").forEach(choice -> offered.add(choice.path("value").asText()));
			}
		}
		assertThat(offered).isEqualTo(functions);
	}

	@Test
	void everyAgencyStepRegisterReturnAndCloseElementUsesItsTemplate() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				model.getModelElementsByType(CallActivity.class)
					.stream()
					.filter(call -> ProcedureContract.AGENCY_STEP.equals(call.getCalledElement()))
					.forEach(call -> assertThat(template(call)).as(file + " " + call.getId())
						.isEqualTo("vn.motcua.agency-step"));
				for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
					if ("${registerDossierDelegate}".equals(task.getCamundaDelegateExpression())) {
						assertThat(template(task)).as(file + " " + task.getId()).isEqualTo("vn.motcua.register-dossier");
					}
					if ("${closeDossierDelegate}".equals(task.getCamundaDelegateExpression())) {
						assertThat(template(task)).as(file + " " + task.getId()).isEqualTo("vn.motcua.close-dossier");
					}
				}
				model.getModelElementsByType(UserTask.class)
					.stream()
					.filter(task -> "return-result".equals(task.getCamundaFormRef()))
					.forEach(task -> assertThat(template(task)).as(file + " " + task.getId())
						.isEqualTo("vn.motcua.return-result"));
			}
		}
	}

	@Test
	void everyProcedureCarriesTheCatalogueTemplateWhoseFieldsAreTheCatalogueEntry() throws IOException {
		JsonNode template = this.json.readTree(Path.of("modeler/element-templates/procedure.json").toFile());
		Set<String> fields = new TreeSet<>();
		for (JsonNode property : template.path("properties")) {
			assertThat(property.path("binding").path("type").asText()).isEqualTo("camunda:property");
			fields.add(property.path("binding").path("name").asText());
		}
		assertThat(fields).containsExactlyInAnyOrder(ProcedureCatalogue.CODE, ProcedureCatalogue.LEGAL_BASIS,
				ProcedureCatalogue.LEGAL_WORKING_DAYS);
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				for (Process process : model.getModelElementsByType(Process.class)) {
					if (ProcedureContract.isProcedure(process)) {
						assertThat(template(process)).as(file.toString()).isEqualTo("vn.motcua.procedure");
						assertThat(ProcedureCatalogue.properties(process)).as(file.toString()).containsKeys(fields.toArray(String[]::new));
					}
				}
			}
		}
	}

	private static String template(org.camunda.bpm.model.bpmn.instance.BaseElement element) {
		return element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
	}

}
