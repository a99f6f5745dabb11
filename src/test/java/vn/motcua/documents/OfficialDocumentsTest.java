package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.LogbookNumbers;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.ConstructionPermitProcess;
import vn.motcua.procedure.DeathRegistrationProcess;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.LandUseRightTransferProcess;
import vn.motcua.procedure.ProcedureElements;
import vn.motcua.procedure.ProcedureTestBase;

/**
 * Forms 01–03 of real dossiers of the four procedures on the happy, supplement and refusal paths:
 * each print page and A4 PDF (parsed back), checked against the dossier.
 */
class OfficialDocumentsTest extends ProcedureTestBase {

	static final String COMMUNE = "xa-an-binh";

	static final String OFFICER = COMMUNE + ".officer";

	static final String OFFICER_NAME = "Cán bộ UBND xã An Bình";

	/** An official of another commune, who never handled these dossiers. */
	static final String STRANGER = "xa-hoa-phu.officer";

	static final Pattern TIME = Pattern.compile("\\d{2} giờ \\d{2} phút, ngày \\d{2}/\\d{2}/\\d{4}");

	@Autowired
	MockMvc mvc;

	@Autowired
	LogbookNumbers logbook;

	@Autowired
	DocumentFormat format;

	/** A document as the receipt must list it. */
	record Expected(String label, String form, int quantity) {
	}

	enum Procedure {

		BIRTH(BirthRegistrationProcess.KEY, "Nguyễn Thị Lan",
				List.of(new Expected("Giấy chứng sinh (hoặc giấy tờ thay thế)", "bản chính", 1),
						new Expected("Giấy tờ tùy thân của người đi đăng ký", "bản chụp", 1),
						new Expected("Giấy chứng nhận kết hôn của cha, mẹ (nếu có)", "bản sao", 1))),
		CONSTRUCTION(ConstructionPermitProcess.KEY, "Lê Văn Hùng",
				List.of(new Expected("Đơn đề nghị cấp giấy phép xây dựng", "bản chính", 1),
						new Expected("Bản sao giấy tờ chứng minh quyền sử dụng đất", "bản sao có chứng thực", 1),
						new Expected("Hai bộ bản vẽ thiết kế xây dựng", "bản chính", 2))),
		DEATH(DeathRegistrationProcess.KEY, "Trần Văn Bình",
				List.of(new Expected("Tờ khai đăng ký khai tử", "bản chính", 1),
						new Expected("Giấy báo tử hoặc giấy tờ thay giấy báo tử", "bản chính", 1))),
		LAND(LandUseRightTransferProcess.KEY, "Phạm Thị Hoa",
				List.of(new Expected("Hợp đồng chuyển nhượng đã công chứng hoặc chứng thực", "bản chính", 1),
						new Expected("Bản gốc Giấy chứng nhận đã cấp", "bản chính", 1),
						new Expected("Tờ khai thuế thu nhập cá nhân", "bản chính", 2)));

		final String key;

		final String applicant;

		final List<Expected> documents;

		Procedure(String key, String applicant, List<Expected> documents) {
			this.key = key;
			this.applicant = applicant;
			this.documents = documents;
		}

		Map<String, Object> variables(String unit, String childBirthDate) {
			Map<String, Object> v = new HashMap<>();
			v.put(DossierVariables.RECEIVING_UNIT, unit);
			v.put(DossierVariables.APPLICANT_NAME, this.applicant);
			v.put(DossierVariables.APPLICANT_ID_NUMBER, "001190012345");
			v.put(DossierVariables.APPLICANT_PHONE, "0912345678");
			v.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Đông, xã An Bình");
			v.put(DossierVariables.CHANNEL, "in-person");
			switch (this) {
				case BIRTH -> {
					v.put(DossierVariables.DOCUMENTS,
							List.of("giay-chung-sinh", "giay-to-tuy-than", "giay-chung-nhan-ket-hon"));
					v.put(BirthRegistrationProcess.CHILD_NAME, "Trần Minh An");
					v.put(BirthRegistrationProcess.CHILD_BIRTH_DATE, childBirthDate);
					v.put(BirthRegistrationProcess.CHILD_SEX, "nam");
					v.put(BirthRegistrationProcess.MOTHER_NAME, this.applicant);
					v.put(BirthRegistrationProcess.BIRTHPLACE, "Trạm y tế xã An Bình");
				}
				case CONSTRUCTION -> {
					v.put(DossierVariables.DOCUMENTS, List.of("application-form", "land-right-document", "design-drawings"));
					v.put(ConstructionPermitProcess.CONSTRUCTION_ADDRESS, "Thửa 120, tờ 7, xã An Bình");
					v.put(ConstructionPermitProcess.PARCEL_NUMBER, "120");
					v.put(ConstructionPermitProcess.MAP_SHEET_NUMBER, "7");
					v.put(ConstructionPermitProcess.FLOOR_COUNT, 3);
					v.put(ConstructionPermitProcess.LAND_CERTIFICATE_SERIAL, "CS 012345");
					v.put(ConstructionPermitProcess.BUILDING_FOOTPRINT, 80);
					v.put(ConstructionPermitProcess.TOTAL_FLOOR_AREA, 240);
					v.put(ConstructionPermitProcess.BUILDING_HEIGHT, 11.5);
				}
				case DEATH -> {
					v.put(DossierVariables.DOCUMENTS, List.of("death-declaration", "death-notice"));
					v.put(DeathRegistrationProcess.RELATIONSHIP_TO_DECEASED, "con");
					v.put(DeathRegistrationProcess.DECEASED_NAME, "Trần Văn Hải");
					v.put(DeathRegistrationProcess.DECEASED_ID_NUMBER, "001045009876");
					v.put(DeathRegistrationProcess.DECEASED_BIRTH_DATE, "1945-03-02");
					v.put(DeathRegistrationProcess.DEATH_DATE, "2026-02-11");
					v.put(DeathRegistrationProcess.DEATH_PLACE, "Trạm y tế xã");
					v.put(DeathRegistrationProcess.DEATH_CAUSE, "Tuổi già");
					v.put(DeathRegistrationProcess.DEATH_NOTICE_NUMBER, "GBT-12/2026");
					v.put(DeathRegistrationProcess.REQUEST_RESIDENCE_REMOVAL, true);
					v.put(DeathRegistrationProcess.REQUEST_FUNERAL_ALLOWANCE, false);
					v.put(DeathRegistrationProcess.REQUEST_FUNERAL_SUPPORT, false);
				}
				case LAND -> {
					v.put(DossierVariables.DOCUMENTS,
							List.of("transfer-contract", "original-certificate", "income-tax-declaration"));
					v.put(LandUseRightTransferProcess.PARCEL_NUMBER, "45");
					v.put(LandUseRightTransferProcess.MAP_SHEET_NUMBER, "12");
					v.put(LandUseRightTransferProcess.LAND_ADDRESS, "Thửa 45, tờ 12, xã An Bình");
					v.put(LandUseRightTransferProcess.LAND_AREA, 120);
					v.put(LandUseRightTransferProcess.CERTIFICATE_SERIAL, "CH 654321");
					v.put(LandUseRightTransferProcess.TRANSFEROR_NAME, this.applicant);
					v.put(LandUseRightTransferProcess.TRANSFEROR_ID_NUMBER, "001190012345");
					v.put(LandUseRightTransferProcess.TRANSFEREE_NAME, "Đỗ Văn Nam");
					v.put(LandUseRightTransferProcess.TRANSFEREE_ID_NUMBER, "001088011122");
					v.put(LandUseRightTransferProcess.CONTRACT_NUMBER, "1234/2026/CN");
					v.put(LandUseRightTransferProcess.CONTRACT_DATE, "2026-02-10");
					v.put(LandUseRightTransferProcess.TRANSFER_PRICE, 1_500_000_000L);
				}
			}
			return v;
		}

	}

	/** Received at the desk by its officer (whose name the receipt prints). */
	ProcessInstance receive(Procedure procedure, String unit, LocalDateTime at) {
		clock(at);
		this.engine.getIdentityService().setAuthentication(unit + ".officer", List.of(unit + "-officers"));
		try {
			return this.runtime.startProcessInstanceByKey(procedure.key, procedure.variables(unit, "2026-02-10"));
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
	}

	/** Completes the desk's first step (the completeness check) as the commune's officer. */
	void check(String code, String outcome, Map<String, Object> more) {
		Task task = task(code, AgencyStepProcess.Elements.HANDLE_STEP, COMMUNE + "-officers");
		assertThat(task).as("the completeness check of %s", code).isNotNull();
		this.tasks.claim(task.getId(), OFFICER);
		completeStep(task, outcome, more);
	}

	MockHttpServletResponse fetch(String path, String user) throws Exception {
		return this.mvc.perform(get(path).with(httpBasic(user, "demo"))).andReturn().getResponse();
	}

	String page(String code, String kind) throws Exception {
		MockHttpServletResponse response = fetch("/dossiers/" + code + "/documents/" + kind, OFFICER);
		assertThat(response.getStatus()).as("page %s of %s", kind, code).isEqualTo(200);
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		// what a reader sees: Vietnamese words, names, the dossier code; no account ids, unit codes, blanks
		String visible = html.replaceAll("(?s)<(style|script)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]+>", " ");
		assertThat(visible).doesNotContain("null", OFFICER, COMMUNE, "bhxh-", "ca-xa-", "Download", "Print", "Form No");
		return html;
	}

	byte[] pdfBytes(String path) throws Exception {
		MockHttpServletResponse response = fetch(path, OFFICER);
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/pdf");
		// kept for a look: target/official-documents/<form>-<code>.pdf
		java.nio.file.Path dir = java.nio.file.Path.of("target", "official-documents");
		java.nio.file.Files.createDirectories(dir);
		java.nio.file.Files.write(dir.resolve(path.replaceAll("^/dossiers/([^/]+)/documents/([^.?]+).*$", "$2-$1") + (path.contains("signed=true") ? "-signed" : "") + ".pdf"),
				response.getContentAsByteArray());
		return response.getContentAsByteArray();
	}

	PdfText pdf(String code, String kind) throws Exception {
		return PdfText.of(pdfBytes("/dossiers/" + code + "/documents/" + kind + ".pdf"));
	}

	/** A form that does not apply: the status and a Vietnamese sentence, on the page and the PDF. */
	void notApplicable(String code, String kind, int status, String sentence) throws Exception {
		for (String path : List.of("/dossiers/" + code + "/documents/" + kind, "/dossiers/" + code + "/documents/" + kind + ".pdf")) {
			MockHttpServletResponse response = fetch(path, OFFICER);
			assertThat(response.getStatus()).as(path).isEqualTo(status);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).contains(sentence);
		}
	}

	void forbiddenToStrangers(String code, String kind) throws Exception {
		for (String path : List.of("/dossiers/" + code + "/documents/" + kind, "/dossiers/" + code + "/documents/" + kind + ".pdf")) {
			MockHttpServletResponse response = fetch(path, STRANGER);
			assertThat(response.getStatus()).as(path).isEqualTo(403);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Bạn không có quyền xem văn bản của hồ sơ");
		}
	}

	/** What every form prints: the frame, the dossier's code on one line, no account ids or codes of units. */
	void framed(PdfText pdf, Dossier dossier, String number, String title) {
		String text = pdf.flat();
		assertThat(pdf.pages()).as("one A4 page").isEqualTo(1);
		assertThat(text).contains("Mẫu số " + number, "Thông tư số 03/2025/TT-VPCP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc", title, dossier.applicantName());
		assertThat(pdf.onOneLine(dossier.code())).as("code on one line").isTrue();
		assertThat(text).doesNotContain(OFFICER, COMMUNE + "-", "null", "xa-an-binh");
		// every time and date of the page (found in the folded text) is printed on one line
		assertThat(TIME.matcher(text).results().count()).isPositive();
		TIME.matcher(text).results().forEach(m -> assertThat(pdf.onOneLine(m.group())).as(m.group()).isTrue());
		Pattern.compile("\\d{2}/\\d{2}/\\d{4}").matcher(text).results()
			.forEach(m -> assertThat(pdf.onOneLine(m.group())).as(m.group()).isTrue());
	}

	@ParameterizedTest
	@EnumSource(Procedure.class)
	void happyPathReceiptOnOnePageWithDocumentsLogbookNumberAndQrCode(Procedure procedure) throws Exception {
		String code = codeOf(receive(procedure, COMMUNE, BEFORE_TET));
		clock(BEFORE_TET.plusMinutes(30));
		check(code, AgencyStepProcess.DONE, Map.of());
		Dossier dossier = this.dossiers.get(code);
		int number = this.logbook.number(code).orElseThrow();
		assertThat(number).isEqualTo(expectedLogbookNumber(dossier));

		// the desk prints the PDF first: the lookup secret is issued and its QR code printed
		byte[] bytes = pdfBytes("/dossiers/" + code + "/documents/receipt.pdf");
		PdfText pdf = PdfText.of(bytes);
		framed(pdf, dossier, "01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
		String text = pdf.flat();
		assertThat(text).contains("UBND HUYỆN BẮC SƠN", "UBND XÃ AN BÌNH", "An Bình, ngày 13 tháng 02 năm 2026",
				"Quyển số: 2026, Số thứ tự: " + number, OFFICER_NAME, "NGƯỜI TIẾP NHẬN HỒ SƠ", "NGƯỜI NỘP HỒ SƠ");
		String received = this.format.time(dossier.receivedAt());
		String appointment = this.format.time(dossier.originalDue());
		assertThat(received).isEqualTo("09 giờ 00 phút, ngày 13/02/2026");
		assertThat(pdf.onOneLine(received)).isTrue();
		assertThat(pdf.onOneLine(appointment)).isTrue();
		assertThat(text).doesNotContain("Hẹn lại ngày trả kết quả");
		for (Expected doc : procedure.documents) {
			assertThat(text).contains(doc.form());
		}
		String signatures = pdf.text().substring(pdf.text().indexOf("NGƯỜI NỘP HỒ SƠ"));
		assertThat(signatures).contains(OFFICER_NAME, procedure.applicant);
		var lookup = Pattern.compile("Mã tra cứu: ([A-Z2-9]{5}-[A-Z2-9]{5})").matcher(text);
		assertThat(lookup.find()).as("the lookup secret on the PDF").isTrue();
		assertThat(qrCodeOf(bytes)).contains("/tra-cuu?code=" + code + "&secret=" + lookup.group(1));

		// the page lists each document with its form and quantity, the logbook number, the desk's links
		String html = page(code, "receipt");
		for (Expected doc : procedure.documents) {
			assertThat(html).containsPattern(Pattern.quote("<td>" + doc.label() + "</td>") + "\\s*"
					+ Pattern.quote("<td class=\"f document-form\">" + doc.form() + "</td><td class=\"q document-quantity\">"
							+ String.format("%02d", doc.quantity()) + "</td>"));
		}
		assertThat(html).contains("Số thứ tự: " + number, "/dossiers/" + code + "/documents/receipt.pdf")
			.doesNotContain("Số thứ tự: " + code);
		assertThat(fetch("/dossiers/" + code + "/receipt", OFFICER).getContentAsString(StandardCharsets.UTF_8))
			.contains("Số thứ tự: " + number);

		notApplicable(code, "supplement-request", 409, "không có yêu cầu bổ sung, hoàn thiện nào");
		notApplicable(code, "refusal", 409, "không bị từ chối");
		notApplicable(code, "khong-co-van-ban", 404, "Không có văn bản «khong-co-van-ban»");
		forbiddenToStrangers(code, "receipt");
		assertThat(fetch("/dossiers/" + code + "/receipt", STRANGER).getStatus()).isEqualTo(403);
		// signed=true is answered (unsigned while no signer is configured)
		assertThat(PdfText.of(pdfBytes("/dossiers/" + code + "/documents/receipt.pdf?signed=true")).pages()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(Procedure.class)
	void supplementPathPrintsTheSupplementRequest(Procedure procedure) throws Exception {
		String code = codeOf(receive(procedure, COMMUNE, BEFORE_TET));
		clock(BEFORE_TET.plusMinutes(40));
		check(code, AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Bản chính giấy tờ tùy thân của người nộp hồ sơ"));
		Dossier dossier = this.dossiers.get(code);
		Task bring = task(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT, COMMUNE + "-officers");

		PdfText pdf = pdf(code, "supplement-request");
		framed(pdf, dossier, "02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
		String due = this.format.time(bring.getDueDate());
		assertThat(pdf.flat()).contains("Bản chính giấy tờ tùy thân của người nộp hồ sơ", "Kính gửi: " + procedure.applicant,
				"UBND xã An Bình", due, "09 giờ 40 phút, ngày 13/02/2026", OFFICER_NAME, "NGƯỜI HƯỚNG DẪN",
				dossier.procedureName().substring(0, 20));
		assertThat(pdf.onOneLine(due)).isTrue();
		assertThat(pdf.onOneLine("13/02/2026")).isTrue();
		assertThat(page(code, "supplement-request")).contains("Bản chính giấy tờ tùy thân của người nộp hồ sơ",
				"/dossiers/" + code + "/documents/supplement-request.pdf");
		// the receipt links to it
		assertThat(page(code, "receipt")).contains("/dossiers/" + code + "/documents/supplement-request");

		notApplicable(code, "refusal", 409, "không bị từ chối");
		forbiddenToStrangers(code, "supplement-request");
		MockHttpServletResponse other = fetch("/dossiers/" + code + "/documents/supplement-request?unit=so-xay-dung", OFFICER);
		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(other.getContentAsString(StandardCharsets.UTF_8))
			.contains("Cơ quan «Sở Xây dựng» không yêu cầu bổ sung hồ sơ " + code);
	}

	@ParameterizedTest
	@EnumSource(Procedure.class)
	void refusalPathPrintsTheRefusalWithItsReason(Procedure procedure) throws Exception {
		String code = codeOf(receive(procedure, COMMUNE, BEFORE_TET));
		clock(BEFORE_TET.plusMinutes(50));
		String reason = "Hồ sơ không thuộc thẩm quyền giải quyết của " + "UBND xã An Bình";
		check(code, AgencyStepProcess.REFUSE, Map.of(DossierVariables.REFUSAL_REASON, reason));
		Dossier dossier = this.dossiers.get(code);

		PdfText pdf = pdf(code, "refusal");
		framed(pdf, dossier, "03", "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ");
		assertThat(pdf.flat()).contains(reason, "Kính gửi: " + procedure.applicant, "NGƯỜI TỪ CHỐI", OFFICER_NAME,
				"An Bình, ngày 13 tháng 02 năm 2026", "09 giờ 00 phút, ngày 13/02/2026");
		assertThat(page(code, "refusal")).contains(reason, "/dossiers/" + code + "/documents/refusal.pdf");
		assertThat(page(code, "receipt")).contains("/dossiers/" + code + "/documents/refusal");
		// the desk page of the day links to it
		assertThat(fetch("/desk?day=2026-02-13&q=" + code, OFFICER).getContentAsString(StandardCharsets.UTF_8))
			.contains("href=\"/dossiers/" + code + "/documents/refusal\"", "Phiếu từ chối tiếp nhận, giải quyết hồ sơ");

		notApplicable(code, "supplement-request", 409, "không có yêu cầu bổ sung, hoàn thiện nào");
		forbiddenToStrangers(code, "refusal");
	}

	@Test
	void theLongestReceiptFitsOnOnePageWithItsQrCodeAndBothSignatures() throws Exception {
		Map<String, Object> variables = Procedure.LAND.variables(COMMUNE, "2026-02-10");
		variables.put(DossierVariables.DOCUMENTS, List.of("registration-form", "transfer-contract", "original-certificate",
				"income-tax-declaration", "registration-fee-declaration", "exemption-documents"));
		variables.put(DossierVariables.APPLICANT_EMAIL, "pham.thi.hoa.nguoi.nop.ho.so@example.vn");
		variables.put(DossierVariables.APPLICANT_ADDRESS,
				"Số nhà 123, ngõ 45, đường Nguyễn Văn Cừ, thôn Đông Hạ, xã An Bình, huyện Bắc Sơn, tỉnh Demo");
		clock(BEFORE_TET);
		this.engine.getIdentityService().setAuthentication(OFFICER, List.of(COMMUNE + "-officers"));
		ProcessInstance instance;
		try {
			instance = this.runtime.startProcessInstanceByKey(Procedure.LAND.key, variables);
		}
		finally {
			this.engine.getIdentityService().clearAuthentication();
		}
		String code = codeOf(instance);
		byte[] bytes = pdfBytes("/dossiers/" + code + "/documents/receipt.pdf");
		PdfText pdf = PdfText.of(bytes);
		assertThat(pdf.pages()).isEqualTo(1);
		assertThat(pdf.flat()).contains("Giấy tờ làm căn cứ miễn, giảm nghĩa vụ tài chính (nếu có) bản sao 01",
				"Tờ khai lệ phí trước bạ bản chính 02", "Mã tra cứu:", OFFICER_NAME, "Phạm Thị Hoa");
		assertThat(qrCodeOf(bytes)).contains("code=" + code);
	}

	@Test
	void anUnknownDossierIsAnsweredInVietnamese() throws Exception {
		for (String kind : List.of("receipt", "receipt.pdf", "supplement-request", "refusal.pdf", "khong-co")) {
			MockHttpServletResponse response = fetch("/dossiers/000.00.00.H00-991231-9999/documents/" + kind, OFFICER);
			assertThat(response.getStatus()).as(kind).isEqualTo(404);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Không tìm thấy hồ sơ");
		}
	}

	@Test
	void afterTheApologyTheReceiptKeepsTheFirstAppointmentAndShowsTheNewOne() throws Exception {
		ProcessInstance instance = receive(Procedure.BIRTH, COMMUNE, BEFORE_TET);
		String code = codeOf(instance);
		clock(BEFORE_TET.plusMinutes(30));
		check(code, AgencyStepProcess.DONE, Map.of());
		clock(BEFORE_TET.plusMinutes(60));
		check(code, AgencyStepProcess.DONE, Map.of());
		clock(BEFORE_TET.plusHours(2));
		Task insurance = task(code, AgencyStepProcess.Elements.HANDLE_STEP, "bhxh-bac-son-officers");
		completeStep(insurance, AgencyStepProcess.DONE, Map.of());
		Dossier before = this.dossiers.get(code);
		Job apologyDue = timer(instance.getId(), ProcedureElements.APOLOGY_DUE);
		org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(apologyDue.getDuedate().getTime() + 60_000));
		this.management.executeJob(apologyDue.getId());
		Task apology = task(code, ProcedureElements.ISSUE_APOLOGY, "ca-xa-an-binh-officers");
		this.tasks.complete(apology.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Chờ xác minh thông tin cư trú",
				DossierVariables.NEW_APPOINTMENT, "2026-03-02T16:00"));
		// the draft moves nothing until the supervisors of the unit at fault approve it
		assertThat(this.dossiers.get(code).due()).isEqualTo(before.due());
		Task approval = task(code, ProcedureElements.APPROVE_APOLOGY, "ca-xa-an-binh-supervisors");
		var identity = this.engine.getIdentityService();
		identity.setAuthentication("ca-xa-an-binh.supervisor", List.of("ca-xa-an-binh-supervisors", "ca-xa-an-binh-officers"));
		try {
			this.tasks.complete(approval.getId(), Map.of(DossierVariables.APOLOGY_DECISION, "approve"));
		}
		finally {
			identity.clearAuthentication();
		}
		Dossier after = this.dossiers.get(code);
		assertThat(after.originalDue()).isEqualTo(before.originalDue());

		PdfText pdf = pdf(code, "receipt");
		assertThat(pdf.pages()).isEqualTo(1);
		String original = this.format.time(after.originalDue());
		assertThat(original).isEqualTo("09 giờ 00 phút, ngày 25/02/2026");
		assertThat(pdf.flat()).contains("5. Thời gian trả kết quả giải quyết hồ sơ: " + original,
				"Hẹn lại ngày trả kết quả: 16 giờ 00 phút, ngày 02/03/2026");
		assertThat(pdf.onOneLine("16 giờ 00 phút, ngày 02/03/2026")).isTrue();
		assertThat(page(code, "receipt")).contains("Hẹn lại ngày trả kết quả", "/dossiers/" + code + "/documents/apology");
	}

	@Test
	void aDossierReceivedBeforeJuly2025IsPrintedOnTheFormsOfCircular01Of2018() throws Exception {
		String code = birth(COMMUNE, LocalDateTime.of(2025, 6, 30, 9, 0));
		check(code, AgencyStepProcess.REFUSE, Map.of(DossierVariables.REFUSAL_REASON, "Trẻ đã được đăng ký khai sinh"));
		for (String kind : List.of("receipt", "refusal")) {
			PdfText pdf = pdf(code, kind);
			assertThat(pdf.pages()).isEqualTo(1);
			assertThat(pdf.flat()).contains("Thông tư số 01/2018/TT-VPCP").doesNotContain("03/2025");
		}
		assertThat(pdf(code, "receipt").flat()).contains("Mẫu số 01", "Quyển số: 2025");
		assertThat(pdf(code, "refusal").flat()).contains("Mẫu số 03");
	}

	@Test
	void logbookNumbersCountTheUnitsDossiersOfTheYearInOrderOfReceipt() {
		String unit = "phuong-tan-an";
		String lastOf2025 = birth(unit, LocalDateTime.of(2025, 12, 31, 10, 0));
		String first = birth(unit, LocalDateTime.of(2026, 1, 5, 8, 0));
		String elsewhere = birth("xa-my-loc", LocalDateTime.of(2026, 1, 5, 8, 30));
		String second = birth(unit, LocalDateTime.of(2026, 1, 5, 9, 0));
		int n = this.logbook.number(first).orElseThrow();
		assertThat(n).as("the first of the year at the unit (no other test receives there in January)").isEqualTo(1);
		assertThat(this.logbook.number(second)).hasValue(n + 1);
		assertThat(this.logbook.number(lastOf2025).orElseThrow()).isEqualTo(expectedLogbookNumber(this.dossiers.get(lastOf2025)));
		assertThat(this.logbook.number("000.00.00.H00-991231-9999")).isEmpty();
		assertThat(this.logbook.numbers(List.of(second, lastOf2025, first, elsewhere, "000.00.00.H00-991231-9999")))
			.containsExactly(Map.entry(second, n + 1), Map.entry(lastOf2025, this.logbook.number(lastOf2025).orElseThrow()),
					Map.entry(first, n), Map.entry(elsewhere, this.logbook.number(elsewhere).orElseThrow()));
	}

	@Test
	void dossiersReceivedAtOnceGetConsecutiveNumbersWithoutACounterRow() throws Exception {
		String unit = "xa-my-loc";
		clock(LocalDateTime.of(2026, 3, 2, 8, 0));
		java.util.Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
		int desks = 6;
		var pool = java.util.concurrent.Executors.newFixedThreadPool(desks);
		var start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<String>> received = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < desks; i++) {
				received.add(pool.submit(() -> {
					start.await();
					org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(now);
					return codeOf(this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY,
							Procedure.BIRTH.variables(unit, "2026-02-20")));
				}));
			}
			start.countDown();
			List<String> codes = new java.util.ArrayList<>();
			for (var f : received) {
				codes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			// all received at the same instant: the code breaks the tie, the numbers follow one another
			Map<String, Integer> numbers = this.logbook.numbers(codes);
			List<Integer> sorted = numbers.values().stream().sorted().toList();
			assertThat(sorted).hasSize(desks);
			assertThat(sorted.get(desks - 1) - sorted.get(0)).isEqualTo(desks - 1);
			assertThat(codes.stream().sorted().map(numbers::get).toList()).isEqualTo(sorted);
			codes.forEach(c -> assertThat(this.logbook.number(c)).hasValue(numbers.get(c)));
			assertThat(this.jdbc.sql("select count(*) from dossier where receiving_unit = ? and received_at = ?")
				.params(unit, now)
				.query(Integer.class)
				.single()).isEqualTo(desks);
		}
		finally {
			pool.shutdownNow();
		}
	}

	String birth(String unit, LocalDateTime at) {
		clock(at);
		return codeOf(this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY,
				Procedure.BIRTH.variables(unit, at.toLocalDate().minusDays(5).toString())));
	}

	/** Counted independently: the unit's dossiers of the year (Vietnam time) received before it, plus one. */
	int expectedLogbookNumber(Dossier dossier) {
		int year = LogbookNumbers.year(dossier.receivedAt());
		java.util.Date start = at(LocalDateTime.of(year, 1, 1, 0, 0));
		return 1 + this.jdbc.sql("""
				select count(*) from dossier where receiving_unit = ? and received_at >= ?
				  and (received_at < ? or (received_at = ? and code < ?))""")
			.params(dossier.receivingUnit(), start, dossier.receivedAt(), dossier.receivedAt(), dossier.code())
			.query(Integer.class)
			.single();
	}

	/** Reads the QR code image of the PDF back (zxing). */
	static String qrCodeOf(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var resources = document.getPage(0).getResources();
			for (COSName name : resources.getXObjectNames()) {
				if (resources.getXObject(name) instanceof PDImageXObject image) {
					var picture = image.getImage();
					int[] pixels = picture.getRGB(0, 0, picture.getWidth(), picture.getHeight(), null, 0, picture.getWidth());
					var bitmap = new BinaryBitmap(new HybridBinarizer(
							new RGBLuminanceSource(picture.getWidth(), picture.getHeight(), pixels)));
					return new QRCodeReader()
						.decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
						.getText();
				}
			}
		}
		catch (com.google.zxing.ReaderException ex) {
			throw new AssertionError("the QR code of the PDF does not decode", ex);
		}
		throw new AssertionError("the PDF has no image");
	}

}
