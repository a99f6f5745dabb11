package vn.motcua.procedure;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.motcua.documents.PdfText;
import vn.motcua.intake.DossierStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk's paths of issue 14 over HTTP: the stop at the applicant's request and its notice (form 05),
 * the apology drafted over the API, approved by the head of the agency, and its letter (form 04);
 * the PDFs parsed back. Also a stop racing another official's completion of the step.
 */
class StopAndApologyDocumentsTest extends ProcedureTestBase {

	static final String DESK = "xa-an-binh";

	static final String OFFICER = DESK + ".officer";

	static final String OTHER_DESK_OFFICER = "xa-hoa-phu.officer";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEventMulticaster multicaster;

	String receive() throws Exception {
		return receive("2026-02-10");
	}

	String receive(String childBirthDate) throws Exception {
		String json = this.mvc.perform(post("/api/dossiers").with(httpBasic(OFFICER, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"procedureKey": "birth-registration",
					 "applicant": {"name": "Nguyễn Thị Lan", "idNumber": "001190012345", "phone": "0912345678",
					               "email": "lan@example.vn", "address": "Thôn Đông, xã An Bình"},
					 "channel": "in-person", "documents": ["to-khai-dien-tu", "giay-chung-sinh"],
					 "data": {"childName": "Trần Minh An", "childBirthDate": "%s", "childSex": "nam",
					          "birthplace": "Trạm y tế xã An Bình", "motherName": "Nguyễn Thị Lan"}}""".formatted(childBirthDate)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.code");
	}

	MvcResult stop(String user, String code, String body) throws Exception {
		return this.mvc.perform(post("/api/dossiers/" + code + "/stop").with(httpBasic(user, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	String name(String userId) {
		User user = this.engine.getIdentityService().createUserQuery().userId(userId).singleResult();
		return (user.getFirstName() + " " + user.getLastName()).trim();
	}

	@Test
	void theDeskStopsADossierAndPrintsTheStopNoticeForm05() throws Exception {
		clock(BEFORE_TET);
		String code = receive();
		String request = "{\"requestedOn\": \"2026-02-13\", \"reason\": \"Gia đình xin rút hồ sơ để nộp tại nơi cư trú mới\"}";

		this.mvc.perform(post("/api/dossiers/" + code + "/stop").with(httpBasic(OTHER_DESK_OFFICER, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(containsString("Chỉ cán bộ bộ phận tiếp nhận")));
		this.mvc.perform(post("/api/dossiers/" + code + "/stop").with(httpBasic(OFFICER, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"requestedOn\": \"2026-02-13\", \"reason\": \" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.reason").value(containsString("lý do")));
		this.mvc.perform(post("/api/dossiers/" + code + "/stop").with(httpBasic(OFFICER, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"requestedOn\": \"mai\", \"reason\": \"Xin rút\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.requestedOn").exists());
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.IN_PROGRESS);

		clock(BEFORE_TET.plusHours(1));
		this.mvc.perform(post("/api/dossiers/" + code + "/stop").with(httpBasic(OFFICER, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("STOPPED"))
			.andExpect(jsonPath("$.notice").value("/dossiers/" + code + "/documents/stop-notice"));
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.STOPPED);
		this.mvc.perform(post("/api/dossiers/" + code + "/stop").with(httpBasic(OFFICER, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(containsString("đã dừng giải quyết")));

		this.mvc.perform(get("/api/dossiers/" + code).with(httpBasic(OFFICER, "demo")))
			.andExpect(jsonPath("$.status").value("STOPPED"))
			.andExpect(jsonPath("$.stop.requestedOn").value("2026-02-13"))
			.andExpect(jsonPath("$.stop.stoppedBy").value(OFFICER));
		// the desk and the notice show it
		this.mvc.perform(get("/desk").param("day", "2026-02-13").with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dừng giải quyết")));
		this.mvc.perform(get("/dossiers/" + code + "/documents/stop-notice").with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ")))
			.andExpect(content().string(containsString("stop-notice.pdf?signed=true")))
			.andExpect(content().string(containsString("Gia đình xin rút hồ sơ")));
		this.mvc.perform(get("/dossiers/" + code + "/documents/stop-notice.pdf").with(httpBasic(OTHER_DESK_OFFICER, "demo")))
			.andExpect(status().isNotFound());
		byte[] pdf = this.mvc.perform(get("/dossiers/" + code + "/documents/stop-notice.pdf").param("signed", "true")
			.with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		PdfText text = kept("stop-notice-" + code, pdf);
		assertThat(text.pages()).isEqualTo(1);
		assertThat(text.onOneLine(code)).isTrue();
		assertFrame(text, "05", "Thông tư số 03/2025/TT-VPCP", "UBND XÃ AN BÌNH", "An Bình, ngày 13 tháng 02 năm 2026");
		assertThat(text.flat()).contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Nguyễn Thị Lan", "Ngày người nộp đề nghị dừng 13/02/2026",
				"Gia đình xin rút hồ sơ để nộp tại nơi cư trú mới", "Thời điểm dừng giải quyết 10 giờ 00 phút, ngày 13/02/2026", "Thời gian hẹn trả kết quả 09 giờ 00 phút, ngày 25/02/2026",
				name(OFFICER));
	}

	@Test
	void theDeskStopsFromItsPageForm() throws Exception {
		clock(BEFORE_TET);
		String code = receive();
		this.mvc.perform(get("/desk").param("day", "2026-02-13").with(httpBasic(OFFICER, "demo")))
			.andExpect(content().string(containsString("/dossiers/" + code + "/stop")));
		this.mvc.perform(get("/dossiers/" + code + "/stop").with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(containsString("value=\"2026-02-13\"")));
		this.mvc.perform(post("/dossiers/" + code + "/stop").with(httpBasic(OTHER_DESK_OFFICER, "demo"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("requestedOn", "2026-02-13").param("reason", "Xin rút hồ sơ"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/dossiers/" + code + "/stop").with(httpBasic(OFFICER, "demo"))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("requestedOn", "2026-02-13").param("reason", "Xin rút hồ sơ"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
				.redirectedUrl("/dossiers/" + code + "/documents/stop-notice"));
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.STOPPED);
		this.mvc.perform(get("/desk").param("day", "2026-02-13").with(httpBasic(OFFICER, "demo")))
			.andExpect(content().string(containsString("/dossiers/" + code + "/documents/stop-notice")));
	}

	@Test
	void anApologyDraftedOverTheApiMovesTheAppointmentOnlyOnceApprovedAndPrintsForm04() throws Exception {
		clock(BEFORE_TET);
		String code = receive();
		var due = this.dossiers.get(code).due();
		clock(LocalDateTime.of(2026, 2, 23, 9, 0));
		this.mvc.perform(post("/api/dossiers/" + code + "/apology").with(httpBasic(OFFICER, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"Chờ xác minh thông tin nơi sinh của trẻ\", \"newAppointment\": \"2026-03-02T16:00\"}"))
			.andExpect(status().isAccepted());
		assertThat(this.dossiers.get(code).due()).as("not before approval").isEqualTo(due);
		this.mvc.perform(get("/dossiers/" + code + "/documents/apology").with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isNotFound());
		Task approval = task(code, ProcedureElements.APPROVE_APOLOGY, DESK + "-supervisors");
		var identity = this.engine.getIdentityService();
		identity.setAuthentication(OFFICER, List.of(DESK + "-officers"));
		try {
			assertThatThrownBy(() -> this.tasks.complete(approval.getId(), Map.of(DossierVariables.APOLOGY_DECISION, "approve")))
				.isInstanceOf(AuthorizationException.class);
		}
		finally {
			identity.clearAuthentication();
		}
		clock(LocalDateTime.of(2026, 2, 23, 14, 0));
		identity.setAuthentication(DESK + ".supervisor", List.of(DESK + "-supervisors", DESK + "-officers"));
		try {
			this.tasks.complete(approval.getId(), Map.of(DossierVariables.APOLOGY_DECISION, "approve"));
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(local(this.dossiers.get(code).due())).isEqualTo(LocalDateTime.of(2026, 3, 2, 16, 0));
		this.mvc.perform(post("/api/dossiers/" + code + "/apology").with(httpBasic(OFFICER, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"Lần hai\", \"newAppointment\": \"2026-03-09T16:00\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(containsString("chỉ được hẹn lại một lần")));
		assertThat(local(this.dossiers.get(code).due())).isEqualTo(LocalDateTime.of(2026, 3, 2, 16, 0));

		byte[] pdf = this.mvc.perform(get("/dossiers/" + code + "/documents/apology.pdf").with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		PdfText text = kept("apology-" + code, pdf);
		assertThat(text.pages()).isEqualTo(1);
		assertThat(text.onOneLine(code)).isTrue();
		assertFrame(text, "04", "Thông tư số 03/2025/TT-VPCP", "UBND XÃ AN BÌNH", "An Bình, ngày 23 tháng 02 năm 2026");
		assertThat(text.onOneLine("16 giờ 00 phút, ngày 02/03/2026")).isTrue();
		assertThat(text.flat()).contains("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "đề nghị gia hạn thời gian giải quyết",
				"Ngày tiếp nhận hồ sơ 09 giờ 00 phút, ngày 13/02/2026", "Thời hạn trả kết quả 09 giờ 00 phút, ngày 25/02/2026",
				"Lý do chậm trễ Chờ xác minh thông tin nơi sinh của trẻ", "xin lỗi ông/bà Nguyễn Thị Lan",
				"Thời gian hẹn trả kết quả mới 16 giờ 00 phút, ngày 02/03/2026",
				"THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", name(DESK + ".supervisor"));
		assertThat(text.flat()).doesNotContain("01/2018");
		this.mvc.perform(get("/dossiers/" + code + "/documents/apology").with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("apology.pdf?signed=true")))
			.andExpect(content().string(containsString("Văn bản của hồ sơ")));
	}

	/** Keeps a PDF for a look (target/official-documents/<name>.pdf) and parses it. */
	static PdfText kept(String name, byte[] pdf) throws java.io.IOException {
		java.nio.file.Path dir = java.nio.file.Path.of("target", "official-documents");
		java.nio.file.Files.createDirectories(dir);
		java.nio.file.Files.write(dir.resolve(name + ".pdf"), pdf);
		return PdfText.of(pdf);
	}

	/** The official frame: form number and circular, agency heading (parent above unit), national heading, place and date. */
	static void assertFrame(PdfText text, String number, String circular, String unit, String placeDate) {
		assertThat(text.flat()).contains("Mẫu số " + number + " (Ban hành kèm theo " + circular, "UBND HUYỆN BẮC SƠN",
				unit, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", placeDate);
		assertThat(text.flat().indexOf("UBND HUYỆN BẮC SƠN")).as("parent above the unit")
			.isLessThan(text.flat().indexOf(unit));
		assertThat(text.onOneLine(placeDate)).isTrue();
	}

	/**
	 * A dossier received before 1/7/2025: its apology is form 04 of Circular 01/2018 ("Phiếu xin lỗi
	 * và hẹn lại ngày trả kết quả"); its stop notice is form 05 of Circular 03/2025, which Circular
	 * 01/2018 does not have.
	 */
	@Test
	void aDossierReceivedBeforeJuly2025GetsThe2018ApologyAndThe2025StopNotice() throws Exception {
		clock(LocalDateTime.of(2025, 6, 30, 9, 0));
		String code = receive("2025-06-25");
		clock(LocalDateTime.of(2025, 7, 1, 9, 0));
		this.mvc.perform(post("/api/dossiers/" + code + "/apology").with(httpBasic(OFFICER, "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"Chờ xác minh thông tin nơi sinh của trẻ\", \"newAppointment\": \"2025-07-10T16:00\"}"))
			.andExpect(status().isAccepted());
		Task approval = task(code, ProcedureElements.APPROVE_APOLOGY, DESK + "-supervisors");
		var identity = this.engine.getIdentityService();
		identity.setAuthentication(DESK + ".supervisor", List.of(DESK + "-supervisors", DESK + "-officers"));
		try {
			this.tasks.complete(approval.getId(), Map.of(DossierVariables.APOLOGY_DECISION, "approve"));
		}
		finally {
			identity.clearAuthentication();
		}
		PdfText apology = kept("apology-2018-" + code, this.mvc.perform(get("/dossiers/" + code + "/documents/apology.pdf")
			.with(httpBasic(OFFICER, "demo"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(apology.pages()).isEqualTo(1);
		assertFrame(apology, "04", "Thông tư số 01/2018/TT-VPCP", "UBND XÃ AN BÌNH", "An Bình, ngày 01 tháng 07 năm 2025");
		assertThat(apology.flat()).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "hẹn lại ngày trả kết quả như trên",
				name(DESK + ".supervisor")).doesNotContain("03/2025", "ĐỀ NGHỊ GIA HẠN");

		clock(LocalDateTime.of(2025, 7, 2, 10, 0));
		stop(OFFICER, code, "{\"requestedOn\": \"2025-07-02\", \"reason\": \"Xin rút hồ sơ\"}");
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.STOPPED);
		PdfText notice = kept("stop-notice-2018-" + code, this.mvc.perform(get("/dossiers/" + code + "/documents/stop-notice.pdf")
			.with(httpBasic(OFFICER, "demo"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(notice.pages()).isEqualTo(1);
		assertFrame(notice, "05", "Thông tư số 03/2025/TT-VPCP", "UBND XÃ AN BÌNH", "An Bình, ngày 02 tháng 07 năm 2025");
		assertThat(notice.flat()).contains("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Xin rút hồ sơ", name(OFFICER));
	}

	/**
	 * The desk stops the dossier while the official of the step completes it: both have read the
	 * step's task (held at a barrier on its complete and delete events) before either writes. The
	 * stop answers 201 or 409, never a server error; the dossier ends in one consistent state.
	 */
	@Test
	void aStopRacingTheStepsCompletionAnswersCreatedOrConflict() throws Exception {
		clock(BEFORE_TET);
		String code = receive();
		Task check = this.tasks.createTaskQuery().processInstanceBusinessKey(code)
			.taskDefinitionKey(AgencyStepProcess.Elements.HANDLE_STEP).singleResult();
		CyclicBarrier barrier = new CyclicBarrier(2);
		ApplicationListener<PayloadApplicationEvent<?>> hold = event -> {
			if (event.getPayload() instanceof DelegateTask task && check.getId().equals(task.getId())
					&& ("complete".equals(task.getEventName()) || "delete".equals(task.getEventName()))) {
				try {
					barrier.await(10, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					// the other side did not come: go on alone
				}
			}
		};
		this.multicaster.addApplicationListener(hold);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Throwable> completion = pool.submit(() -> {
				try {
					this.tasks.complete(check.getId(), Map.of(AgencyStepProcess.STEP_OUTCOME, AgencyStepProcess.DONE));
					return null;
				}
				catch (Throwable ex) {
					return ex;
				}
			});
			Future<MvcResult> stopped = pool.submit(() -> stop(OFFICER, code,
					"{\"requestedOn\": \"2026-02-13\", \"reason\": \"Xin rút hồ sơ\"}"));
			int status = stopped.get(60, TimeUnit.SECONDS).getResponse().getStatus();
			Throwable completed = completion.get(60, TimeUnit.SECONDS);
			assertThat(status).as(stopped.get().getResponse().getContentAsString()).isIn(201, 409);
			List<String> outcome = new ArrayList<>();
			outcome.add("stop " + status);
			outcome.add("completion " + (completed == null ? "ok" : completed.getClass().getSimpleName()));
			if (status == 409) {
				assertThat(completed).as("the completion won").isNull();
				assertThat(stopped.get().getResponse().getContentAsString()).contains("\"status\":409");
				assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.IN_PROGRESS);
				assertThat(this.stops.find(code)).as("nothing stored").isEmpty();
			}
			else {
				assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.STOPPED);
				assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
			}
			System.out.println("race: " + outcome);
		}
		finally {
			this.multicaster.removeApplicationListener(hold);
			pool.shutdownNow();
		}
	}

}
