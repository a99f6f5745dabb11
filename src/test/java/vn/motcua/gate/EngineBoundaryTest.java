package vn.motcua.gate;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.Dossiers;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.Handoff;
import vn.motcua.procedure.Handoffs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks on the engine boundary, made as an official would make them: real HTTP with HTTP
 * Basic against {@code /engine-rest}, and the Tasklist's own session against
 * {@code /camunda/api/engine}. Each one is refused with a Vietnamese message naming the field,
 * and nothing is stored. The same class runs on H2 and on PostgreSQL.
 */
abstract class EngineBoundaryTest {

	static final String VICTIM_UNIT = "xa-an-binh";

	static final String ATTACKER_UNIT = "xa-hoa-phu";

	static final String VICTIM = VICTIM_UNIT + ".officer";

	static final String ATTACKER = ATTACKER_UNIT + ".officer";

	static final String INTAKE = """
			"applicantName": {"value": "Nguyễn Thị Lan"}, "applicantIdNumber": {"value": "001190012345"},
			"applicantPhone": {"value": "0912345678"}, "applicantAddress": {"value": "Thôn Đông"},
			"channel": {"value": "in-person"},
			"documents": {"value": "[\\"to-khai-dien-tu\\", \\"giay-chung-sinh\\"]", "type": "Json"},
			"childName": {"value": "Trần Minh An"}, "childBirthDate": {"value": "2026-02-10"},
			"childSex": {"value": "nam"}, "birthplace": {"value": "Trạm y tế xã"}, "motherName": {"value": "Nguyễn Thị Lan"}""";

	@LocalServerPort
	int port;

	@Autowired
	Dossiers dossiers;

	@Autowired
	Handoffs handoffs;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	@Autowired
	ManagementService management;

	final ObjectMapper json = new ObjectMapper();

	final HttpClient http = HttpClient.newHttpClient();

	/** A dossier received at the victim's desk, waiting for its completeness check. */
	Dossier victim;

	@BeforeEach
	void receiveTheVictimsDossier() throws Exception {
		this.victim = receive(VICTIM, "");
	}

	// --- start ---------------------------------------------------------------------------------

	@Test
	void anOfficialCannotStartAForgedStepOverRest() throws Exception {
		int handoffsBefore = this.handoffs.ofDossier(this.victim.code()).size();
		HttpResponse<String> forged = post(ATTACKER, "/engine-rest/process-definition/key/agency-step/start", """
				{"businessKey": "%s", "variables": {"dossierCode": {"value": "%s"}, "stepFunction": {"value": "desk"},
				 "stepName": {"value": "Kiểm tra"}, "stepAllotment": {"value": 1}, "stepForm": {"value": "completeness-check"},
				 "receivingUnit": {"value": "%s"}, "lastUnit": {"value": "%s"}}}""".formatted(this.victim.code(),
				this.victim.code(), ATTACKER_UNIT, ATTACKER_UNIT));

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.handoffs.ofDossier(this.victim.code())).hasSize(handoffsBefore);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(AgencyStepProcess.KEY)
			.processInstanceBusinessKey(this.victim.code())
			.count()).as("only the real completeness check").isEqualTo(1);
		assertThat(get(ATTACKER, "/api/dossiers/" + this.victim.code()).statusCode()).isEqualTo(403);
	}

	@Test
	void tasklistOffersOnlyProceduresAndRefusesAForgedStep() throws Exception {
		Tasklist tasklist = new Tasklist(ATTACKER);
		HttpResponse<String> startable = tasklist.get(
				"/process-definition?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true");
		assertThat(startable.statusCode()).isEqualTo(200);
		assertThat(keys(startable.body())).contains(BirthRegistrationProcess.KEY).doesNotContain(AgencyStepProcess.KEY);

		String stepDefinition = this.json.readTree(tasklist.get("/process-definition/key/agency-step").body())
			.path("id")
			.asText();
		HttpResponse<String> forged = tasklist.post("/process-definition/" + stepDefinition + "/submit-form", """
				{"variables": {"dossierCode": {"value": "%s"}, "stepFunction": {"value": "desk"}}}""".formatted(
				this.victim.code()));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(message(forged)).contains("agency-step", "quy trình nội bộ");
		assertThat(this.handoffs.ofDossier(this.victim.code())).hasSize(1);
	}

	@Test
	void anOfficialReceivesOnlyAtTheirOwnDesk() throws Exception {
		long before = this.dossiers.count();
		HttpResponse<String> onBehalf = post(ATTACKER, "/engine-rest/process-definition/key/birth-registration/start",
				"{\"variables\": {" + INTAKE + ", \"receivingUnit\": {\"value\": \"" + VICTIM_UNIT + "\"}}}");
		assertThat(onBehalf.statusCode()).isEqualTo(403);
		assertThat(message(onBehalf)).contains("receivingUnit", "UBND xã An Bình");
		assertThat(this.dossiers.count()).as("nothing stored").isEqualTo(before);

		HttpResponse<String> viaTasklist = new Tasklist(ATTACKER).post(
				"/process-definition/key/birth-registration/submit-form",
				"{\"variables\": {" + INTAKE + ", \"receivingUnit\": {\"value\": \"" + VICTIM_UNIT + "\"}}}");
		assertThat(viaTasklist.statusCode()).isEqualTo(403);
		assertThat(this.dossiers.count()).isEqualTo(before);

		Dossier own = receive(ATTACKER, "");
		assertThat(own.receivingUnit()).isEqualTo(ATTACKER_UNIT);
		assertThat(own.receivedBy()).isEqualTo(ATTACKER);
	}

	@Test
	void anOfficialOfTwoDesksChoosesAmongTheirOwn() throws Exception {
		String both = "hai-ban.officer";
		if (this.identity.createUserQuery().userId(both).count() == 0) {
			User user = this.identity.newUser(both);
			user.setPassword("demo");
			this.identity.saveUser(user);
			this.identity.createMembership(both, VICTIM_UNIT + "-officers");
			this.identity.createMembership(both, ATTACKER_UNIT + "-officers");
		}
		assertThat(receive(both, ", \"receivingUnit\": {\"value\": \"" + ATTACKER_UNIT + "\"}").receivingUnit())
			.isEqualTo(ATTACKER_UNIT);
		assertThat(receive(both, ", \"receivingUnit\": {\"value\": \"" + VICTIM_UNIT + "\"}").receivingUnit())
			.isEqualTo(VICTIM_UNIT);
		HttpResponse<String> other = post(both, "/engine-rest/process-definition/key/birth-registration/start",
				"{\"variables\": {" + INTAKE + ", \"receivingUnit\": {\"value\": \"phuong-tan-an\"}}}");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(message(other)).contains("receivingUnit");
	}

	@Test
	void aStartSendsOnlyTheIntakeFormsFields() throws Exception {
		long before = this.dossiers.count();
		HttpResponse<String> extra = post(ATTACKER, "/engine-rest/process-definition/key/birth-registration/start",
				"{\"variables\": {" + INTAKE + ", \"lastUnit\": {\"value\": \"" + VICTIM_UNIT + "\"}}}");
		assertThat(extra.statusCode()).isEqualTo(400);
		assertThat(field(extra)).isEqualTo("lastUnit");
		assertThat(message(extra)).contains("«lastUnit»", "hệ thống");
		HttpResponse<String> skipping = post(ATTACKER, "/engine-rest/process-definition/key/birth-registration/start",
				"{\"variables\": {" + INTAKE + "}, \"startInstructions\": [{\"type\": \"startBeforeActivity\","
						+ " \"activityId\": \"Task_ReturnResult\"}]}");
		assertThat(skipping.statusCode()).isEqualTo(400);
		assertThat(field(skipping)).isEqualTo("startInstructions");
		HttpResponse<String> badSex = post(ATTACKER, "/engine-rest/process-definition/key/birth-registration/start",
				"{\"variables\": {" + INTAKE.replace("\"nam\"", "\"khác\"") + "}}");
		assertThat(badSex.statusCode()).isEqualTo(400);
		assertThat(field(badSex)).isEqualTo("childSex");
		assertThat(this.dossiers.count()).isEqualTo(before);
	}

	// --- complete ------------------------------------------------------------------------------

	@Test
	void aHandoffOfAnotherDossierCannotBeInjectedOnCompletion() throws Exception {
		Dossier own = receive(ATTACKER, "");
		Task task = step(own);
		Handoff victims = this.handoffs.ofDossier(this.victim.code()).get(0);

		HttpResponse<String> injected = post(ATTACKER, "/engine-rest/task/" + task.getId() + "/complete", """
				{"variables": {"stepOutcome": {"value": "done"}, "handoffId": {"value": %d, "type": "Long"}}}"""
			.formatted(victims.id()));
		assertThat(injected.statusCode()).isEqualTo(400);
		assertThat(field(injected)).isEqualTo("handoffId");
		assertThat(message(injected)).contains("«handoffId»", "không có dữ liệu nào được lưu");
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).as("nothing stored").isEqualTo(1);
		assertThat(this.handoffs.get(victims.id()).open()).isTrue();

		// Motcua's own code is trusted with the Java API, yet the step finishes only its own handoff
		this.tasks.complete(task.getId(), Map.of(AgencyStepProcess.STEP_OUTCOME, AgencyStepProcess.DONE,
				AgencyStepProcess.HANDOFF_ID, victims.id()));
		assertThat(this.handoffs.get(victims.id()).open()).as("the victim's step is untouched").isTrue();
		assertThat(this.handoffs.ofDossier(own.code()).get(0).open()).isFalse();
	}

	@Test
	void aDossierCodeCannotBeInjectedOnTheReturn() throws Exception {
		Dossier own = receive(ATTACKER, "");
		Task giveBack = throughToTheReturn(own);

		HttpResponse<String> injected = post(ATTACKER, "/engine-rest/task/" + giveBack.getId() + "/complete", """
				{"variables": {"returnMethod": {"value": "in-person"}, "resultHandedOver": {"value": true},
				 "dossierCode": {"value": "%s"}}}""".formatted(this.victim.code()));
		assertThat(injected.statusCode()).isEqualTo(400);
		assertThat(field(injected)).isEqualTo("dossierCode");
		assertThat(this.dossiers.get(this.victim.code()).status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(this.dossiers.get(own.code()).status()).isEqualTo(DossierStatus.IN_PROGRESS);

		// even from trusted code, closing acts on the instance's own dossier
		this.tasks.complete(giveBack.getId(),
				Map.of("returnMethod", "in-person", "resultHandedOver", true, "dossierCode", this.victim.code()));
		assertThat(this.dossiers.get(this.victim.code()).status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(this.dossiers.get(own.code()).status()).isNotEqualTo(DossierStatus.IN_PROGRESS);
	}

	@Test
	void aCompletionObeysTheTasksFormOverRestAndTasklist() throws Exception {
		Task task = step(this.victim);
		String complete = "/engine-rest/task/" + task.getId() + "/complete";
		HttpResponse<String> unknown = post(VICTIM, complete,
				"{\"variables\": {\"stepOutcome\": {\"value\": \"done\"}, \"approvedBy\": {\"value\": \"x\"}}}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(message(unknown)).contains("«approvedBy»", "completeness-check");
		HttpResponse<String> option = post(VICTIM, complete, "{\"variables\": {\"stepOutcome\": {\"value\": \"maybe\"}}}");
		assertThat(option.statusCode()).isEqualTo(400);
		assertThat(field(option)).isEqualTo("stepOutcome");
		assertThat(message(option)).contains("Kết quả xử lý", "maybe");
		HttpResponse<String> missing = post(VICTIM, complete, "{\"variables\": {}}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(message(missing)).contains("Kết quả xử lý", "bắt buộc");

		Tasklist tasklist = new Tasklist(VICTIM);
		HttpResponse<String> readOnly = tasklist.post("/task/" + task.getId() + "/submit-form",
				"{\"variables\": {\"stepOutcome\": {\"value\": \"done\"}, \"dossierCode\": {\"value\": \"X\"}}}");
		assertThat(readOnly.statusCode()).isEqualTo(400);
		assertThat(field(readOnly)).isEqualTo("dossierCode");
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

		HttpResponse<String> done = tasklist.post("/task/" + task.getId() + "/submit-form",
				"{\"variables\": {\"stepOutcome\": {\"value\": \"done\", \"type\": \"String\"}}}");
		assertThat(done.statusCode()).as(done.body() + done.headers().map()).isEqualTo(204);
		assertThat(this.handoffs.ofDossier(this.victim.code()).get(0).finishedBy()).isEqualTo(VICTIM);
	}

	// --- the other write paths ---------------------------------------------------------------

	@Test
	void noOfficialWritesThroughTheVariablesEndpointsModificationSignalOrMessage() throws Exception {
		Task task = step(this.victim);
		String instance = task.getProcessInstanceId();
		String execution = task.getExecutionId();
		Object handoffBefore = this.runtime.getVariable(instance, AgencyStepProcess.HANDOFF_ID);
		List<HttpResponse<String>> writes = List.of(
				put(VICTIM, "/engine-rest/task/" + task.getId() + "/variables/handoffId",
						"{\"value\": 1, \"type\": \"Long\"}"),
				post(VICTIM, "/engine-rest/task/" + task.getId() + "/variables",
						"{\"modifications\": {\"dossierCode\": {\"value\": \"X\"}}}"),
				put(VICTIM, "/engine-rest/task/" + task.getId() + "/localVariables/stepUnit", "{\"value\": \"x\"}"),
				delete(VICTIM, "/engine-rest/task/" + task.getId() + "/variables/receivingUnit"),
				put(VICTIM, "/engine-rest/execution/" + execution + "/localVariables/receivingUnit",
						"{\"value\": \"" + ATTACKER_UNIT + "\"}"),
				post(VICTIM, "/engine-rest/process-instance/" + instance + "/variables",
						"{\"modifications\": {\"stepDue\": {\"value\": \"2027-01-01T00:00:00.000+0700\", \"type\": \"Date\"}}}"),
				post(VICTIM, "/engine-rest/process-instance/" + instance + "/modification",
						"{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_FinishStep\","
								+ " \"variables\": {\"stepOutcome\": {\"value\": \"refuse\"}}}]}"),
				post(VICTIM, "/engine-rest/execution/" + execution + "/signal",
						"{\"variables\": {\"stepOutcome\": {\"value\": \"refuse\"}}}"),
				post(VICTIM, "/engine-rest/message",
						"{\"messageName\": \"x\", \"processVariables\": {\"dossierCode\": {\"value\": \"X\"}}}"),
				post(VICTIM, "/engine-rest/signal", "{\"name\": \"x\", \"variables\": {\"lastUnit\": {\"value\": \"x\"}}}"));
		for (HttpResponse<String> write : writes) {
			assertThat(write.statusCode()).as("%s %s", write.request().method(), write.request().uri()).isEqualTo(403);
			assertThat(message(write)).contains("không được ghi dữ liệu quy trình");
		}
		HttpResponse<String> due = put(VICTIM, "/engine-rest/task/" + task.getId(),
				"{\"name\": \"" + task.getName() + "\", \"due\": \"2027-01-01T00:00:00.000+0700\"}");
		assertThat(due.statusCode()).isEqualTo(400);
		assertThat(field(due)).isEqualTo("due");

		// an administrator may repair data, but never the variables that carry identity and state
		HttpResponse<String> admin = put("admin", "/engine-rest/process-instance/" + instance + "/variables/handoffId",
				"{\"value\": 1, \"type\": \"Long\"}");
		assertThat(admin.statusCode()).isEqualTo(400);
		assertThat(message(admin)).contains("«handoffId»");
		HttpResponse<String> adminModification = post("admin",
				"/engine-rest/process-instance/" + instance + "/modification",
				"{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_HandleStep\","
						+ " \"variables\": {\"dossierCode\": {\"value\": \"X\"}}}]}");
		assertThat(adminModification.statusCode()).isEqualTo(400);
		assertThat(field(adminModification)).isEqualTo("dossierCode");

		Task after = this.tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(after).isNotNull();
		assertThat(after.getDueDate()).isEqualTo(task.getDueDate());
		assertThat(this.runtime.getVariable(instance, AgencyStepProcess.HANDOFF_ID)).isEqualTo(handoffBefore);
		// the dossier's variables are the procedure's; none was written into the step
		assertThat(this.runtime.getVariable(this.victim.processInstanceId(), "dossierCode")).isEqualTo(this.victim.code());
		assertThat(this.runtime.getVariable(this.victim.processInstanceId(), "receivingUnit")).isEqualTo(VICTIM_UNIT);
		assertThat(this.runtime.getVariables(instance)).doesNotContainKeys("dossierCode", "receivingUnit", "lastUnit");
		assertThat(this.runtime.getVariable(instance, "stepUnit")).isEqualTo(VICTIM_UNIT);
		assertThat(this.handoffs.ofDossier(this.victim.code()).get(0).open()).isTrue();
	}

	@Test
	void tasklistSavesAFollowUpDateBySendingTheWholeTaskButNeverMovesTheDueDate() throws Exception {
		Task task = step(this.victim);
		// what Tasklist does: GET the task, change followUp, PUT the whole task back (camundaFormRef included)
		ObjectNode whole = (ObjectNode) this.json.readTree(get(VICTIM, "/engine-rest/task/" + task.getId()).body());
		assertThat(whole.path("camundaFormRef").path("key").asText()).isEqualTo("completeness-check");
		whole.put("followUp", "2027-01-04T08:00:00.000+0700");
		HttpResponse<String> saved = put(VICTIM, "/engine-rest/task/" + task.getId(), whole.toString());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getFollowUpDate()).isNotNull();
		HttpResponse<String> stranger = put(ATTACKER, "/engine-rest/task/" + task.getId(),
				whole.put("followUp", "2027-02-01T08:00:00.000+0700").toString());
		assertThat(stranger.statusCode()).as("another unit's official").isIn(403, 404);
		Tasklist tasklist = new Tasklist(VICTIM);
		ObjectNode again = (ObjectNode) this.json.readTree(tasklist.get("/task/" + task.getId()).body());
		again.putNull("followUp");
		assertThat(tasklist.put("/task/" + task.getId(), again.toString()).statusCode()).isEqualTo(204);
		whole.putNull("due");
		HttpResponse<String> noDue = put(VICTIM, "/engine-rest/task/" + task.getId(), whole.toString());
		assertThat(noDue.statusCode()).isEqualTo(400);
		assertThat(field(noDue)).isEqualTo("due");

		Task after = this.tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(after.getFollowUpDate()).isNull();
		assertThat(after.getDueDate()).isEqualTo(task.getDueDate());
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey()).isEqualTo(this.victim.code());
	}

	@Test
	void theFormOfAStepCarriesItsHeaderOnBothPathsButNobodyWritesIt() throws Exception {
		Task task = step(this.victim);
		for (HttpResponse<String> variables : List.of(
				get(VICTIM, "/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false"),
				new Tasklist(VICTIM).get("/task/" + task.getId() + "/form-variables?deserializeValues=false"))) {
			assertThat(variables.statusCode()).isEqualTo(200);
			var header = this.json.readTree(variables.body());
			assertThat(header.path("dossierCode").path("value").asText()).isEqualTo(this.victim.code());
			// read-only fields of the form come from the dossier: the step instance holds no copies
			assertThat(this.runtime.getVariable(task.getProcessInstanceId(), "applicantName")).isNull();
			assertThat(header.path("applicantName").path("value").asText()).isNotBlank()
				.isEqualTo(this.runtime.getVariable(this.victim.processInstanceId(), "applicantName"));
			assertThat(header.path("procedureName").path("value").asText()).isEqualTo(this.victim.procedureName());
			assertThat(header.path("appointmentText").path("value").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
			assertThat(header.path("stepDueText").path("value").asText()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
			assertThat(header.path("timeLeftText").path("value").asText()).matches("(Còn|Quá hạn) .* làm việc");
			assertThat(header.path("documentNames").path("value").asText())
				.contains("Giấy chứng sinh (hoặc giấy tờ thay thế)")
				.doesNotContain("giay-chung-sinh");
			assertThat(header.path("receivingUnitName").path("value").asText()).isEqualTo("UBND xã An Bình");
		}
		assertThat(get(ATTACKER, "/engine-rest/task/" + task.getId() + "/form-variables").body())
			.doesNotContain("appointmentText");
		HttpResponse<String> forged = post(VICTIM, "/engine-rest/task/" + task.getId() + "/complete",
				"{\"variables\": {\"stepOutcome\": {\"value\": \"done\"}, \"appointmentText\": {\"value\": \"01/01/2030 08:00\"}}}");
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(field(forged)).isEqualTo("appointmentText");
		HttpResponse<String> admin = put("admin",
				"/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables/stepDueText",
				"{\"value\": \"01/01/2030 08:00\"}");
		assertThat(admin.statusCode()).isEqualTo(400);
	}

	// --- stop at the applicant's request (form 05) and the apology approval (form 04) ------------

	String stopMessage(String code) {
		return """
				{"messageName": "DossierStopRequested", "businessKey": "%s", "processVariables": {
				 "stopRequestedOn": {"value": "%s"}, "stopReason": {"value": "Người nộp xin rút hồ sơ"}}}"""
			.formatted(code, java.time.LocalDate.now(vn.motcua.intake.Timeliness.ZONE));
	}

	@Test
	void aStopOverRestObeysTheDesksRules() throws Exception {
		String code = this.victim.code();
		HttpResponse<String> attacker = post(ATTACKER, "/engine-rest/message", stopMessage(code));
		assertThat(attacker.statusCode()).isEqualTo(403);
		assertThat(message(attacker)).contains("Chỉ cán bộ bộ phận tiếp nhận");
		HttpResponse<String> admin = post("admin", "/engine-rest/message", stopMessage(code));
		assertThat(admin.statusCode()).as("administrators do not stop dossiers either").isEqualTo(403);
		HttpResponse<String> noReason = post(VICTIM, "/engine-rest/message", """
				{"messageName": "DossierStopRequested", "businessKey": "%s", "processVariables": {
				 "stopRequestedOn": {"value": "%s"}}}""".formatted(code, java.time.LocalDate.now(vn.motcua.intake.Timeliness.ZONE)));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(field(noReason)).isEqualTo("reason");
		// officials hold no permission on process instances: deletion is answered like an unknown id
		HttpResponse<String> deleted = delete(VICTIM, "/engine-rest/process-instance/" + this.victim.processInstanceId());
		assertThat(deleted.statusCode()).isEqualTo(404);
		HttpResponse<String> modified = post(VICTIM, "/engine-rest/process-instance/" + this.victim.processInstanceId()
				+ "/modification", "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"SubProcess_HandleDossier\"}]}");
		assertThat(modified.statusCode()).isEqualTo(403);
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.IN_PROGRESS);

		HttpResponse<String> stopped = post(VICTIM, "/engine-rest/message", stopMessage(code));
		assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(204);
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.STOPPED);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
		HttpResponse<String> again = post(VICTIM, "/engine-rest/message", stopMessage(code));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(message(again)).contains("đã dừng giải quyết");
	}

	@Test
	void aStopOverRestAfterTheResultIsRefused() throws Exception {
		Task giveBack = throughToTheReturn(this.victim);
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		assertThat(this.dossiers.get(this.victim.code()).status()).isEqualTo(DossierStatus.RETURNED);
		HttpResponse<String> late = post(VICTIM, "/engine-rest/message", stopMessage(this.victim.code()));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(message(late)).contains("đã trả kết quả");
		assertThat(this.dossiers.get(this.victim.code()).status()).isEqualTo(DossierStatus.RETURNED);
	}

	@Test
	void onlyTheHeadOfTheAgencyApprovesTheApologyOverRest() throws Exception {
		String code = this.victim.code();
		var apologyTimer = this.management.createJobQuery()
			.processInstanceId(this.victim.processInstanceId())
			.activityId("StartEvent_ApologyDue")
			.singleResult();
		this.management.executeJob(apologyTimer.getId());
		Task draft = this.tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_IssueApology").singleResult();
		String newDate = java.time.LocalDateTime.ofInstant(this.victim.due().toInstant(), vn.motcua.intake.Timeliness.ZONE)
			.plusDays(7).withHour(16).withMinute(0).toString();
		HttpResponse<String> drafted = post(VICTIM, "/engine-rest/task/" + draft.getId() + "/complete", """
				{"variables": {"apologyReason": {"value": "Chờ xác minh thông tin"}, "newAppointment": {"value": "%s"}}}"""
			.formatted(newDate));
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(204);
		Task approval = this.tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey("Task_ApproveApology").singleResult();
		String approve = "{\"variables\": {\"apologyDecision\": {\"value\": \"approve\"}}}";
		HttpResponse<String> byOfficer = post(VICTIM, "/engine-rest/task/" + approval.getId() + "/complete", approve);
		assertThat(byOfficer.statusCode()).as(byOfficer.body()).isEqualTo(403);
		HttpResponse<String> forged = post(VICTIM_UNIT + ".supervisor", "/engine-rest/task/" + approval.getId() + "/complete",
				"{\"variables\": {\"apologyDecision\": {\"value\": \"approve\"}, \"newAppointment\": {\"value\": \"2030-01-01T16:00\"}}}");
		assertThat(forged.statusCode()).as("the draft is read-only on the approval").isEqualTo(400);
		assertThat(this.dossiers.get(code).due()).isEqualTo(this.victim.due());
		HttpResponse<String> bySupervisor = post(VICTIM_UNIT + ".supervisor", "/engine-rest/task/" + approval.getId() + "/complete", approve);
		assertThat(bySupervisor.statusCode()).as(bySupervisor.body()).isEqualTo(204);
		assertThat(java.time.LocalDateTime.ofInstant(this.dossiers.get(code).due().toInstant(), vn.motcua.intake.Timeliness.ZONE)
			.toString()).isEqualTo(newDate);
	}

	// --- helpers -------------------------------------------------------------------------------

	/** Receives a birth registration over {@code /engine-rest} as {@code user}. */
	Dossier receive(String user, String extraVariables) throws Exception {
		HttpResponse<String> started = post(user, "/engine-rest/process-definition/key/birth-registration/start",
				"{\"variables\": {" + INTAKE + extraVariables + "}}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String instance = this.json.readTree(started.body()).path("id").asText();
		return this.dossiers.findByProcessInstance(instance).orElseThrow();
	}

	Task step(Dossier dossier) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(dossier.code())
			.taskDefinitionKey(AgencyStepProcess.Elements.HANDLE_STEP)
			.list()
			.get(0);
	}

	/** Completes every step of the dossier (trusted Java API) until the result waits at the desk. */
	Task throughToTheReturn(Dossier dossier) {
		for (int i = 0; i < 10; i++) {
			Task giveBack = this.tasks.createTaskQuery()
				.processInstanceBusinessKey(dossier.code())
				.taskDefinitionKey("Task_ReturnResult")
				.singleResult();
			if (giveBack != null) {
				return giveBack;
			}
			this.tasks.createTaskQuery()
				.processInstanceBusinessKey(dossier.code())
				.taskDefinitionKey(AgencyStepProcess.Elements.HANDLE_STEP)
				.list()
				.forEach(t -> this.tasks.complete(t.getId(),
						Map.of(AgencyStepProcess.STEP_OUTCOME, AgencyStepProcess.DONE)));
			this.runtime.createProcessInstanceQuery()
				.processInstanceBusinessKey(dossier.code())
				.list()
				.forEach(instance -> this.management.createJobQuery()
					.processInstanceId(instance.getId())
					.messages()
					.executable()
					.list()
					.forEach(job -> this.management.executeJob(job.getId())));
		}
		throw new AssertionError("no return task for " + dossier.code());
	}

	List<String> keys(String definitions) throws IOException {
		return this.json.readTree(definitions).findValuesAsText("key");
	}

	String message(HttpResponse<String> response) throws IOException {
		return this.json.readTree(response.body()).path("message").asText();
	}

	String field(HttpResponse<String> response) throws IOException {
		JsonNode body = this.json.readTree(response.body());
		return body.path("field").asText(null);
	}

	HttpResponse<String> get(String user, String path) throws Exception {
		return send(user, HttpRequest.newBuilder(url(path)).GET());
	}

	HttpResponse<String> post(String user, String path, String body) throws Exception {
		return send(user, HttpRequest.newBuilder(url(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> put(String user, String path, String body) throws Exception {
		return send(user, HttpRequest.newBuilder(url(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> delete(String user, String path) throws Exception {
		return send(user, HttpRequest.newBuilder(url(path)).DELETE());
	}

	private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		return this.http.send(request.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** A Tasklist session: the webapps' login, session cookie and CSRF token, as the browser has them. */
	class Tasklist {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(this.cookies).build();

		Tasklist(String user) throws Exception {
			this.client.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
			HttpResponse<String> login = this.client.send(
					HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("X-XSRF-TOKEN", xsrf())
						.POST(HttpRequest.BodyPublishers.ofString(form))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
			// the new session's CSRF token comes with the first request after the login, as in the browser
			get("/task/count");
		}

		HttpResponse<String> get(String enginePath) throws Exception {
			return this.client.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default" + enginePath))
				.header("Accept", "application/json")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String enginePath, String body) throws Exception {
			return this.client.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default" + enginePath))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf())
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> put(String enginePath, String body) throws Exception {
			return this.client.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default" + enginePath))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf())
				.PUT(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private String xsrf() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.reduce((first, last) -> last)
				.orElse("");
		}

	}

}
