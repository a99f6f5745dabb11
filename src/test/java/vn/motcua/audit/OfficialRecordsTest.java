package vn.motcua.audit;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.documents.PdfText;
import vn.motcua.intake.LogbookNumbers;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.ProcedureTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The control sheet (form 06), the logbook (form 07) and the timeline of a dossier whose clock stopped
 * for a supplement and restarted: words, not codes, and PDFs that keep codes and dates on one line.
 */
class OfficialRecordsTest extends ProcedureTestBase {

	static final String COMMUNE = "xa-an-binh";

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityService identity;

	@Autowired
	LogbookNumbers logbookNumbers;

	@AfterEach
	void logout() {
		this.identity.clearAuthentication();
	}

	/** Received 13/02 09:00; the civil-status step asks for a supplement at 15:07; back on 24/02; returned. */
	String supplementedDossier() {
		LocalDateTime t = BEFORE_TET;
		clock(t);
		this.identity.setAuthentication(COMMUNE + ".officer", List.of(COMMUNE + "-officers"));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY,
				BirthIntake.at(COMMUNE, "Nguyễn Thị Lan"));
		this.identity.clearAuthentication();
		String code = codeOf(instance);
		handle(code, COMMUNE, t.plusMinutes(30), AgencyStepProcess.DONE, Map.of());
		handle(code, COMMUNE, LocalDateTime.of(2026, 2, 13, 15, 7), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Giấy chứng sinh bản chính"));
		clock(LocalDateTime.of(2026, 2, 24, 14, 0));
		Task supplement = task(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT, COMMUNE + "-officers");
		this.identity.setAuthentication(COMMUNE + ".officer", List.of(COMMUNE + "-officers"));
		this.tasks.claim(supplement.getId(), COMMUNE + ".officer");
		this.tasks.complete(supplement.getId(), Map.of("supplementReceived", true));
		this.identity.clearAuthentication();
		LocalDateTime u = LocalDateTime.of(2026, 2, 24, 15, 0);
		handle(code, COMMUNE, u, AgencyStepProcess.DONE, Map.of());
		handle(code, "ca-xa-an-binh", u.plusHours(1), AgencyStepProcess.DONE, Map.of());
		handle(code, "bhxh-bac-son", u.plusHours(1), AgencyStepProcess.DONE, Map.of());
		clock(LocalDateTime.of(2026, 2, 25, 9, 0));
		Task giveBack = task(code, BirthRegistrationProcess.Elements.RETURN_RESULT, COMMUNE + "-officers");
		this.identity.setAuthentication(COMMUNE + ".officer", List.of(COMMUNE + "-officers"));
		this.tasks.claim(giveBack.getId(), COMMUNE + ".officer");
		this.tasks.complete(giveBack.getId(), Map.of("returnMethod", "in-person", "resultHandedOver", true,
				"recipientName", "Nguyễn Thị Lan"));
		this.identity.clearAuthentication();
		return code;
	}

	private void handle(String code, String unit, LocalDateTime at, String outcome, Map<String, Object> more) {
		clock(at);
		String officer = unit + ".officer";
		Task task = task(code, AgencyStepProcess.Elements.HANDLE_STEP, unit + "-officers");
		assertThat(task).as("step of " + unit).isNotNull();
		this.identity.setAuthentication(officer, List.of(unit + "-officers"));
		this.tasks.claim(task.getId(), officer);
		completeStep(task, outcome, more);
		this.identity.clearAuthentication();
	}

	private String page(String url) throws Exception {
		return this.mvc.perform(get(url).with(AuditScenarioTest.auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private byte[] bytes(String url) throws Exception {
		return this.mvc.perform(get(url).with(AuditScenarioTest.auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	/** The page's text as a reader sees it: no markup, no attributes, no scripts or styles. */
	static String text(String html) {
		return html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
			.replaceAll("<[^>]+>", " ")
			.replace("&nbsp;", " ")
			.replaceAll("\\s+", " ");
	}

	@Test
	void controlSheetHasGiveAndTakeSignaturesAndPauseRowsOnOnePage() throws Exception {
		String code = supplementedDossier();
		byte[] pdf = bytes("/audit/dossiers/" + code + "/control-sheet.pdf");
		PdfText sheet = PdfText.of(pdf);
		assertThat(sheet.pages()).isEqualTo(1);
		assertThat(sheet.flat()).contains("Mẫu số 06", "Thông tư số 03/2025/TT-VPCP",
				"PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Cơ quan, đơn vị chủ trì giải quyết: UBND xã An Bình",
				"Giao: UBND xã An Bình", "Nhận: Công an xã An Bình", "Nhận: Bảo hiểm xã hội huyện Bắc Sơn",
				"Người giao", "Người nhận", "Tạm dừng tính thời gian", "Tính tiếp thời gian",
				"Yêu cầu bổ sung hồ sơ", "Giấy chứng sinh bản chính", "Trước hạn", "Đúng hạn",
				"Bổ sung hồ sơ theo yêu cầu của UBND xã An Bình");
		assertThat(sheet.text().split("\\(ký, ghi rõ họ tên\\)", -1)).hasSize(4 * 2 + 1);
		assertThat(sheet.flat()).doesNotContain("(done)", "EARLY", "ON_TIME", "xa-an-binh", "birth-registration");
		assertThat(sheet.onOneLine(code)).isTrue();
		for (String value : List.of("13/02/2026", "24/02/2026", "09:00", "15:07", "14:00", "16:00")) {
			assertThat(sheet.onOneLine(value)).as(value).isTrue();
		}
		assertThat(sheet.text()).doesNotContain("13/02\n", "24/02\n");
		String html = page("/audit/dossiers/" + code + "/control-sheet");
		assertThat(html).contains("@media print", "Mẫu số 06");
	}

	@Test
	void logbookNamesTheLeadAgencyAndTheDatesOfResultAndSupplement() throws Exception {
		String code = supplementedDossier();
		String html = text(page("/audit/logbook?unit=" + COMMUNE + "&from=2026-02-01&to=2026-02-28"));
		assertThat(html).contains("Mẫu số 07", code, "UBND xã An Bình");
		int number = this.logbookNumbers.number(code).orElseThrow();
		assertThat(html).contains(" " + number + " " + code);
		byte[] pdf = bytes("/audit/logbook.pdf?unit=" + COMMUNE + "&from=2026-02-01&to=2026-02-28");
		PdfText logbook = PdfText.of(pdf);
		assertThat(logbook.pages()).isEqualTo(1);
		assertThat(logbook.onOneLine(code)).isTrue();
		assertThat(logbook.flat()).contains("UBND xã An Bình 13/02/2026 09:00 25/02/2026 09:00")
			.contains("→ 27/02/2026 07:53")
			.contains("24/02/2026 16:00")
			.contains("Yêu cầu bổ sung hồ sơ 13/02/2026 15:07")
			.doesNotContain("Công an xã An Bình");
		String csv = this.mvc
			.perform(get("/audit/logbook.csv?unit=" + COMMUNE + "&from=2026-02-01&to=2026-02-28")
				.with(AuditScenarioTest.auditor()))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("UBND xã An Bình").contains("25/02/2026 09:00").doesNotContain("Công an xã An Bình");
		// opened without a unit, the logbook shows the unit that received the last dossier, not the province
		String opened = text(page("/audit/logbook"));
		assertThat(opened).contains("UBND XÃ AN BÌNH").doesNotContain("UBND TỈNH DEMO");
	}

	@Test
	void timelineSpeaksInWordsNotCodes() throws Exception {
		String code = supplementedDossier();
		String html = text(page("/audit/dossiers/" + code));
		assertThat(html).contains("Tiếp nhận hồ sơ", "Chuyển hồ sơ", "Hoàn thành bước", "Trước hạn", "Đúng hạn",
				"Người xử lý", "Dấu vân tay dữ liệu hồ sơ", "Bổ sung hồ sơ theo yêu cầu của UBND xã An Bình");
		assertThat(html).doesNotContain(" EARLY", " ON_TIME", "(done)", "RECEIPT", "HANDOFF", "STEP_COMPLETED",
				"assignee", "delete", "false", "true", "xa-an-binh", "birth-registration");
		// what the citizen was sent is on the timeline
		assertThat(html).contains("Thông báo gửi công dân", "Tiếp nhận hồ sơ, hẹn trả kết quả");
		// the dossier's documents, linked from its page, open for the auditor
		assertThat(html).contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
		PdfText receipt = PdfText.of(bytes("/dossiers/" + code + "/documents/receipt.pdf"));
		assertThat(receipt.flat()).contains(code);
		String search = text(page("/audit"));
		assertThat(search).contains("Liên thông: đăng ký khai sinh").doesNotContain("birth-registration");
	}

}
