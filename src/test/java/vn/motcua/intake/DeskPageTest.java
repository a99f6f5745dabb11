package vn.motcua.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.ProcedureTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk's page of the dossiers it received on a day, its search, and the endpoint Tasklist's
 * script asks for the receipt of a started instance: an official sees only their own desk.
 */
class DeskPageTest extends ProcedureTestBase {

	@Autowired
	MockMvc mvc;

	static RequestPostProcessor officer(String unit) {
		return SecurityMockMvcRequestPostProcessors.user(unit + ".officer")
			.authorities(new SimpleGrantedAuthority("ROLE_OFFICER"), new SimpleGrantedAuthority("GROUP_" + unit + "-officers"));
	}

	ProcessInstance receive(String unit, String applicant) {
		Map<String, Object> v = new HashMap<>();
		v.put(DossierVariables.RECEIVING_UNIT, unit);
		v.put(DossierVariables.APPLICANT_NAME, applicant);
		v.put(DossierVariables.APPLICANT_ID_NUMBER, "001190012345");
		v.put(DossierVariables.APPLICANT_PHONE, "0912345678");
		v.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Đông");
		v.put(DossierVariables.CHANNEL, "in-person");
		v.put(DossierVariables.DOCUMENTS, List.of("to-khai-dien-tu", "giay-chung-sinh"));
		v.put(BirthRegistrationProcess.CHILD_NAME, "Bé " + applicant);
		v.put(BirthRegistrationProcess.CHILD_BIRTH_DATE, "2026-02-10");
		v.put(BirthRegistrationProcess.CHILD_SEX, "nu");
		v.put(BirthRegistrationProcess.MOTHER_NAME, applicant);
		v.put(BirthRegistrationProcess.BIRTHPLACE, "Trạm y tế");
		return this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY, v);
	}

	@Test
	void theDeskListsAndSearchesItsDossiersOfTheDayWithTheirReceipts() throws Exception {
		clock(BEFORE_TET.plusHours(2));
		String first = codeOf(receive("xa-an-binh", "Vũ Thị Ngọc Ánh"));
		String second = codeOf(receive("xa-an-binh", "Hoàng Văn Bảo"));
		String elsewhere = codeOf(receive("xa-hoa-phu", "Vũ Thị Ngọc Ánh"));
		String page = this.mvc.perform(get("/desk").with(officer("xa-an-binh")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Hồ sơ tiếp nhận — UBND xã An Bình", "Hôm nay đã tiếp nhận", first, second,
				"Vũ Thị Ngọc Ánh", "Hoàng Văn Bảo", "/dossiers/" + first + "/receipt", "Xem phiếu tiếp nhận")
			.doesNotContain(elsewhere);
		String byName = this.mvc.perform(get("/desk").param("q", "ngọc ánh").with(officer("xa-an-binh")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(byName).contains(first).doesNotContain(second, elsewhere);
		String byCode = this.mvc.perform(get("/desk").param("q", second.substring(second.length() - 11).toLowerCase())
			.with(officer("xa-an-binh"))).andReturn().getResponse().getContentAsString();
		assertThat(byCode).contains(second).doesNotContain(first);
		String otherDay = this.mvc.perform(get("/desk").param("day", "2026-02-12").with(officer("xa-an-binh")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(otherDay).contains("Ngày 12/02/2026").doesNotContain(first, second);
	}

	@Test
	void anotherUnitIsRefused() throws Exception {
		clock(BEFORE_TET.plusHours(3));
		ProcessInstance instance = receive("xa-an-binh", "Trịnh Văn Cường");
		String code = codeOf(instance);
		String refused = this.mvc.perform(get("/desk").param("unit", "xa-an-binh").with(officer("xa-hoa-phu")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("bạn không thuộc bộ phận tiếp nhận của UBND xã An Bình").doesNotContain(code);
		this.mvc.perform(get("/desk").param("unit", "khong-co").with(officer("xa-an-binh"))).andExpect(status().isNotFound());
		// the commune police is no desk
		this.mvc.perform(get("/desk").with(officer("ca-xa-an-binh"))).andExpect(status().isForbidden());
		// ...and is not offered the desk page, which the commune's desk is
		assertThat(this.mvc.perform(get("/").with(officer("ca-xa-an-binh"))).andReturn().getResponse().getContentAsString())
			.doesNotContain("href=\"/desk\"")
			.contains("/camunda/app/tasklist/");
		assertThat(this.mvc.perform(get("/").with(officer("xa-an-binh"))).andReturn().getResponse().getContentAsString())
			.contains("href=\"/desk\"");
		this.mvc.perform(get("/desk").param("q", "x".repeat(101)).with(officer("xa-an-binh")))
			.andExpect(status().isBadRequest());
		int anonymous = this.mvc.perform(get("/desk")).andReturn().getResponse().getStatus();
		assertThat(anonymous).isIn(302, 401);

		// the receipt link of a started instance: only for the receiving desk
		this.mvc.perform(get("/api/desk/process-instances/" + instance.getId()).with(officer("xa-an-binh")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.receipt").value("/dossiers/" + code + "/receipt"))
			.andExpect(jsonPath("$.message").value("Đã tiếp nhận hồ sơ " + code + "."))
			.andExpect(jsonPath("$.link").value("Xem phiếu tiếp nhận"));
		this.mvc.perform(get("/api/desk/process-instances/" + instance.getId()).with(officer("xa-hoa-phu")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(
					"Không tìm thấy hồ sơ của phiên quy trình này trong các bộ phận tiếp nhận của bạn."));
		this.mvc.perform(get("/api/desk/process-instances/" + instance.getId())).andExpect(status().isUnauthorized());
	}

}
