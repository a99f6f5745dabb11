package vn.motcua.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same smoke test for every database profile: models deployed once, REST secured, officials
 * confined to their own unit, auditors read-only, designers deploy, operations endpoints.
 */
// The REST API resolves the engine named "default", so these contexts keep that name and are closed after the class.
@AutoConfigureObservability
abstract class PlatformSmokeTest {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ModelDeployer deployer;

	private String taskOfAnBinh;

	@BeforeEach
	void startTaskAtAnBinh() throws Exception {
		if (this.repositoryService.createProcessDefinitionQuery().processDefinitionKey("smoke-task").count() == 0) {
			this.repositoryService.createDeployment()
				.name("smoke")
				.addInputStream("smoke-task.bpmn", new ClassPathResource("smoke/smoke-task.bpmn").getInputStream())
				.deploy();
		}
		String instance = this.runtimeService
			.startProcessInstanceByKey("smoke-task", Map.of("receivingUnit", anBinh()))
			.getId();
		this.taskOfAnBinh = this.taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	String anBinh() {
		return "xa-an-binh";
	}

	String otherCommune() {
		return "xa-hoa-phu";
	}

	@Test
	void startupDeploysEveryModelAndFormAndARestartDeploysNothingNew() {
		Set<String> files = filesUnder("processes", ".bpmn");
		files.addAll(filesUnder("forms", ".form"));
		String deploymentId = this.repositoryService.createDeploymentQuery()
			.deploymentName("motcua")
			.orderByDeploymentTime()
			.desc()
			.list()
			.get(0)
			.getId();
		Set<String> deployed = this.repositoryService.createDeploymentQuery()
			.deploymentName("motcua")
			.list()
			.stream()
			.flatMap(d -> this.repositoryService.getDeploymentResourceNames(d.getId()).stream())
			.collect(Collectors.toSet());
		assertThat(deployed).containsAll(files);
		assertThat(this.repositoryService.getDeploymentResourceNames(deploymentId)).allMatch(
				name -> name.startsWith("processes/") || name.startsWith("forms/"));

		long definitions = this.repositoryService.createProcessDefinitionQuery().count();
		assertThat(this.deployer.deployModels()).as("an unchanged restart deploys nothing").isNull();
		assertThat(this.repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
	}

	@Test
	void engineRestNeedsCredentials() {
		assertThat(this.http.getForEntity(url("/engine-rest/task"), String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		// A user of its own: a wrong password is refused; it counts against the client's address, never the account.
		assertThat(get("/engine-rest/task", "xa-my-loc.supervisor", "wrong").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anOfficerSeesAndCompletesOnlyTheirOwnUnitsTasks() {
		ResponseEntity<String> own = get("/engine-rest/task?processDefinitionKey=smoke-task", anBinh() + ".officer", "demo");
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).contains(this.taskOfAnBinh);

		String stranger = otherCommune() + ".officer";
		ResponseEntity<String> list = get("/engine-rest/task?processDefinitionKey=smoke-task", stranger, "demo");
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).doesNotContain(this.taskOfAnBinh);
		// another unit's task and an unknown id are answered alike, so ids cannot be probed
		ResponseEntity<String> foreign = get("/engine-rest/task/" + this.taskOfAnBinh, stranger, "demo");
		ResponseEntity<String> unknown = get("/engine-rest/task/00000000-0000-0000-0000-000000000000", stranger, "demo");
		assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(foreign.getBody()).isEqualTo(unknown.getBody());
		assertThat(post("/engine-rest/task/" + this.taskOfAnBinh + "/complete", stranger).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.taskService.createTaskQuery().taskId(this.taskOfAnBinh).count()).isEqualTo(1);

		assertThat(post("/engine-rest/task/" + this.taskOfAnBinh + "/complete", anBinh() + ".officer").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.taskService.createTaskQuery().taskId(this.taskOfAnBinh).count()).isZero();
	}

	@Test
	void auditorsReadButCannotComplete() {
		assertThat(get("/engine-rest/task/" + this.taskOfAnBinh, "auditor", "demo").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(get("/engine-rest/history/task?taskId=" + this.taskOfAnBinh, "auditor", "demo").getBody())
			.contains(this.taskOfAnBinh);
		assertThat(post("/engine-rest/task/" + this.taskOfAnBinh + "/complete", "auditor").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void designersDeployOverRestAndOfficersCannot() throws Exception {
		assertThat(deploy("designer").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(deploy(anBinh() + ".officer").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void eachUnitHasItsTasklistFilters() {
		ResponseEntity<String> filters = get("/engine-rest/filter", anBinh() + ".officer", "demo");
		assertThat(filters.getBody()).contains("Việc của đơn vị", "Sắp đến hạn", "Quá hạn", anBinh() + "-officers")
			.doesNotContain(otherCommune() + "-officers");
		var ids = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\",\"resourceType\"")
			.matcher(filters.getBody())
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(ids).hasSize(3);
		for (String id : ids) {
			ResponseEntity<String> list = get("/engine-rest/filter/" + id + "/list", anBinh() + ".officer", "demo");
			assertThat(list.getStatusCode()).as("filter %s evaluates", id).isEqualTo(HttpStatus.OK);
		}
		assertThat(get("/engine-rest/filter/" + ids.get(0) + "/list", anBinh() + ".officer", "demo").getBody())
			.contains(this.taskOfAnBinh);
		assertThat(get("/engine-rest/filter/" + ids.get(0) + "/list", otherCommune() + ".officer", "demo").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void healthIsPublicAndMetricsNeedAuthentication() {
		assertThat(this.http.getForEntity(url("/actuator/health"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.getForEntity(url("/actuator/prometheus"), String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<String> metrics = get("/actuator/prometheus", "admin", "demo");
		assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
	}

	@Test
	void homePageIsVietnameseByDefault() {
		ResponseEntity<String> home = this.http.getForEntity(url("/"), String.class);
		assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
		// citizens see their links and the officials' login, never the staff pages
		assertThat(home.getBody()).contains("Hệ thống giải quyết thủ tục hành chính một cửa liên thông", "/tra-cuu",
				"/login")
			.doesNotContain("/camunda/app/tasklist/", "/audit", "/desk", "/breaches");
		assertThat(this.http.getForEntity(url("/?lang=en"), String.class).getBody())
			.contains("Inter-agency one-stop administrative procedures");
	}

	@Test
	void aDossierIsReceivedChainedAndCountedOnThisDatabase() {
		HttpHeaders headers = basic(anBinh() + ".officer", "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		String body = """
				{"procedureKey": "birth-registration", "receivingUnit": "%s", "channel": "online",
				 "applicant": {"name": "Lê Văn Bình", "idNumber": "001190054321", "phone": "0987654321", "address": "Xóm Trại"},
				 "documents": ["to-khai-dien-tu", "giay-chung-sinh"],
				 "data": {"childName": "Lê Minh Khôi", "childBirthDate": "2026-11-01", "childSex": "nam",
				          "birthplace": "Trạm y tế xã", "motherName": "Phạm Thị Hoa"}}""".formatted(anBinh());
		ResponseEntity<String> created = this.http.exchange(url("/api/dossiers"), HttpMethod.POST,
				new HttpEntity<>(body, headers), String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String code = created.getBody().replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
		assertThat(get("/api/dossiers/" + code, anBinh() + ".officer", "demo").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("/api/audit/verify", "auditor", "demo").getBody()).contains("\"intact\":true");
		ResponseEntity<String> kpi = get("/api/reports/kpi?from=2000-01-01&to=2100-12-31", "auditor", "demo");
		assertThat(kpi.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(kpi.getBody()).contains("\"key\":\"" + anBinh() + "\"", "\"receivedOnline\":1");
	}

	private ResponseEntity<String> deploy(String user) throws Exception {
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("deployment-name", "from-modeler");
		body.add("deploy-changed-only", "true");
		body.add("data", new ClassPathResource("smoke/smoke-task.bpmn"));
		HttpHeaders headers = basic(user, "demo");
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.postForEntity(url("/engine-rest/deployment/create"), new HttpEntity<>(body, headers),
				String.class);
	}

	private ResponseEntity<String> get(String path, String user, String password) {
		return this.http.exchange(url(path), HttpMethod.GET, new HttpEntity<>(basic(user, password)), String.class);
	}

	private ResponseEntity<String> post(String path, String user) {
		HttpHeaders headers = basic(user, "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.exchange(url(path), HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
	}

	private static HttpHeaders basic(String user, String password) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		return headers;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static Set<String> filesUnder(String folder, String suffix) {
		try (var files = java.nio.file.Files.walk(new FileSystemResource(folder).getFile().toPath())) {
			return files.filter(p -> p.toString().endsWith(suffix))
				.map(p -> folder + "/" + new FileSystemResource(folder).getFile().toPath().relativize(p).toString().replace('\\', '/'))
				.collect(Collectors.toSet());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
