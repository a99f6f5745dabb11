package vn.motcua.rating;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.intake.LookupSecrets;
import vn.motcua.notification.NotificationEvent;
import vn.motcua.notification.NotificationTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A returned dossier is rated once, through the lookup (secret) or the link of the "result ready"
 * message (token); a second rating is refused with 409, bad input with 400 naming the field, a
 * dossier not returned yet with 409; the ratings show in the "Mức độ hài lòng" report.
 */
class SatisfactionRatingTest extends NotificationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	LookupSecrets secrets;

	private static final String FULL = """
			{"secret": "%s", "overall": 5, "access": 4, "procedure": 4, "official": 5, "result": 5, "comment": "Cán bộ tận tình"}""";

	@Test
	void aReturnedDossierIsRatedOnceWithTheLookupSecretAndTheSecondRatingIsRefused() throws Exception {
		String code = returned("rating1@example.vn", "0912345678");
		String secret = this.secrets.issue(code, "test");
		this.mvc.perform(post("/api/public/dossiers/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
			.content(FULL.formatted("WRONG-SECRET"))).andExpect(status().isNotFound());
		this.mvc.perform(post("/api/public/dossiers/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
			.content("{\"secret\": \"" + secret + "\", \"overall\": 6, \"access\": 4, \"procedure\": 4, \"official\": 5, \"result\": 5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Trường «Mức độ hài lòng chung» là bắt buộc, từ 1 đến 5."))
			.andExpect(jsonPath("$.errors.overall").exists());
		this.mvc.perform(post("/api/public/dossiers/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
			.content("{\"secret\": \"" + secret + "\", \"overall\": 4, \"procedure\": 4, \"official\": 5, \"result\": 5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.access").exists());
		assertThat(count(code)).isZero();

		this.mvc.perform(post("/api/public/dossiers/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
			.content(FULL.formatted(secret))).andExpect(status().isCreated());
		this.mvc.perform(post("/api/public/dossiers/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
			.content(FULL.formatted(secret)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ được đánh giá một lần."));
		assertThat(count(code)).isOne();

		String lookup = this.mvc.perform(get("/tra-cuu").param("code", code).param("secret", secret))
			.andReturn().getResponse().getContentAsString();
		assertThat(lookup).contains("/tra-cuu/danh-gia?code=" + code).contains("Đánh giá mức độ hài lòng");
		String page = this.mvc.perform(get("/tra-cuu/danh-gia").param("code", code).param("secret", secret))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Hồ sơ này đã được đánh giá").doesNotContain("id=\"rating-form\"");
	}

	@Test
	void theLinkOfTheResultReadyMessageOpensTheFormAndADossierNotReturnedYetIsNotRated() throws Exception {
		String code = codeOf(receive(BEFORE_TET, "rating2@example.vn", "0912345678"));
		String early = this.secrets.issue(code, "test");
		this.mvc.perform(post("/api/public/dossiers/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
			.content(FULL.formatted(early))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Hồ sơ chưa được trả kết quả; Quý ông/bà đánh giá sau khi nhận kết quả."));

		String returned = returned("rating3@example.vn", "0912345678");
		Matcher link = Pattern.compile("/tra-cuu/danh-gia\\?code=([^&\\s]+)&token=([0-9a-f]{32})")
			.matcher(body(returned, NotificationEvent.RESULT_READY));
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).isEqualTo(returned);
		String token = link.group(2);
		String form = this.mvc.perform(get("/tra-cuu/danh-gia").param("code", returned).param("token", token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("id=\"rating-form\"").contains("Tiếp cận dịch vụ").contains("Sự phục vụ của công chức")
			.contains("Rất hài lòng");
		this.mvc.perform(get("/tra-cuu/danh-gia").param("code", returned).param("token", "0".repeat(32)))
			.andExpect(status().isNotFound());
		// the token opens the rating only, never the lookup
		this.mvc.perform(get("/tra-cuu").param("code", returned).param("secret", token)).andExpect(status().isNotFound());
		this.mvc.perform(post("/tra-cuu/danh-gia").with(csrf()).param("code", returned).param("token", token)
			.param("overall", "2").param("access", "3").param("procedure", "2").param("official", "1")
			.param("result", "3").param("feedback", "2").param("comment", "Phải đi lại nhiều lần"))
			.andExpect(status().isOk());
		this.mvc.perform(post("/tra-cuu/danh-gia").with(csrf()).param("code", returned).param("token", token)
			.param("overall", "5").param("access", "5").param("procedure", "5").param("official", "5").param("result", "5"))
			.andExpect(status().isConflict());
		this.mvc.perform(post("/tra-cuu/danh-gia").with(csrf()).param("code", returned).param("token", token)
			.param("overall", "năm")).andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("select via from dossier_rating where dossier_code = ?").param(returned)
			.query(String.class).single()).isEqualTo("LINK");
	}

	@Test
	void theRatingsShowInTheSatisfactionReportPerUnitAndProcedureWithDrillDown() throws Exception {
		String code = returned("rating4@example.vn", "0912345678");
		String secret = this.secrets.issue(code, "test");
		this.mvc.perform(post("/api/public/dossiers/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
			.content("{\"secret\": \"" + secret + "\", \"overall\": 3, \"access\": 3, \"procedure\": 3, \"official\": 3, \"result\": 3}"))
			.andExpect(status().isCreated());
		String report = this.mvc.perform(get("/reports/satisfaction").param("from", "2026-01-01").with(auditor()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(report).contains("Mức độ hài lòng").contains("UBND xã An Bình")
			.contains("/reports/satisfaction/dossiers?unit=xa-an-binh");
		String byProcedure = this.mvc.perform(get("/reports/satisfaction").param("by", "procedure").with(auditor()))
			.andReturn().getResponse().getContentAsString();
		assertThat(byProcedure).contains("/reports/satisfaction/dossiers?procedure=birth-registration");
		String drill = this.mvc.perform(get("/reports/satisfaction/dossiers").param("unit", "xa-an-binh").with(auditor()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(drill).contains(code);
		// a supervisor sees their subtree only; another commune's supervisor none of these ratings
		this.mvc.perform(get("/reports/satisfaction/dossiers").param("unit", "xa-an-binh").with(supervisor("xa-hoa-phu")))
			.andExpect(status().isForbidden());
		String other = this.mvc.perform(get("/reports/satisfaction").with(supervisor("xa-hoa-phu")))
			.andReturn().getResponse().getContentAsString();
		assertThat(other).doesNotContain("UBND xã An Bình");
		this.mvc.perform(get("/reports/satisfaction").param("from", "01/02/2026").with(auditor()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/reports/satisfaction").with(SecurityMockMvcRequestPostProcessors.user("x.officer")
			.authorities(new SimpleGrantedAuthority("ROLE_OFFICER")))).andExpect(status().isForbidden());
		String main = this.mvc.perform(get("/reports").with(auditor())).andReturn().getResponse().getContentAsString();
		assertThat(main).contains("href=\"/reports/satisfaction\"");
	}

	@Test
	void averagesAndTheSatisfiedShareAreComputedPerUnit() throws Exception {
		var report = this.satisfaction.rows(SatisfactionReport.By.UNIT, java.time.Instant.EPOCH,
				java.time.Instant.parse("2999-01-01T00:00:00Z"), null);
		long before = report.stream().filter(r -> r.key().equals("xa-an-binh")).mapToLong(SatisfactionReport.Row::ratings).sum();
		String a = returned("rating5@example.vn", "0912345678");
		String b = returned("rating6@example.vn", "0912345678");
		rate(a, 5, 4);
		rate(b, 2, 1);
		SatisfactionReport.Row total = this.satisfaction.total(java.time.Instant.EPOCH,
				java.time.Instant.parse("2999-01-01T00:00:00Z"), java.util.Set.of("xa-an-binh"));
		assertThat(total.ratings()).isEqualTo(before + 2);
		var only = this.satisfaction.lines(java.time.Instant.EPOCH, java.time.Instant.parse("2999-01-01T00:00:00Z"), null,
				null, null).stream().filter(l -> l.code().equals(a) || l.code().equals(b)).toList();
		assertThat(only).hasSize(2);
		assertThat(only).extracting(SatisfactionReport.Line::overall).containsExactlyInAnyOrder(5, 2);
		assertThat(RatingTexts.score(3.5, java.util.Locale.forLanguageTag("vi"))).isEqualTo("3,5");
		assertThat(RatingTexts.percent(0.5, java.util.Locale.forLanguageTag("vi"))).isEqualTo("50,0 %");
	}

	@Autowired
	SatisfactionReport satisfaction;

	private void rate(String code, int overall, int others) throws Exception {
		String secret = this.secrets.issue(code, "test");
		this.mvc.perform(post("/api/public/dossiers/" + code + "/rating").contentType(MediaType.APPLICATION_JSON)
			.content("{\"secret\": \"%s\", \"overall\": %d, \"access\": %d, \"procedure\": %d, \"official\": %d, \"result\": %d}"
				.formatted(secret, overall, others, others, others, others)))
			.andExpect(status().isCreated());
	}

	private long count(String code) {
		return this.jdbc.sql("select count(*) from dossier_rating where dossier_code = ?").param(code).query(Long.class).single();
	}

	static RequestPostProcessor auditor() {
		return SecurityMockMvcRequestPostProcessors.user("auditor")
			.authorities(new SimpleGrantedAuthority("ROLE_AUDITOR"), new SimpleGrantedAuthority("GROUP_auditors"));
	}

	static RequestPostProcessor supervisor(String unit) {
		return SecurityMockMvcRequestPostProcessors.user(unit + ".supervisor")
			.authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR"),
					new SimpleGrantedAuthority("GROUP_" + unit + "-supervisors"));
	}

}
