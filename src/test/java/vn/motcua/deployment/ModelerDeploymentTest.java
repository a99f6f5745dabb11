package vn.motcua.deployment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import vn.motcua.system.ModelDeployer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays Camunda Modeler 5's own deployment request (multipart {@code POST
 * /engine-rest/deployment/create}, parts {@code deployment-name}, {@code deployment-source},
 * {@code enable-duplicate-filtering} and one part per file named after it) against the running
 * application, as the designer. After every case the startup deployment runs again (what a
 * restart does) and must change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:modeler;DB_CLOSE_DELAY=-1;MODE=LEGACY",
				"camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class ModelerDeploymentTest {

	private static final String BIRTH = "birth-registration";

	private static final String CHECK = "CallActivity_CheckCompleteness";

	/**
	 * Camunda Modeler gives up after 5 s; the elapsed time of every deployment is printed. The tests
	 * allow more because the build machine may be shared.
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	FormService forms;

	@Autowired
	TaskService tasks;

	@Autowired
	ModelDeployer deployer;

	@Test
	void theDiagramAloneWorksAtOnceWithTheFormsAndStepInForce() throws Exception {
		int before = latest(BIRTH).getVersion();
		String changed = birth().replace("sourceExpression=\"${0.5}\" target=\"stepAllotment\"",
				"sourceExpression=\"${0.75}\" target=\"stepAllotment\"");
		HttpResponse<String> response = deploy(BIRTH, Map.of(BIRTH + ".bpmn", changed));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		ProcessDefinition definition = latest(BIRTH);
		assertThat(definition.getVersion()).isEqualTo(before + 1);
		assertThat(files(definition)).contains(BIRTH + ".bpmn", "agency-step.bpmn", "birth-registration-intake.form",
				"completeness-check.form", "return-result.form", "apology-letter.form", "supplement-received.form");
		String code = receive();
		assertThat(allotmentOfFirstStep(code)).isEqualTo(0.75);
		// What Tasklist renders: the start form and the step's form, resolved by the engine from the deployment.
		assertThat(new String(this.forms.getDeployedStartForm(definition.getId()).readAllBytes(), StandardCharsets.UTF_8))
			.contains("\"birth-registration-intake\"");
		String step = this.tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
		assertThat(new String(this.forms.getDeployedTaskForm(step).readAllBytes(), StandardCharsets.UTF_8))
			.contains("\"completeness-check\"");
		restartChangesNothing(definition);

		HttpResponse<String> again = deploy(BIRTH, Map.of(BIRTH + ".bpmn", changed));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(latest(BIRTH).getId()).as("the same diagram again is filtered as a duplicate")
			.isEqualTo(definition.getId());
	}

	@Test
	void theDiagramWithItsFormsAttachedWorks() throws Exception {
		String changed = birth().replace("sourceExpression=\"${0.5}\" target=\"stepAllotment\"",
				"sourceExpression=\"${0.25}\" target=\"stepAllotment\"");
		Map<String, String> files = new LinkedHashMap<>();
		files.put(BIRTH + ".bpmn", changed);
		for (String form : List.of("birth-registration-intake", "completeness-check", "birth-civil-status",
				"birth-residence", "birth-health-insurance", "return-result", "apology-letter")) {
			files.put(form + ".form", Files.readString(Path.of("forms", form + ".form")));
		}
		HttpResponse<String> response = deploy(BIRTH + "-with-forms", files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		ProcessDefinition definition = latest(BIRTH);
		assertThat(files(definition)).contains("agency-step.bpmn", "supplement-received.form", "breach-escalation.form");
		assertThat(allotmentOfFirstStep(receive())).isEqualTo(0.25);
		restartChangesNothing(definition);
	}

	@Test
	void aFormDeployedAloneIsUsedByTheProceduresAtOnce() throws Exception {
		String form = Files.readString(Path.of("forms", "return-result.form"))
			.replaceFirst("\"components\"\\s*:\\s*\\[",
					"\"components\": [{\"id\": \"Text_Notice\", \"type\": \"text\", \"text\": \"Đã đổi từ Modeler\"},");
		int before = latest(BIRTH).getVersion();
		HttpResponse<String> response = deploy("return-result", Map.of("return-result.form", form));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		ProcessDefinition definition = latest(BIRTH);
		assertThat(definition.getVersion()).as("the procedures using the form get a new version").isEqualTo(before + 1);
		assertThat(new String(this.repository.getResourceAsStream(definition.getDeploymentId(), "return-result.form")
			.readAllBytes(), StandardCharsets.UTF_8)).contains("Đã đổi từ Modeler");
		assertThat(latest("death-registration").getDeploymentId()).isEqualTo(definition.getDeploymentId());
		receive();
		restartChangesNothing(definition);
	}

	@Test
	void aDiagramWithAMissingFormIsRefused() throws Exception {
		refused(birth().replace("sourceExpression=\"completeness-check\" target=\"stepForm\"",
				"sourceExpression=\"no-such-form\" target=\"stepForm\""),
				"birth-registration.bpmn, phần tử '" + CHECK + "': biểu mẫu của bước 'no-such-form' không có");
	}

	@Test
	void aDiagramWithAnUnknownFunctionIsRefused() throws Exception {
		refused(birth().replace("sourceExpression=\"desk\" target=\"stepFunction\"",
				"sourceExpression=\"astrology\" target=\"stepFunction\""),
				"birth-registration.bpmn, phần tử '" + CHECK + "': chức năng 'astrology' không có đơn vị nào đảm nhận");
	}

	@Test
	void anAllotmentOfTwoHundredthsOfADayIsRefused() throws Exception {
		refused(birth().replace("sourceExpression=\"${0.5}\" target=\"stepAllotment\"",
				"sourceExpression=\"${0.02}\" target=\"stepAllotment\""),
				"birth-registration.bpmn, phần tử '" + CHECK
						+ "': thời hạn ${0.02} không phải bội số không âm của 0,25 ngày làm việc");
	}

	@Test
	void anExpressionReachingTheEngineServicesIsRefused() throws Exception {
		refused(birth().replace("camunda:candidateGroups=\"${routing.officers(execution, 'desk')}\"",
				"camunda:candidateGroups=\"${execution.processEngineServices.runtimeService.createProcessInstanceQuery().count() > 0 ? 'desk' : 'x'}\""),
				"birth-registration.bpmn, phần tử 'Task_ReturnResult': biểu thức ${execution.processEngineServices");
	}

	@Test
	void aDiagramWithoutItsCatalogueEntryIsRefused() throws Exception {
		refused(birth().replaceAll("(?s)<camunda:properties>.*?</camunda:properties>", "<camunda:properties />"),
				"birth-registration.bpmn, phần tử 'birth-registration': thủ tục thiếu thông tin danh mục 'procedureCode'");
		refused(birth().replaceAll("(?s)<camunda:property name=\"legalBasis\"[^>]*/>", ""),
				"birth-registration.bpmn, phần tử 'birth-registration': thủ tục thiếu thông tin danh mục 'legalBasis' (căn cứ pháp lý)");
	}

	@Test
	void aMalformedCatalogueEntryIsRefused() throws Exception {
		refused(birth().replace("name=\"procedureCode\" value=\"chưa xác định\"", "name=\"procedureCode\" value=\"TTHC-1\""),
				"birth-registration.bpmn, phần tử 'birth-registration': mã thủ tục hành chính 'TTHC-1' không đúng định dạng");
		refused(birth().replace("name=\"legalWorkingDays\" value=\"3\"", "name=\"legalWorkingDays\" value=\"ba ngày\""),
				"birth-registration.bpmn, phần tử 'birth-registration': tổng thời hạn giải quyết 'ba ngày' không phải số ngày làm việc dương");
	}

	@Test
	void theLegalTotalOfTheCatalogueSetsTheAppointment() throws Exception {
		String changed = birth().replace("name=\"legalWorkingDays\" value=\"3\"", "name=\"legalWorkingDays\" value=\"5\"");
		assertThat(deploy(BIRTH + "-legal-total", Map.of(BIRTH + ".bpmn", changed)).statusCode()).isEqualTo(200);
		String code = receive();
		Object legal = this.history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(this.history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(code)
				.processDefinitionKey(BIRTH)
				.singleResult()
				.getId())
			.variableName("legalWorkingDays")
			.singleResult()
			.getValue();
		assertThat(((Number) legal).doubleValue()).isEqualTo(5.0);
		assertThat(deploy(BIRTH + "-legal-total", Map.of(BIRTH + ".bpmn", birth())).statusCode()).isEqualTo(200);
	}

	@Test
	void malformedFilesAreRefusedWithAVietnameseMessage() throws Exception {
		refusedFiles(Map.of(BIRTH + ".bpmn", "<bpmn:definitions"), "không đọc được sơ đồ BPMN");
		refusedFiles(Map.of(BIRTH + ".bpmn", ""), "birth-registration.bpmn: tệp rỗng");
		refusedFiles(Map.of(BIRTH + ".bpmn", birth().replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>")),
				"tệp có khai báo DOCTYPE");
		refusedFiles(Map.of("notes.txt", "hello"), "notes.txt: loại tệp không được phép");
		refusedFiles(Map.of("return-result.form", "{\"components\": ["), "return-result.form: biểu mẫu không phải JSON");
		refusedFiles(Map.of("return-result.form", "{\"components\": []}"), "return-result.form: biểu mẫu không có mã \"id\"");
	}

	@Test
	void aDesignerRollsBackByRedeployingThePreviousDeployment() throws Exception {
		ProcessDefinition previous = latest(BIRTH);
		double allotment = allotmentOfFirstStep(receive());
		String changed = birth().replace("sourceExpression=\"${0.5}\" target=\"stepAllotment\"",
				"sourceExpression=\"${2}\" target=\"stepAllotment\"");
		assertThat(deploy(BIRTH + "-rollback", Map.of(BIRTH + ".bpmn", changed)).statusCode()).isEqualTo(200);
		assertThat(allotmentOfFirstStep(receive())).isEqualTo(2.0);

		HttpResponse<String> rollback = this.client.send(HttpRequest
			.newBuilder(URI.create(url("/engine-rest/deployment/" + previous.getDeploymentId() + "/redeploy")))
			.header("Authorization", basic("designer"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.timeout(TIMEOUT)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
		assertThat(allotmentOfFirstStep(receive())).isEqualTo(allotment);
		restartChangesNothing(latest(BIRTH));
	}

	private void refused(String diagram, String message) throws Exception {
		refusedFiles(Map.of(BIRTH + ".bpmn", diagram), message);
	}

	/** Refused with the message, nothing deployed, the version in force still receives dossiers. */
	private void refusedFiles(Map<String, String> files, String message) throws Exception {
		long deployments = this.repository.createDeploymentQuery().count();
		ProcessDefinition inForce = latest(BIRTH);
		HttpResponse<String> response = deploy(BIRTH, files);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.path("message").asText()).startsWith("Triển khai bị từ chối, không có gì thay đổi")
			.contains(message);
		assertThat(this.repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(latest(BIRTH).getId()).isEqualTo(inForce.getId());
		receive();
		restartChangesNothing(inForce);
	}

	/** What startup does on a restart: the files are unchanged, so nothing is deployed. */
	private void restartChangesNothing(ProcessDefinition inForce) {
		assertThat(this.deployer.deployModels()).isNull();
		assertThat(latest(BIRTH).getId()).isEqualTo(inForce.getId());
	}

	private HttpResponse<String> deploy(String name, Map<String, String> files) throws IOException, InterruptedException {
		String boundary = "----ModelerBoundary" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, boundary, "deployment-name", name);
		field(body, boundary, "deployment-source", "Camunda Modeler");
		field(body, boundary, "enable-duplicate-filtering", "true");
		for (var file : files.entrySet()) {
			String type = file.getKey().endsWith(".bpmn") ? "text/xml" : "application/octet-stream";
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
					+ "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: " + type + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.getValue().getBytes(StandardCharsets.UTF_8));
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		long start = System.nanoTime();
		HttpResponse<String> response = this.client.send(HttpRequest
			.newBuilder(URI.create(url("/engine-rest/deployment/create")))
			.header("Authorization", basic("designer"))
			.header("Accept", "application/json")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.timeout(TIMEOUT)
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		System.out.printf("Modeler deployment %s %s: %d in %d ms%n", name, files.keySet(), response.statusCode(),
				(System.nanoTime() - start) / 1_000_000);
		return response;
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	/** Receives a birth registration at the An Bình desk; answers the started instance's id. */
	private String receive() throws IOException, InterruptedException {
		String dossier = """
				{"procedureKey": "birth-registration", "receivingUnit": "xa-an-binh", "channel": "online",
				 "applicant": {"name": "Lê Văn Bình", "idNumber": "001190054321", "phone": "0987654321", "address": "Xóm Trại"},
				 "documents": ["to-khai-dien-tu", "giay-chung-sinh"],
				 "data": {"childName": "Lê Minh Khôi", "childBirthDate": "2026-11-01", "childSex": "nam",
				          "birthplace": "Trạm y tế xã", "motherName": "Phạm Thị Hoa"}}""";
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(URI.create(url("/api/dossiers")))
			.header("Authorization", basic("xa-an-binh.officer"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(dossier))
			.timeout(TIMEOUT)
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return this.json.readTree(response.body()).path("code").asText();
	}

	/** The allotment the first agency step of a dossier runs with. */
	private double allotmentOfFirstStep(String code) {
		HistoricVariableInstance allotment = this.history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(this.history.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(code)
				.processDefinitionKey("agency-step")
				.singleResult()
				.getId())
			.variableName("stepAllotment")
			.singleResult();
		return ((Number) allotment.getValue()).doubleValue();
	}

	/** The file names of a definition's deployment, without folders. */
	private List<String> files(ProcessDefinition definition) {
		return this.repository.getDeploymentResourceNames(definition.getDeploymentId())
			.stream()
			.map(name -> name.substring(name.lastIndexOf('/') + 1))
			.toList();
	}

	private ProcessDefinition latest(String key) {
		return this.repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
	}

	private String birth() throws IOException {
		return Files.readString(Path.of("processes", BIRTH + ".bpmn"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

}
