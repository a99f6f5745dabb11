package vn.motcua.portal;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.procedure.ProcedureTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A citizen follows a dossier by its code and the lookup secret of the receipt, anonymously, and
 * sees no personal data.
 */
class CitizenLookupTest extends ProcedureTestBase {

	@Autowired
	MockMvc mvc;

	/** Receives a dossier; answers its code and lookup secret. */
	String[] receive() throws Exception {
		String body = """
				{"procedureKey": "birth-registration",
				 "applicant": {"name": "Nguyễn Thị Lan", "idNumber": "001190012345", "phone": "0912345678",
				               "address": "Thôn Đông, xã An Bình"},
				 "channel": "in-person", "documents": ["to-khai-dien-tu", "giay-chung-sinh"],
				 "data": {"childName": "Trần Minh An", "childBirthDate": "2026-02-10", "childSex": "nam",
				          "birthplace": "Trạm y tế xã An Bình", "motherName": "Nguyễn Thị Lan"}}""";
		String json = this.mvc
			.perform(post("/api/dossiers").with(httpBasic("xa-an-binh.officer", "demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new String[] { JsonPath.read(json, "$.code"), JsonPath.read(json, "$.lookupSecret") };
	}

	@Test
	void anyoneFollowsADossierByItsCodeAndSecretWithoutSeeingPersonalData() throws Exception {
		clock(BEFORE_TET);
		String[] received = receive();
		String code = received[0];
		String secret = received[1];
		this.mvc.perform(get("/tra-cuu").param("code", " " + code + " ").param("secret", " " + secret.toLowerCase()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hồ sơ " + code)))
			.andExpect(content().string(containsString("Liên thông: đăng ký khai sinh")))
			.andExpect(content().string(containsString("Nguyễn T. L.")))
			.andExpect(content().string(containsString("Đang giải quyết")))
			.andExpect(content().string(containsString("09:00 25/02/2026")))
			.andExpect(content().string(containsString("Kiểm tra tính đầy đủ của hồ sơ")))
			.andExpect(content().string(not(containsString("Nguyễn Thị Lan"))))
			.andExpect(content().string(not(containsString("0912345678"))))
			.andExpect(content().string(not(containsString("001190012345"))))
			.andExpect(content().string(not(containsString(".officer"))));
		this.mvc.perform(get("/api/public/dossiers/" + code).param("secret", secret))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.appointment").value("2026-02-25T09:00:00"))
			.andExpect(jsonPath("$.currentSteps[0].unit").exists());
	}

	@Test
	void theCodeAloneRevealsNothing() throws Exception {
		clock(BEFORE_TET);
		String code = receive()[0];
		this.mvc.perform(get("/tra-cuu").param("code", code))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Vui lòng nhập mã tra cứu")))
			.andExpect(content().string(not(containsString("Liên thông: đăng ký khai sinh"))));
		this.mvc.perform(get("/api/public/dossiers/" + code).param("secret", "ABCDE-FGHJK"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value(containsString("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu")))
			.andExpect(jsonPath("$.status").doesNotExist());
	}

	@Test
	void unknownAndMalformedCodesGetAClearMessage() throws Exception {
		this.mvc.perform(get("/tra-cuu").param("code", "000.31.31.H99-991231-9999").param("secret", "ABCDE-FGHJK"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập")));
		this.mvc.perform(get("/tra-cuu").param("code", "'; drop table dossier; --"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("không đúng định dạng")));
		this.mvc.perform(get("/api/public/dossiers/000.31.31.H99-991231-9999").param("secret", "ABCDE-FGHJK"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value(containsString("Không tìm thấy")));
		this.mvc.perform(get("/api/public/dossiers/abc")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/tra-cuu")).andExpect(status().isOk());
	}

	@Test
	void namesAreMaskedToInitials() {
		assertThat(DossierStatusView.mask("Nguyễn Thị Lan")).isEqualTo("Nguyễn T. L.");
		assertThat(DossierStatusView.mask("  Ê Đê  ")).isEqualTo("Ê Đ.");
		assertThat(DossierStatusView.mask(null)).isEmpty();
	}

}
