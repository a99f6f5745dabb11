package vn.motcua.portal;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.intake.Timeliness;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.ProcedureTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the citizen lookup adds: the code matched whatever its case and surrounding spaces, the
 * items and the date of a pending supplement, the reason of a refusal; and no staff link for a
 * citizen.
 */
class LookupDetailsTest extends ProcedureTestBase {

	static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	@Autowired
	MockMvc mvc;

	private static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

	/** A citizen's own address (the lookups' allowance is per address; other tests use theirs). */
	private final org.springframework.test.web.servlet.request.RequestPostProcessor citizen = request -> {
		request.setRemoteAddr(this.address);
		return request;
	};

	private final String address = "203.0.113." + (10 + CLIENTS.incrementAndGet());

	String[] receive() throws Exception {
		String body = """
				{"procedureKey": "birth-registration",
				 "applicant": {"name": "Đỗ Thị Hạnh", "idNumber": "001190012345", "phone": "0912345678",
				               "address": "Thôn Đông, xã An Bình"},
				 "channel": "in-person", "documents": ["to-khai-dien-tu", "giay-chung-sinh"],
				 "data": {"childName": "Đỗ Minh Quân", "childBirthDate": "2026-02-10", "childSex": "nam",
				          "birthplace": "Trạm y tế xã An Bình", "motherName": "Đỗ Thị Hạnh"}}""";
		String json = this.mvc
			.perform(post("/api/dossiers").with(httpBasic("xa-an-binh.officer", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new String[] { JsonPath.read(json, "$.code"), JsonPath.read(json, "$.lookupSecret") };
	}

	private Task check(String code) {
		return task(code, AgencyStepProcess.Elements.HANDLE_STEP, "xa-an-binh-officers");
	}

	@Test
	void aCodeTypedInLowerCaseWithSpacesIsFoundOnThePageAndInTheApi() throws Exception {
		clock(BEFORE_TET);
		String[] received = receive();
		String code = received[0];
		String typed = "  " + code.toLowerCase(Locale.ROOT) + "\u00a0 ";
		String page = this.mvc.perform(get("/tra-cuu").param("code", typed).param("secret", received[1]).with(this.citizen))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Hồ sơ " + code, "Đỗ T. H.");
		this.mvc.perform(get("/api/public/dossiers/" + code.toLowerCase(Locale.ROOT) + " ").param("secret", received[1]).with(this.citizen))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(code));
		// a wrong secret still answers like an unknown code
		this.mvc.perform(get("/tra-cuu").param("code", code.toLowerCase(Locale.ROOT)).param("secret", "AAAAA-BBBBB").with(this.citizen))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPendingSupplementShowsWhatToBringAndByWhen() throws Exception {
		clock(BEFORE_TET);
		String[] received = receive();
		String code = received[0];
		clock(BEFORE_TET.plusMinutes(20));
		completeStep(check(code), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Giấy chứng sinh bản chính; bản sao giấy đăng ký kết hôn"));
		Date due = (Date) this.jdbc.sql("select citizen_due from supplement_request where dossier_code = ?")
			.param(code)
			.query()
			.singleValue();
		String shown = SHOWN.format(due.toInstant().atZone(Timeliness.ZONE));
		String page = this.mvc.perform(get("/tra-cuu").param("code", code).param("secret", received[1]).with(this.citizen))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Cần bổ sung hồ sơ", "Giấy chứng sinh bản chính; bản sao giấy đăng ký kết hôn",
				"Hạn nộp bổ sung", shown, "UBND xã An Bình đề nghị bổ sung")
			.doesNotContain("0912345678", "001190012345", ".officer");
		this.mvc.perform(get("/api/public/dossiers/" + code).param("secret", received[1]).with(this.citizen))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WAITING_CITIZEN"))
			.andExpect(jsonPath("$.supplements[0].items").value("Giấy chứng sinh bản chính; bản sao giấy đăng ký kết hôn"))
			.andExpect(jsonPath("$.supplements[0].bringBy").exists())
			.andExpect(jsonPath("$.currentSteps").isEmpty())
			.andExpect(jsonPath("$.refusalReason").doesNotExist());
	}

	@Test
	void aRefusalShowsItsReason() throws Exception {
		clock(BEFORE_TET);
		String[] received = receive();
		String code = received[0];
		completeStep(check(code), AgencyStepProcess.REFUSE,
				Map.of(DossierVariables.REFUSAL_REASON, "Trẻ đã được đăng ký khai sinh tại UBND xã Hòa Phú"));
		String page = this.mvc.perform(get("/tra-cuu").param("code", code).param("secret", received[1]).with(this.citizen))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Đã từ chối giải quyết", "Lý do từ chối",
				"Trẻ đã được đăng ký khai sinh tại UBND xã Hòa Phú");
		this.mvc.perform(get("/api/public/dossiers/" + code).param("secret", received[1]).with(this.citizen))
			.andExpect(jsonPath("$.refusalReason").value("Trẻ đã được đăng ký khai sinh tại UBND xã Hòa Phú"))
			.andExpect(jsonPath("$.supplements").isEmpty());
	}

	@Test
	void aCitizenNeverSeesStaffLinks() throws Exception {
		for (String path : new String[] { "/", "/tra-cuu" }) {
			String page = this.mvc.perform(get(path).with(this.citizen)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
			assertThat(page).as(path)
				.doesNotContain("/camunda/app/tasklist/", "href=\"/audit\"", "href=\"/reports\"", "href=\"/desk\"",
						"href=\"/breaches\"", "href=\"/ky-so/kiem-tra\"");
		}
	}

	/** Every staff account finds the signature check page in the header (docs/signing.md: any staff account may verify). */
	@Test
	void staffSeeTheSignatureCheckInTheHeader() throws Exception {
		for (String account : new String[] { "xa-an-binh.officer", "xa-an-binh.supervisor", "auditor", "designer" }) {
			String page = this.mvc.perform(get("/").with(httpBasic(account, "demo")).with(this.citizen))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(account).contains("href=\"/ky-so/kiem-tra\"", "Kiểm tra chữ ký số");
		}
	}

}
