package vn.motcua.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.ProcedureTestBase;

/** {@code POST /api/dossiers}, {@code GET /api/dossiers/{code}} and the apology endpoint. */
class DossierApiTest extends ProcedureTestBase {

	static final String OFFICER = "xa-an-binh.officer";

	@Autowired
	MockMvc mvc;

	static String body(String idNumber, String childName, String document) {
		return """
				{"procedureKey": "birth-registration",
				 "applicant": {"name": "Nguyễn Thị Lan", "idNumber": "%s", "phone": "0912345678",
				               "email": "lan@example.vn", "address": "Thôn Đông, xã An Bình"},
				 "channel": "in-person",
				 "documents": ["to-khai-dien-tu", "%s"],
				 "data": {"childName": %s, "childBirthDate": "2026-02-10", "childSex": "nam",
				          "birthplace": "Trạm y tế xã An Bình", "motherName": "Nguyễn Thị Lan"}}
				""".formatted(idNumber, document, childName == null ? "null" : "\"" + childName + "\"");
	}

	String receive() throws Exception {
		String json = this.mvc
			.perform(post("/api/dossiers").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("001190012345", "Trần Minh An", "giay-chung-sinh")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(json, "$.code");
	}

	@Test
	void receivesADossier() throws Exception {
		clock(BEFORE_TET);
		long before = this.dossiers.count();
		this.mvc
			.perform(post("/api/dossiers").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("001190012345", "Trần Minh An", "giay-chung-sinh")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern("/api/dossiers/000\\.31\\.31\\.H99-260213-\\d{4}")))
			.andExpect(jsonPath("$.code").value(matchesPattern("000\\.31\\.31\\.H99-260213-\\d{4}")))
			.andExpect(jsonPath("$.receivingUnit").value("xa-an-binh"))
			.andExpect(jsonPath("$.appointment").value("2026-02-25T09:00"))
			.andExpect(jsonPath("$.lookupSecret").value(matchesPattern("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}")))
			.andExpect(jsonPath("$.receipt").value(matchesPattern("/dossiers/.+/receipt\\?secret=[A-Z2-9-]{11}")));
		assertThat(this.dossiers.count()).isEqualTo(before + 1);
	}

	@Test
	void invalidDossierIsNotStored() throws Exception {
		long before = this.dossiers.count();
		long instances = this.runtime.createProcessInstanceQuery().processDefinitionKey(BirthRegistrationProcess.KEY).count();
		this.mvc
			.perform(post("/api/dossiers").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("12345", null, "giay-khong-co")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("chưa hợp lệ")))
			.andExpect(jsonPath("$.errors.applicantIdNumber").value(containsString("không đúng định dạng")))
			.andExpect(jsonPath("$.errors.childName").value(containsString("bắt buộc")))
			.andExpect(jsonPath("$.errors.documents").value(containsString("giay-khong-co")));
		assertThat(this.dossiers.count()).isEqualTo(before);
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionKey(BirthRegistrationProcess.KEY).count())
			.isEqualTo(instances);
	}

	@Test
	void unknownProcedure() throws Exception {
		this.mvc
			.perform(post("/api/dossiers").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"procedureKey\": \"khong-co\", \"applicant\": {\"name\": \"A\"}}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value(containsString("khong-co")));
	}

	@Test
	void anonymousCallsAreUnauthorized() throws Exception {
		this.mvc
			.perform(post("/api/dossiers").contentType(MediaType.APPLICATION_JSON)
				.content(body("001190012345", "Trần Minh An", "giay-chung-sinh")))
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/dossiers/X")).andExpect(status().isUnauthorized());
	}

	@Test
	void nonDeskOfficialsCannotReceive() throws Exception {
		this.mvc
			.perform(post("/api/dossiers").with(httpBasic("ca-xa-an-binh.officer", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("001190012345", "Trần Minh An", "giay-chung-sinh")))
			.andExpect(status().isForbidden());
	}

	@Test
	void dossierStatus() throws Exception {
		clock(BEFORE_TET);
		String code = receive();
		this.mvc.perform(get("/api/dossiers/" + code).with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.appointment").value("2026-02-25T09:00"))
			.andExpect(jsonPath("$.handoffs[0].step").value("Kiểm tra tính đầy đủ của hồ sơ"))
			.andExpect(jsonPath("$.handoffs[0].toUnit").value("xa-an-binh"));
		this.mvc.perform(get("/api/dossiers/" + code).with(httpBasic("auditor", "demo"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/dossiers/" + code).with(httpBasic("xa-my-loc.officer", "demo")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/dossiers/000.00.00.H00-991231-9999").with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value("Không tìm thấy hồ sơ có mã '000.00.00.H00-991231-9999'"));
	}

	@Test
	void printableReceipt() throws Exception {
		clock(BEFORE_TET);
		String json = this.mvc
			.perform(post("/api/dossiers").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("001190012345", "Trần Minh An", "giay-chung-sinh")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String code = JsonPath.read(json, "$.code");
		String secret = JsonPath.read(json, "$.lookupSecret");
		this.mvc.perform(get((String) JsonPath.read(json, "$.receipt")).with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mã tra cứu: <strong class=\"secret\">" + secret + "</strong>")))
			.andExpect(content().string(containsString("<svg")))
			.andExpect(content().string(containsString("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")))
			// the procedure name and its code come from the catalogue entry of the model
			.andExpect(content().string(containsString("Liên thông: đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi")))
			.andExpect(content().string(containsString(
					"(mã thủ tục hành chính: <span class=\"procedure-code\">chưa xác định</span>)")))
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString("09 giờ 00 phút, ngày 25/02/2026")))
			.andExpect(content().string(containsString("Giấy chứng sinh (hoặc giấy tờ thay thế)")))
			.andExpect(content().string(containsString("Cán bộ UBND xã An Bình")))
			.andExpect(content().string(not(containsString(">" + OFFICER + "<"))));
		this.mvc.perform(get("/dossiers/" + code + "/receipt").with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(secret))))
			.andExpect(content().string(containsString("Cấp lại mã tra cứu")));
		this.mvc.perform(get("/dossiers/" + code + "/receipt").param("secret", "ABCDE-FGHJK").with(httpBasic(OFFICER, "demo")))
			.andExpect(content().string(not(containsString("ABCDE-FGHJK"))));
		this.mvc.perform(get("/dossiers/" + code + "/receipt").with(httpBasic("auditor", "demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Cấp lại mã tra cứu"))));
		this.mvc.perform(get("/dossiers/000.00.00.H00-991231-9999/receipt").with(httpBasic(OFFICER, "demo")))
			.andExpect(status().isNotFound());
	}

	@Test
	void apologyOnceAndAtLeastOneWorkingDayBefore() throws Exception {
		clock(BEFORE_TET);
		String code = receive();
		// Tuesday 24/02 10:00: less than one working day before the appointment (25/02 09:00)
		clock(LocalDateTime.of(2026, 2, 24, 10, 0));
		this.mvc
			.perform(post("/api/dossiers/" + code + "/apology").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Chờ xác minh\", \"newAppointment\": \"2026-03-02T16:00\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("01 ngày làm việc trước ngày hẹn")));
		clock(LocalDateTime.of(2026, 2, 23, 9, 0));
		this.mvc
			.perform(post("/api/dossiers/" + code + "/apology").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Chờ xác minh\", \"newAppointment\": \"2026-02-24T16:00\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("phải sau ngày hẹn hiện tại")));
		var due = this.dossiers.get(code).due();
		this.mvc
			.perform(post("/api/dossiers/" + code + "/apology").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Chờ xác minh\", \"newAppointment\": \"2026-03-02T16:00\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("pending-approval"))
			.andExpect(jsonPath("$.newAppointment").value("16:00 02/03/2026"));
		this.mvc
			.perform(post("/api/dossiers/" + code + "/apology").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Lần nữa\", \"newAppointment\": \"2026-03-03T16:00\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(containsString("đang chờ thủ trưởng cơ quan duyệt")));
		approveApology(code, "xa-an-binh", due);
		assertThat(local(this.dossiers.get(code).due())).isEqualTo(LocalDateTime.of(2026, 3, 2, 16, 0));
		this.mvc.perform(get("/api/dossiers/" + code).with(httpBasic(OFFICER, "demo")))
			.andExpect(jsonPath("$.originalAppointment").value("2026-02-25T09:00"))
			.andExpect(jsonPath("$.appointment").value("2026-03-02T16:00"))
			.andExpect(jsonPath("$.apology.unitAtFault").value("xa-an-binh"))
			.andExpect(jsonPath("$.apology.newAppointment").value("2026-03-02T16:00"));
		this.mvc
			.perform(post("/api/dossiers/" + code + "/apology").with(httpBasic(OFFICER, "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"Lần hai\", \"newAppointment\": \"2026-03-09T16:00\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(containsString("chỉ được hẹn lại một lần")));
	}

}
