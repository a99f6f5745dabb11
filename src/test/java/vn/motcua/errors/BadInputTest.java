package vn.motcua.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.motcua.throttle.ClientHttp;

/**
 * A table of malformed requests across the endpoints, over real HTTP: each is answered with the
 * expected status and a Vietnamese message naming the field or parameter, and stores nothing
 * (dossier rows, process instances, runtime and history variables, apologies counted before and
 * after); no stack trace reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadInputTest extends HttpTestBase {

	static final ObjectMapper JSON = new ObjectMapper();

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	record Case(String name, HttpRequest request, int status, String message) {
	}

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService taskService;

	@Autowired
	RepositoryService repository;

	@Autowired
	ProcessEngine engine;

	record Counts(long dossiers, long instances, long variables, long historicVariables, long apologies) {
	}

	Counts counts() {
		return new Counts(count("select count(*) from dossier"),
				count("select count(*) from ACT_RU_EXECUTION where ID_ = PROC_INST_ID_"),
				count("select count(*) from ACT_RU_VARIABLE"), count("select count(*) from ACT_HI_VARINST"),
				count("select count(*) from apology"));
	}

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	static ObjectNode template(String procedure, String data, String documents) throws Exception {
		return (ObjectNode) JSON.readTree("""
				{"procedureKey": "%s",
				 "applicant": {"name": "Nguyễn Thị Lan", "idNumber": "001190012345", "phone": "0912345678",
				               "email": "lan@example.vn", "address": "Thôn Đông, xã An Bình"},
				 "channel": "in-person", "documents": %s, "data": %s}
				""".formatted(procedure, documents, data));
	}

	static ObjectNode birth() throws Exception {
		return template("birth-registration", """
				{"childName": "Trần Minh An", "childBirthDate": "%s", "childSex": "nam",
				 "birthplace": "Trạm y tế xã An Bình", "motherName": "Nguyễn Thị Lan"}""".formatted(TODAY.minusDays(3)),
				"[\"to-khai-dien-tu\", \"giay-chung-sinh\"]");
	}

	static ObjectNode death() throws Exception {
		return template("death-registration", """
				{"relationshipToDeceased": "Con", "deceasedName": "Trần Văn Bình", "deceasedIdNumber": "001150012345",
				 "deceasedBirthDate": "1950-05-01", "deathDate": "%s", "deathPlace": "Nhà riêng",
				 "deathNoticeNumber": "GBT-12/2026"}""".formatted(TODAY.minusDays(2)),
				"[\"death-declaration\", \"death-notice\"]");
	}

	static ObjectNode construction() throws Exception {
		return template("construction-permit", """
				{"constructionAddress": "Thôn Đông, xã An Bình", "parcelNumber": "123", "mapSheetNumber": "45",
				 "landCertificateSerial": "CS123456", "buildingFootprint": 80, "totalFloorArea": 240,
				 "floorCount": 3, "buildingHeight": 12.5}""",
				"[\"application-form\", \"land-right-document\", \"design-drawings\"]");
	}

	static ObjectNode land() throws Exception {
		return template("land-use-right-transfer", """
				{"parcelNumber": "123", "mapSheetNumber": "45", "landAddress": "Thôn Đông, xã An Bình",
				 "landArea": 120.5, "certificateSerial": "CS123456", "transferorName": "Lê Văn Cường",
				 "transferorIdNumber": "001080012345", "transfereeName": "Phạm Thị Dung",
				 "transfereeIdNumber": "001090012345", "contractNumber": "HD-1", "contractDate": "%s",
				 "transferPrice": 1500000000}""".formatted(TODAY.minusDays(5)),
				"[\"registration-form\", \"transfer-contract\", \"original-certificate\"]");
	}

	/** The template with one value replaced: {@code path} like {@code data.childName}. */
	static String with(ObjectNode template, String path, Object value) {
		ObjectNode copy = template.deepCopy();
		String[] parts = path.split("\\.");
		ObjectNode node = copy;
		for (int i = 0; i < parts.length - 1; i++) {
			node = (ObjectNode) node.get(parts[i]);
		}
		node.set(parts[parts.length - 1], JSON.valueToTree(value));
		return raw(copy.toString());
	}

	static String edit(ObjectNode template, Consumer<ObjectNode> edit) {
		ObjectNode copy = template.deepCopy();
		edit.accept(copy);
		return raw(copy.toString());
	}

	/**
	 * {@code "@raw:…@"} markers become raw JSON text (number literals); {@code §u} in a string
	 * becomes the JSON escape {@code \\u} (lone surrogates, which Jackson cannot write).
	 */
	static String raw(String json) {
		return json.replaceAll("\"@raw:(.*?)@\"", "$1").replace("§u", "\\u");
	}

	HttpRequest post(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Authorization", basic(OFFICER))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	HttpRequest intake(String body) {
		return post("/api/dossiers", body);
	}

	HttpRequest get(String path, String user, String accept) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
		if (user != null) {
			builder.header("Authorization", basic(user));
		}
		return builder.build();
	}

	HttpRequest page(String path, String user) {
		return get(path, user, "text/html,application/xhtml+xml");
	}

	HttpRequest api(String path, String user) {
		return get(path, user, "application/json");
	}

	String receiveValid(ObjectNode body) throws Exception {
		HttpResponse<String> response = send(intake(body.toString()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JsonPath.read(response.body(), "$.code");
	}

	/** A browser session of a user on a page: its cookie and the CSRF token of the page's form. */
	record Session(BadInputTest test, String user, String cookie, String csrf) {

		HttpRequest post(String path, String contentType, HttpRequest.BodyPublisher body) {
			return HttpRequest.newBuilder(this.test.uri(path))
				.header("Authorization", basic(this.user))
				.header("Accept", "text/html,application/xhtml+xml")
				.header("Cookie", this.cookie)
				.header("X-CSRF-TOKEN", this.csrf)
				.header("Content-Type", contentType)
				.POST(body)
				.build();
		}

	}

	Session session(String path, String user) throws Exception {
		HttpResponse<String> page = send(page(path, user));
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page.body());
		assertThat(csrf.find()).as("the form's token").isTrue();
		String cookie = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
			.collect(java.util.stream.Collectors.joining("; "));
		return new Session(this, user, cookie, csrf.group(1));
	}

	@Test
	void everyMalformedRequestIsRefusedInVietnameseAndNothingIsStored(CapturedOutput output) throws Exception {
		// the templates are valid: each case differs from an accepted dossier by what it tests
		String code = receiveValid(birth());
		receiveValid(death());
		receiveValid(construction());
		receiveValid(land());
		List<Case> cases = cases(code);
		assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
		int logStart = output.getOut().length();
		SoftAssertions soft = new SoftAssertions();
		for (Case c : cases) {
			Counts before = counts();
			HttpResponse<String> response = send(c.request());
			soft.assertThat(response.statusCode()).as(c.name() + ": " + abbreviate(response.body())).isEqualTo(c.status());
			soft.assertThat(response.body()).as(c.name()).contains(c.message());
			soft.assertThat(response.body()).as(c.name()).doesNotContain("Exception", "ENGINE-", "Whitelabel");
			if (c.name().startsWith("engine:")) {
				// RFC 9457 members next to Camunda's message, which Tasklist, Cockpit and Modeler show
				soft.assertThat(response.body()).as(c.name())
					.contains("\"type\":\"urn:motcua:problem:", "\"detail\":", "\"message\":");
				soft.assertThat(response.headers().firstValue("Content-Type")).as(c.name())
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			}
			if (c.status() == 413 && c.request().uri().getPath().startsWith("/api/")) {
				// the body limit answers API clients like every other API error
				soft.assertThat(response.headers().firstValue("Content-Type")).as(c.name())
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				soft.assertThat(response.body()).as(c.name()).contains("\"type\":\"urn:motcua:problem:too-large\"",
						"\"status\":413");
			}
			if (c.name().startsWith("page 413")) {
				soft.assertThat(response.headers().firstValue("Content-Type")).as(c.name())
					.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
			}
			soft.assertThat(counts()).as(c.name()).isEqualTo(before);
		}
		soft.assertThat(output.getOut().substring(logStart)).as("stack traces in the log").doesNotContain("\tat ");
		soft.assertAll();
	}

	/**
	 * The engine's REST API (Modeler, other systems): Camunda's English answers, ENGINE codes and
	 * Java class names never reach the client.
	 */
	List<Case> engineRestCases(String code) {
		String instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.processDefinitionKey("birth-registration")
			.singleResult()
			.getId();
		String task = this.taskService.createTaskQuery().processInstanceBusinessKey(code).list().get(0).getId();
		String deployment = this.repository.createDeploymentQuery().list().get(0).getId();
		String definition = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey("birth-registration")
			.latestVersion()
			.singleResult()
			.getId();
		String rest = "/engine-rest/engine/" + this.engine.getName();
		String start = rest + "/process-definition/key/birth-registration/start";
		List<Case> cases = new ArrayList<>();
		// bodies
		cases.add(new Case("engine: invalid JSON on a query", post(rest + "/task", "{\"name\": "), 400,
				"không phải JSON hợp lệ"));
		cases.add(new Case("engine: invalid JSON on a start", post(start, "{\"variables\": "), 400, "JSON"));
		cases.add(new Case("engine: invalid JSON on a completion", post(rest + "/task/" + task + "/complete", "{"),
				400, "JSON"));
		cases.add(new Case("engine: list for an object", post(rest + "/task", "{\"processVariables\": {\"a\": 1}}"),
				400, "Trường «processVariables» phải là một mảng JSON"));
		cases.add(new Case("engine: text for a number", post(rest + "/task", "{\"maxPriority\": \"cao\"}"), 400,
				"Trường «maxPriority» phải là một số nguyên"));
		cases.add(new Case("engine: text for a date", post(rest + "/task", "{\"dueBefore\": \"ngày mai\"}"), 400,
				"«dueBefore»"));
		cases.add(new Case("engine: text for a list", post(rest + "/task", "{\"candidateGroups\": \"a\"}"), 400,
				"«candidateGroups»"));
		cases.add(new Case("engine: text/plain", HttpRequest.newBuilder(uri(rest + "/task"))
			.header("Authorization", basic(OFFICER))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("tên"))
			.build(), 415, "không nhận nội dung kiểu «text/plain»"));
		cases.add(new Case("engine: DELETE on the task list", HttpRequest.newBuilder(uri(rest + "/task"))
			.header("Authorization", basic(OFFICER))
			.DELETE()
			.build(), 405, "Phương thức DELETE không được hỗ trợ"));
		cases.add(new Case("engine: unknown path", api(rest + "/khong-co", OFFICER), 404,
				"Không có địa chỉ «" + rest + "/khong-co»"));
		cases.add(new Case("engine: unknown engine", api("/engine-rest/engine/khong-co/task", OFFICER), 404,
				"Không có bộ máy quy trình «khong-co»"));
		cases.add(new Case("engine: no credentials", get(rest + "/task", null, "application/json"), 401, "đăng nhập"));
		// query parameters
		cases.add(new Case("engine: maxResults=abc", api(rest + "/task?maxResults=abc", OFFICER), 400,
				"Tham số «maxResults» phải là một số nguyên từ 0 trở lên"));
		cases.add(new Case("engine: firstResult=-1", api(rest + "/task?firstResult=-1", OFFICER), 400,
				"Tham số «firstResult» phải là một số nguyên từ 0 trở lên"));
		cases.add(new Case("engine: maxResults=1e99", api(rest + "/process-instance?maxResults=99999999999", OFFICER),
				400, "Tham số «maxResults»"));
		cases.add(new Case("engine: due date of words", api(rest + "/task?dueAfter=ngay-mai", OFFICER), 400,
				"Tham số «dueAfter» phải là ngày giờ dạng ISO 8601"));
		cases.add(new Case("engine: history date dd/MM/yyyy",
				api(rest + "/history/process-instance?startedAfter=01/12/2026", OFFICER), 400, "Tham số «startedAfter»"));
		cases.add(new Case("engine: priority of words", api(rest + "/task?priority=cao", OFFICER), 400,
				"Tham số «priority» phải là một số nguyên"));
		cases.add(new Case("engine: unknown sortBy", api(rest + "/task?sortBy=khongCo&sortOrder=asc", OFFICER), 400,
				"Tham số «sortBy» không nhận giá trị «khongCo»"));
		cases.add(new Case("engine: unknown sortOrder", api(rest + "/task?sortBy=name&sortOrder=len", OFFICER), 400,
				"Tham số «sortOrder» chỉ nhận asc hoặc desc"));
		cases.add(new Case("engine: sortBy alone", api(rest + "/task?sortBy=name", OFFICER), 400,
				"phải được gửi cùng nhau"));
		// unknown ids answer like forbidden ones (the officer holds no permission on instances or deployments)
		String instanceAnswer = "Không có hồ sơ đang xử lý (process instance) nào với mã này";
		for (String id : List.of(instance, "khong-co-ho-so")) {
			String which = id.equals(instance) ? "forbidden" : "unknown";
			cases.add(new Case("engine: GET " + which + " instance", api(rest + "/process-instance/" + id, OFFICER), 404,
					instanceAnswer));
			cases.add(new Case("engine: GET " + which + " instance variables",
					api(rest + "/process-instance/" + id + "/variables", OFFICER), 404, instanceAnswer));
			cases.add(new Case("engine: suspend " + which + " instance", HttpRequest.newBuilder(uri(rest + "/process-instance/" + id + "/suspended"))
				.header("Authorization", basic(OFFICER))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"suspended\": true}"))
				.build(), 404, instanceAnswer));
			cases.add(new Case("engine: DELETE " + which + " instance", HttpRequest.newBuilder(uri(rest + "/process-instance/" + id))
				.header("Authorization", basic(OFFICER))
				.DELETE()
				.build(), 404, instanceAnswer));
			cases.add(new Case("engine: GET " + which + " history", api(rest + "/history/process-instance/" + id, OFFICER),
					404, "Không có hồ sơ (process instance) nào với mã này trong lịch sử"));
		}
		for (String id : List.of(deployment, "khong-co-ban-trien-khai")) {
			cases.add(new Case("engine: GET deployment " + id, api(rest + "/deployment/" + id, OFFICER), 404,
					"Không có bản triển khai (deployment) nào với mã này"));
			cases.add(new Case("engine: DELETE deployment " + id, HttpRequest.newBuilder(uri(rest + "/deployment/" + id))
				.header("Authorization", basic(OFFICER))
				.DELETE()
				.build(), 404, "Không có bản triển khai (deployment) nào với mã này"));
		}
		cases.add(new Case("engine: start an unknown key", post(rest + "/process-definition/key/khong-co/start", "{}"),
				404, "Không có quy trình nào với mã này"));
		cases.add(new Case("engine: form of an unknown key",
				api(rest + "/process-definition/key/khong-co/form-variables", OFFICER), 404,
				"Không có quy trình nào với mã này"));
		cases.add(new Case("engine: unknown definition id", api(rest + "/process-definition/khong:1:co", OFFICER), 404,
				"Không có quy trình nào với mã này"));
		cases.add(new Case("engine: start an unknown definition id",
				post(rest + "/process-definition/khong:1:co/start", "{}"), 404, "Không có quy trình nào với mã này"));
		cases.add(new Case("engine: unknown task", api(rest + "/task/khong-co-viec", OFFICER), 403,
				"Bạn không có quyền xử lý việc này, hoặc việc này không còn"));
		cases.add(new Case("engine: unknown task's form", api(rest + "/task/khong-co-viec/form-variables", OFFICER),
				403, "Bạn không có quyền xử lý việc này, hoặc việc này không còn"));
		// the gate's refusals through the same contract
		cases.add(new Case("engine: undeclared start field", post(start, """
				{"variables": {"dossierCode": {"value": "X"}}}"""), 400, "«dossierCode»"));
		cases.add(new Case("engine: start options", post(rest + "/process-definition/" + definition + "/start",
				"{\"skipIoMappings\": true}"), 400, "«skipIoMappings»"));
		return cases;
	}

	/**
	 * The lookup rate limit's 429 through the same contract: problem details with Retry-After for
	 * JSON clients, the Vietnamese error page for browsers (one client address of its own).
	 */
	@Test
	void tooManyLookupsAreAnsweredByTheErrorContract() {
		ClientHttp citizen = new ClientHttp("127.0.0.91", this.port);
		String lookup = "/api/public/dossiers/000.00.00.H00-991231-9999?secret=AAAAA-AAAAA";
		ClientHttp.Response limited = null;
		for (int i = 0; i < 30 && (limited == null || limited.status() != 429); i++) {
			limited = citizen.get(lookup, "Accept", "application/json");
		}
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).matches("\\d+");
		assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
		assertThat(limited.body()).contains("\"type\":\"urn:motcua:problem:too-many-requests\"", "\"status\":429",
				"\"title\":\"Quá nhiều yêu cầu\"", "\"message\":\"Bạn đã tra cứu quá nhiều lần")
			.doesNotContain("Exception");
		ClientHttp.Response page = citizen.get("/tra-cuu?code=000.00.00.H00-991231-9999&secret=AAAAA-AAAAA", "Accept",
				"text/html");
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.header("Retry-After")).matches("\\d+");
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("Quá nhiều yêu cầu", "Bạn đã tra cứu quá nhiều lần", "Mã lỗi 429",
				"href=\"/tra-cuu\"").doesNotContain("Whitelabel", "Exception");
	}

	static String abbreviate(String body) {
		return body.length() <= 300 ? body : body.substring(0, 300) + "…";
	}

	List<Case> cases(String code) throws Exception {
		List<Case> cases = new ArrayList<>();
		ObjectNode birth = birth();
		ObjectNode death = death();
		ObjectNode construction = construction();
		ObjectNode land = land();
		String invalid = "Hồ sơ chưa hợp lệ";
		// the body itself
		cases.add(new Case("invalid JSON", intake("{\"procedureKey\": "), 400, "không phải JSON hợp lệ"));
		cases.add(new Case("empty body", intake(""), 400, "không phải JSON hợp lệ"));
		cases.add(new Case("JSON array", intake("[]"), 400, "JSON"));
		cases.add(new Case("JSON null", intake("null"), 400, "JSON"));
		cases.add(new Case("JSON string", intake("\"hồ sơ\""), 400, "JSON"));
		cases.add(new Case("documents not a list", intake(with(birth, "documents", "giay-chung-sinh")), 400, "«documents»"));
		cases.add(new Case("applicant not an object", intake(with(birth, "applicant", "Lan")), 400, "«applicant»"));
		cases.add(new Case("data not an object", intake(with(birth, "data", List.of(1, 2))), 400, "«data»"));
		cases.add(new Case("bare error body", intake("{\"error\": \"Bad Request\"}"), 400, "procedureKey"));
		cases.add(new Case("no procedure", intake(edit(birth, b -> b.remove("procedureKey"))), 400, "procedureKey"));
		cases.add(new Case("blank procedure", intake(with(birth, "procedureKey", "  ")), 400, "procedureKey"));
		cases.add(new Case("unknown procedure", intake(with(birth, "procedureKey", "khong-co")), 404, "Không có thủ tục"));
		cases.add(new Case("10,000-character procedure", intake(with(birth, "procedureKey", "x".repeat(10_000))), 404,
				"Không có thủ tục"));
		cases.add(new Case("text/plain", HttpRequest.newBuilder(uri("/api/dossiers"))
			.header("Authorization", basic(OFFICER))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(birth.toString()))
			.build(), 415, "Kiểu nội dung không được hỗ trợ"));
		cases.add(new Case("GET on the collection", api("/api/dossiers", OFFICER), 405, "Phương thức GET"));
		cases.add(new Case("anonymous", HttpRequest.newBuilder(uri("/api/dossiers"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(birth.toString()))
			.build(), 401, "đăng nhập"));
		// sizes
		cases.add(new Case("4,001 characters", intake(with(birth, "data.childName", "a".repeat(4001))), 400, "không được dài quá 200"));
		cases.add(new Case("address over its 500", intake(with(birth, "applicant.address", "a".repeat(501))), 400,
				"không được dài quá 500"));
		cases.add(new Case("1 MB value", intake(with(birth, "data.fatherName", "a".repeat(1_000_000))), 400,
				"không được dài quá 200"));
		cases.add(new Case("1.5 MB body", intake(with(birth, "data.fatherName", "a".repeat(1_500_000))), 413,
				"quá lớn"));
		cases.add(new Case("5 MB body", intake(with(birth, "data.fatherName", "a".repeat(5_000_000))), 413, "quá lớn"));
		String large = with(birth, "data.fatherName", "a".repeat(1_500_000));
		cases.add(new Case("1.5 MB body from a browser", HttpRequest.newBuilder(uri("/api/dossiers"))
			.header("Authorization", basic(OFFICER))
			.header("Accept", "text/html,application/xhtml+xml")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(large))
			.build(), 413, "quá lớn"));
		cases.add(new Case("1.5 MB body without credentials", HttpRequest.newBuilder(uri("/api/dossiers"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(large))
			.build(), 413, "quá lớn"));
		byte[] chunked = with(birth, "data.fatherName", "a".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8);
		cases.add(new Case("2 MB chunked body", HttpRequest.newBuilder(uri("/api/dossiers"))
			.header("Authorization", basic(OFFICER))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)))
			.build(), 413, "quá lớn"));
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			many.add("giay-chung-sinh");
		}
		cases.add(new Case("10,000 documents", intake(with(birth, "documents", many)), 400, "lặp lại"));
		List<String> manyOthers = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			manyOthers.add("giay-" + i);
		}
		cases.add(new Case("10,000 unknown documents", intake(with(birth, "documents", manyOthers)), 400,
				"không có trong danh sách"));
		cases.add(new Case("duplicate documents", intake(with(birth, "documents",
				List.of("to-khai-dien-tu", "giay-chung-sinh", "giay-chung-sinh"))), 400, "lặp lại"));
		cases.add(new Case("unknown document", intake(with(birth, "documents", List.of("to-khai-dien-tu", "giay-khac"))),
				400, "giay-khac"));
		cases.add(new Case("document numbers", intake(with(birth, "documents", List.of(1, 2))), 400,
				"không có trong danh sách"));
		cases.add(new Case("document object", intake(edit(birth, b -> ((ArrayNode) b.get("documents")).addObject())),
				400, "«documents"));
		cases.add(new Case("no documents", intake(with(birth, "documents", List.of())), 400, "bắt buộc"));
		// undeclared fields
		cases.add(new Case("undeclared field", intake(with(birth, "data.foo", "bar")), 400, "không có trong biểu mẫu"));
		cases.add(new Case("system variable", intake(with(birth, "data.dossierCode", "000.31.31.H99-261201-0001")), 400,
				"không có trong biểu mẫu"));
		cases.add(new Case("receiving unit as data", intake(with(birth, "data.receivingUnit", "xa-my-loc")), 400,
				"không có trong biểu mẫu"));
		cases.add(new Case("legal days as data", intake(with(birth, "data.legalWorkingDays", 0)), 400,
				"không có trong biểu mẫu"));
		cases.add(new Case("5,000 undeclared fields", intake(edit(birth, b -> {
			ObjectNode data = (ObjectNode) b.get("data");
			for (int i = 0; i < 5000; i++) {
				data.put("k" + i, "v");
			}
		})), 400, "5000 trường không có trong biểu mẫu"));
		cases.add(new Case("nested object value", intake(with(birth, "data.childName", java.util.Map.of("a", "b"))), 400,
				"phải là chuỗi ký tự"));
		cases.add(new Case("list as name", intake(with(birth, "data.childName", List.of("a"))), 400, "phải là chuỗi ký tự"));
		// units
		cases.add(new Case("unknown receiving unit", intake(with(birth, "receivingUnit", "khong-co")), 400,
				"không có đơn vị mã"));
		cases.add(new Case("another desk", intake(with(birth, "receivingUnit", "xa-my-loc")), 403, "không thuộc bộ phận"));
		cases.add(new Case("not a desk", intake(with(birth, "receivingUnit", "so-tu-phap")), 400,
				"không có bộ phận tiếp nhận"));
		cases.add(new Case("unknown channel", intake(with(birth, "channel", "fax")), 400, "Kênh tiếp nhận"));
		// dates
		cases.add(new Case("born in 2099", intake(with(birth, "data.childBirthDate", "2099-01-01")), 400,
				"không được sau ngày hôm nay"));
		cases.add(new Case("born tomorrow", intake(with(birth, "data.childBirthDate", TODAY.plusDays(1).toString())), 400,
				"không được sau ngày hôm nay"));
		cases.add(new Case("born 0000-01-01", intake(with(birth, "data.childBirthDate", "0000-01-01")), 400,
				"từ năm 1900 đến năm 2100"));
		cases.add(new Case("born +999999999-12-31", intake(with(birth, "data.childBirthDate", "+999999999-12-31")), 400,
				"từ năm 1900"));
		cases.add(new Case("born 1899-12-31", intake(with(birth, "data.childBirthDate", "1899-12-31")), 400,
				"từ năm 1900"));
		cases.add(new Case("30 February", intake(with(birth, "data.childBirthDate", "2026-02-30")), 400, "yyyy-MM-dd"));
		cases.add(new Case("dd/MM/yyyy", intake(with(birth, "data.childBirthDate", "10/02/2026")), 400, "yyyy-MM-dd"));
		cases.add(new Case("date as number", intake(with(birth, "data.childBirthDate", 20260210)), 400, "yyyy-MM-dd"));
		cases.add(new Case("date with time", intake(with(birth, "data.childBirthDate", "2026-02-10T10:00")), 400,
				"yyyy-MM-dd"));
		cases.add(new Case("no birth date", intake(edit(birth, b -> ((ObjectNode) b.get("data")).remove("childBirthDate"))),
				400, "bắt buộc"));
		cases.add(new Case("death before birth", intake(with(death, "data.deathDate", "1949-01-01")), 400,
				"không được trước «"));
		cases.add(new Case("death in 2099", intake(with(death, "data.deathDate", "2099-06-01")), 400,
				"không được sau ngày hôm nay"));
		cases.add(new Case("death tomorrow", intake(with(death, "data.deathDate", TODAY.plusDays(1).toString())), 400,
				"không được sau ngày hôm nay"));
		cases.add(new Case("deceased born in the future", intake(with(death, "data.deceasedBirthDate", "2099-01-01")), 400,
				"không được sau ngày hôm nay"));
		cases.add(new Case("deceased born in 1800", intake(with(death, "data.deceasedBirthDate", "1800-01-01")), 400,
				"từ năm 1900"));
		cases.add(new Case("contract in the future", intake(with(land, "data.contractDate", "2099-01-01")), 400,
				"không được sau ngày hôm nay"));
		// identity numbers
		cases.add(new Case("deceased is the applicant", intake(with(death, "data.deceasedIdNumber", "001190012345")), 400,
				"không được trùng với «"));
		cases.add(new Case("transferee is the transferor", intake(with(land, "data.transfereeIdNumber", "001080012345")),
				400, "không được trùng với «"));
		cases.add(new Case("ID 000000000000", intake(with(birth, "applicant.idNumber", "000000000000")), 400,
				"không đúng định dạng"));
		cases.add(new Case("deceased ID 000000000000", intake(with(death, "data.deceasedIdNumber", "000000000000")), 400,
				"không đúng định dạng"));
		cases.add(new Case("ID of 5 digits", intake(with(birth, "applicant.idNumber", "12345")), 400, "không đúng định dạng"));
		cases.add(new Case("ID with letters", intake(with(birth, "applicant.idNumber", "00119001234A")), 400,
				"không đúng định dạng"));
		cases.add(new Case("ID of 13 digits", intake(with(birth, "applicant.idNumber", "0011900123456")), 400,
				"không đúng định dạng"));
		cases.add(new Case("ID with spaces inside", intake(with(birth, "applicant.idNumber", "001 190 012 345")), 400,
				"không đúng định dạng"));
		cases.add(new Case("phone of letters", intake(with(birth, "applicant.phone", "không có")), 400,
				"không đúng định dạng"));
		cases.add(new Case("e-mail without domain", intake(with(birth, "applicant.email", "lan@")), 400,
				"thư điện tử"));
		cases.add(new Case("unknown sex", intake(with(birth, "data.childSex", "x")), 400, "không hợp lệ cho trường"));
		cases.add(new Case("no applicant", intake(edit(birth, b -> b.remove("applicant"))), 400, "bắt buộc"));
		// characters
		cases.add(new Case("NUL in a name", intake(with(birth, "data.childName", "Trần\u0000An")), 400, "ký tự điều khiển"));
		cases.add(new Case("BEL in a name", intake(with(birth, "data.childName", "Trần\u0007An")), 400, "ký tự điều khiển"));
		cases.add(new Case("ESC in a name", intake(with(birth, "data.childName", "Trần\u001b[31mAn")), 400,
				"ký tự điều khiển"));
		cases.add(new Case("line break in a name", intake(with(birth, "applicant.name", "Nguyễn\nLan")), 400,
				"ký tự điều khiển"));
		cases.add(new Case("DEL in an address", intake(with(birth, "applicant.address", "Thôn\u007fĐông")), 400,
				"ký tự điều khiển"));
		cases.add(new Case("right-to-left override", intake(with(birth, "data.childName", "Trần \u202eAn")), 400,
				"đảo chiều"));
		cases.add(new Case("left-to-right isolate", intake(with(birth, "data.motherName", "\u2066Lan\u2069")), 400,
				"đảo chiều"));
		cases.add(new Case("right-to-left mark", intake(with(birth, "applicant.name", "Lan\u200f")), 400, "đảo chiều"));
		cases.add(new Case("zero-width only", intake(with(birth, "data.childName", "\u200b\u200b")), 400, "bắt buộc"));
		cases.add(new Case("BOM only", intake(with(birth, "applicant.name", "\ufeff")), 400, "bắt buộc"));
		cases.add(new Case("zero-width joiner inside", intake(with(birth, "data.childName", "Trần\u200dAn")), 400,
				"vô hình"));
		cases.add(new Case("soft hyphen inside", intake(with(birth, "data.birthplace", "Trạm\u00ady tế")), 400, "vô hình"));
		cases.add(new Case("spaces only", intake(with(birth, "data.childName", "   ")), 400, "bắt buộc"));
		cases.add(new Case("lone high surrogate", intake(with(birth, "data.childName", "Tr§ud800n")), 400,
				"không trọn vẹn"));
		cases.add(new Case("lone low surrogate", intake(with(birth, "data.motherName", "§udc00")), 400,
				"không trọn vẹn"));
		cases.add(new Case("reversed surrogates", intake(with(birth, "data.birthplace", "§udc00§ud800")), 400,
				"không trọn vẹn"));
		// numbers
		cases.add(new Case("2.5 floors", intake(with(construction, "data.floorCount", 2.5)), 400, "số nguyên"));
		cases.add(new Case("\"2.5\" floors", intake(with(construction, "data.floorCount", "2.5")), 400, "số nguyên"));
		cases.add(new Case("0 floors", intake(with(construction, "data.floorCount", 0)), 400, "từ 1 trở lên"));
		cases.add(new Case("51 floors", intake(with(construction, "data.floorCount", 51)), 400, "không được lớn hơn 50"));
		cases.add(new Case("floor area \"1e309\"", intake(with(construction, "data.totalFloorArea", "1e309")), 400,
				"số hữu hạn"));
		cases.add(new Case("floor area 1e309", intake(with(construction, "data.totalFloorArea", "@raw:1e309@")), 400,
				"số hữu hạn"));
		cases.add(new Case("floor area NaN", intake(with(construction, "data.totalFloorArea", "NaN")), 400, "số hữu hạn"));
		cases.add(new Case("floor area Infinity", intake(with(construction, "data.totalFloorArea", "Infinity")), 400,
				"số hữu hạn"));
		cases.add(new Case("floor area -Infinity", intake(with(construction, "data.totalFloorArea", "-Infinity")), 400,
				"số hữu hạn"));
		cases.add(new Case("negative footprint", intake(with(construction, "data.buildingFootprint", -1)), 400,
				"từ 0 trở lên"));
		cases.add(new Case("footprint 1e12", intake(with(construction, "data.buildingFootprint", 1e12)), 400,
				"không được lớn hơn"));
		cases.add(new Case("height of letters", intake(with(construction, "data.buildingHeight", "cao")), 400,
				"phải là một số"));
		cases.add(new Case("height 2000 m", intake(with(construction, "data.buildingHeight", 2000)), 400,
				"không được lớn hơn"));
		cases.add(new Case("negative price", intake(with(land, "data.transferPrice", -5)), 400, "từ 0 trở lên"));
		cases.add(new Case("land area 1e20", intake(with(land, "data.landArea", 1e20)), 400, "số hữu hạn"));
		cases.add(new Case("basement as text", intake(with(construction, "data.hasBasement", "có")), 400, "đúng/sai"));
		cases.add(new Case("parcel with spaces", intake(with(construction, "data.parcelNumber", "12 3")), 400,
				"không đúng định dạng"));
		// apology
		String apology = "/api/dossiers/" + code + "/apology";
		String later = TODAY.plusMonths(2) + "T16:00";
		cases.add(new Case("apology invalid JSON", post(apology, "{\"reason\": "), 400, "không phải JSON hợp lệ"));
		cases.add(new Case("apology empty body", post(apology, ""), 400, "JSON"));
		cases.add(new Case("apology bare error", post(apology, "{\"error\": \"Bad Request\"}"), 400, "lý do chậm trễ"));
		cases.add(new Case("apology blank reason", post(apology, "{\"reason\": \" \", \"newAppointment\": \"" + later + "\"}"),
				400, "lý do chậm trễ"));
		cases.add(new Case("apology zero-width reason", post(apology, "{\"reason\": \"\u200b\", \"newAppointment\": \""
				+ later + "\"}"), 400, "lý do chậm trễ"));
		cases.add(new Case("apology 1 MB reason", post(apology, JSON.createObjectNode()
			.put("reason", "x".repeat(1_000_000))
			.put("newAppointment", later)
			.toString()), 400, "không được dài quá 2000"));
		cases.add(new Case("apology NUL in reason", post(apology, JSON.createObjectNode()
			.put("reason", "Chờ\u0000xác minh")
			.put("newAppointment", later)
			.toString()), 400, "ký tự điều khiển"));
		cases.add(new Case("apology garbage date", post(apology, "{\"reason\": \"Chờ xác minh\", \"newAppointment\": \"mai\"}"),
				400, "Ngày hẹn trả mới không hợp lệ"));
		cases.add(new Case("apology year 99999", post(apology,
				"{\"reason\": \"Chờ xác minh\", \"newAppointment\": \"+99999-03-02T16:00\"}"), 400, "quá 1 năm"));
		cases.add(new Case("apology in 2 years", post(apology, "{\"reason\": \"Chờ xác minh\", \"newAppointment\": \""
				+ TODAY.plusYears(2) + "T16:00\"}"), 400, "quá 1 năm"));
		cases.add(new Case("apology before the appointment", post(apology,
				"{\"reason\": \"Chờ xác minh\", \"newAppointment\": \"" + TODAY + "T08:00\"}"), 400, "phải sau ngày hẹn"));
		cases.add(new Case("apology date as number", post(apology, "{\"reason\": \"Chờ\", \"newAppointment\": 5}"), 400,
				"không hợp lệ"));
		cases.add(new Case("apology unknown dossier", post("/api/dossiers/000.00.00.H00-991231-9999/apology",
				"{\"reason\": \"Chờ\", \"newAppointment\": \"" + later + "\"}"), 404, "Không tìm thấy hồ sơ"));
		cases.add(new Case("apology 1.5 MB body", post(apology, JSON.createObjectNode()
			.put("reason", "x".repeat(1_500_000))
			.toString()), 413, "quá lớn"));
		// reports
		cases.add(new Case("kpi period=abc", api("/api/reports/kpi?period=abc", "auditor"), 400, "Tham số «period»"));
		cases.add(new Case("kpi period=2025-13", api("/api/reports/kpi?period=2025-13", "auditor"), 400, "Tham số «period»"));
		cases.add(new Case("kpi period=2025-Q5", api("/api/reports/kpi?period=2025-Q5", "auditor"), 400, "Tham số «period»"));
		cases.add(new Case("kpi from=garbage", api("/api/reports/kpi?from=garbage", "auditor"), 400, "Tham số «from»"));
		cases.add(new Case("kpi to=2025-02-30", api("/api/reports/kpi?to=2025-02-30", "auditor"), 400, "Tham số «to»"));
		cases.add(new Case("kpi from=0001-01-01", api("/api/reports/kpi?from=0001-01-01", "auditor"), 400,
				"Tham số «from»"));
		cases.add(new Case("kpi to before from", api("/api/reports/kpi?from=2025-03-01&to=2025-01-01", "auditor"), 400,
				"không được trước «from»"));
		cases.add(new Case("kpi scope=unit:nope", api("/api/reports/kpi?scope=unit:nope", "auditor"), 400,
				"không có đơn vị mã «nope»"));
		cases.add(new Case("kpi scope=level:nope", api("/api/reports/kpi?scope=level:nope", "auditor"), 400,
				"không có cấp hành chính"));
		cases.add(new Case("kpi scope=weird:x", api("/api/reports/kpi?scope=weird:x", "auditor"), 400, "Tham số «scope»"));
		cases.add(new Case("kpi scope=unit:", api("/api/reports/kpi?scope=unit:", "auditor"), 400, "Tham số «scope»"));
		cases.add(new Case("drill-down without cell", api("/api/reports/dossiers", "auditor"), 400, "Thiếu tham số «cell»"));
		cases.add(new Case("drill-down cell=nonsense", api("/api/reports/dossiers?cell=nonsense", "auditor"), 400,
				"Tham số «cell»"));
		cases.add(new Case("report page period=abc", page("/reports?period=abc", "auditor"), 400, "Tham số «period»"));
		cases.add(new Case("report page scope=unit:nope", page("/reports?scope=unit:nope", "auditor"), 400,
				"không có đơn vị mã «nope»"));
		cases.add(new Case("report page for an officer", page("/reports", OFFICER), 403, "không có quyền"));
		// audit
		cases.add(new Case("audit from=garbage", page("/audit?from=garbage", "auditor"), 400, "Tham số «from»"));
		cases.add(new Case("audit to=2025-13-01", page("/audit?to=2025-13-01", "auditor"), 400, "Tham số «to»"));
		cases.add(new Case("audit page=abc", page("/audit?page=abc", "auditor"), 400, "Tham số «page»"));
		cases.add(new Case("audit size=x", page("/audit?size=x", "auditor"), 400, "Tham số «size»"));
		cases.add(new Case("audit export from=garbage", page("/audit/export.csv?from=garbage", "auditor"), 400,
				"Tham số «from»"));
		cases.add(new Case("audit integrity for an officer", page("/audit/integrity", OFFICER), 403, "không có quyền"));
		// calendar
		cases.add(new Case("deadline without workingDays", api("/api/calendar/deadline", null), 400,
				"Thiếu tham số «workingDays»"));
		cases.add(new Case("days year=abc", api("/api/calendar/days?year=abc", null), 400, "Tham số «year»"));
		cases.add(new Case("deadline workingDays=0.3", api("/api/calendar/deadline?workingDays=0.3", null), 400,
				"Số ngày làm việc không hợp lệ"));
		cases.add(new Case("deadline start=garbage", api("/api/calendar/deadline?workingDays=1&start=garbage", null), 400,
				"Thời điểm tiếp nhận không hợp lệ"));
		// uploads: a multipart body that does not parse, a file over the part limit (chunked, so that the
		// container's multipart limit is what refuses it), a body over the limit on a page
		Session admin = session("/admin/calendar", "admin");
		String boundary = "----motcua-bad-upload";
		String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2027.yaml\"\r\n"
				+ "Content-Type: application/x-yaml\r\n\r\n";
		cases.add(new Case("calendar upload without its closing boundary",
				admin.post("/admin/calendar/preview", "multipart/form-data; boundary=" + boundary,
						HttpRequest.BodyPublishers.ofString(part + "year: 2027\nholidays:\n")),
				400, "Trường «file»: nội dung tải lên (multipart/form-data) bị hỏng"));
		cases.add(new Case("calendar upload with a broken part header",
				admin.post("/admin/calendar/preview", "multipart/form-data; boundary=" + boundary,
						HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition form-data\r\n"
								+ "year: 2027\r\n--" + boundary + "--\r\n")),
				400, "Trường «file»"));
		byte[] bigUpload = (part + "#".repeat(1_200_000) + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		cases.add(new Case("calendar upload of a 1.2 MB file, chunked",
				admin.post("/admin/calendar/preview", "multipart/form-data; boundary=" + boundary,
						HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bigUpload))),
				413, "Trường «file»: tệp tải lên quá lớn"));
		cases.add(new Case("page 413: calendar upload of a declared 1.2 MB body",
				admin.post("/admin/calendar/preview", "multipart/form-data; boundary=" + boundary,
						HttpRequest.BodyPublishers.ofByteArray(bigUpload)),
				413, "quá lớn"));
		// pages that do not exist, and ?lang=<anything> on pages (answered in Vietnamese, not refused)
		cases.add(new Case("unknown page", page("/khong-co-trang", OFFICER), 404, "Không tìm thấy trang"));
		cases.add(new Case("unknown API", api("/api/khong-co", OFFICER), 404, "Không tìm thấy"));
		cases.add(new Case("unknown receipt", page("/dossiers/000.00.00.H00-991231-9999/receipt", OFFICER), 404,
				"Không tìm thấy hồ sơ"));
		cases.add(new Case("?lang=<script>", page("/?lang=%3Cscript%3E", null), 200, "Tra cứu"));
		cases.add(new Case("?lang=xx-YY-zzzzzzzzz", page("/tra-cuu?lang=xx-YY-zzzzzzzzz", null), 200, "Tra cứu"));
		cases.add(new Case("?lang=%00", page("/calendar?lang=%00", null), 200, "Lịch làm việc"));
		cases.add(new Case("?lang=en_", page("/login?lang=en_", null), 200, "Tra cứu"));
		cases.add(new Case("?lang=__", page("/?lang=__", null), 200, "Tra cứu"));
		cases.add(new Case("?lang=a long value", page("/?lang=" + "x".repeat(500), null), 200, "Tra cứu"));
		cases.add(new Case("?lang on an API", api("/api/calendar/days?year=2026&lang=%3C%3E", null), 200, "2026"));
		cases.addAll(engineRestCases(code));
		// last: a failed login delays that account's next logins (Camunda's login delay)
		cases.add(new Case("wrong password", HttpRequest.newBuilder(uri("/api/dossiers"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("xa-hoa-phu.officer:sai").getBytes()))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(birth.toString()))
			.build(), 401, "đăng nhập"));
		return cases;
	}

}
