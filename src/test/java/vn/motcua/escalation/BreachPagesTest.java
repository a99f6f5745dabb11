package vn.motcua.escalation;

import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.ProcedureTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A step of a real birth registration breaches its deadline (timer fired explicitly): the
 * supervisors' list shows it with the overrun and the escalation task, the audit area does not
 * call the dossier "Trong hạn", and the cause and remedy typed into the escalation task are kept
 * with the breach and shown in the timeline and on the control sheet (form 05). Other units'
 * supervisors and plain officers get nothing.
 */
class BreachPagesTest extends ProcedureTestBase {

	static final String COMMUNE = "xa-an-binh";

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityService identity;

	@AfterEach
	void logout() {
		this.identity.clearAuthentication();
	}

	static RequestPostProcessor supervisor(String unit) {
		return SecurityMockMvcRequestPostProcessors.user(unit + ".supervisor")
			.authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR"),
					new SimpleGrantedAuthority("GROUP_" + unit + "-supervisors"));
	}

	static RequestPostProcessor officer(String unit) {
		return SecurityMockMvcRequestPostProcessors.user(unit + ".officer")
			.authorities(new SimpleGrantedAuthority("ROLE_OFFICER"), new SimpleGrantedAuthority("GROUP_" + unit + "-officers"));
	}

	static RequestPostProcessor auditor() {
		return SecurityMockMvcRequestPostProcessors.user("auditor")
			.authorities(new SimpleGrantedAuthority("ROLE_AUDITOR"), new SimpleGrantedAuthority("GROUP_auditors"));
	}

	/** Received, checked, and its birth-registration step claimed and breached; answers code and escalation task. */
	String[] breached() {
		clock(BEFORE_TET);
		Map<String, Object> v = new HashMap<>();
		v.put(DossierVariables.RECEIVING_UNIT, COMMUNE);
		v.put(DossierVariables.APPLICANT_NAME, "Lê Văn Hùng");
		v.put(DossierVariables.APPLICANT_ID_NUMBER, "001190012345");
		v.put(DossierVariables.APPLICANT_PHONE, "0912345678");
		v.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Đông, xã An Bình");
		v.put(DossierVariables.CHANNEL, "in-person");
		v.put(DossierVariables.DOCUMENTS, List.of("to-khai-dien-tu", "giay-chung-sinh"));
		v.put(BirthRegistrationProcess.CHILD_NAME, "Lê Minh Khôi");
		v.put(BirthRegistrationProcess.CHILD_BIRTH_DATE, "2026-02-10");
		v.put(BirthRegistrationProcess.CHILD_SEX, "nam");
		v.put(BirthRegistrationProcess.MOTHER_NAME, "Phạm Thị Thu");
		v.put(BirthRegistrationProcess.BIRTHPLACE, "Trạm y tế xã An Bình");
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY, v);
		String code = codeOf(instance);
		clock(BEFORE_TET.plusMinutes(30));
		completeStep(task(code, AgencyStepProcess.Elements.HANDLE_STEP, COMMUNE + "-officers"), AgencyStepProcess.DONE,
				Map.of());
		Task birth = task(code, AgencyStepProcess.Elements.HANDLE_STEP, COMMUNE + "-officers");
		this.tasks.claim(birth.getId(), COMMUNE + ".officer");
		Job breach = timer(birth.getProcessInstanceId(), AgencyStepProcess.Elements.BREACH);
		// one working day and two office hours past the step's due instant
		Date late = this.calendar.dueFrom(breach.getDuedate(), 1.25);
		ClockUtil.setCurrentTime(late);
		this.management.executeJob(breach.getId());
		Task escalation = task(code, AgencyStepProcess.Elements.RESOLVE_BREACH, COMMUNE + "-supervisors");
		assertThat(escalation).isNotNull();
		return new String[] { code, escalation.getId() };
	}

	@Test
	void theSupervisorsSeeTheBreachWithItsOverrunAndTheEscalationTask() throws Exception {
		String[] breached = breached();
		String code = breached[0];
		String html = this.mvc.perform(get("/breaches").with(supervisor(COMMUNE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Bước xử lý quá hạn và sắp đến hạn", code, "Đăng ký khai sinh", "Quá hạn 1 ngày 2 giờ làm việc",
				"Lê Văn Hùng", "Cán bộ UBND xã An Bình", "?task=" + breached[1], "Mở việc đôn đốc trong Tasklist");
		// another unit's supervisors see nothing of it and may not ask for it
		String other = this.mvc.perform(get("/breaches").with(supervisor("xa-hoa-phu")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(other).doesNotContain(code);
		String refused = this.mvc.perform(get("/breaches").param("unit", COMMUNE).with(supervisor("xa-hoa-phu")))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("bạn không phụ trách UBND xã An Bình").doesNotContain(code);
		this.mvc.perform(get("/breaches").param("unit", "khong-co").with(supervisor(COMMUNE)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/breaches").with(officer(COMMUNE))).andExpect(status().isForbidden());
		// the auditor sees every unit
		assertThat(this.mvc.perform(get("/breaches").with(auditor())).andReturn().getResponse().getContentAsString())
			.contains(code);
	}

	@Test
	void aBreachedOpenStepIsNeverShownAsInTime() throws Exception {
		String code = breached()[0];
		String timeline = this.mvc.perform(get("/audit/dossiers/" + code).with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(timeline).contains("Có bước xử lý quá hạn").doesNotContain("Trong hạn");
		String search = this.mvc.perform(get("/audit").param("code", code).param("timeliness", "overdue").with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(search).contains("/audit/dossiers/" + code, "Có bước xử lý quá hạn");
	}

	@Test
	void theCauseAndRemedyOfTheEscalationAreKeptAndShownInTheTimelineAndOnTheControlSheet() throws Exception {
		String[] breached = breached();
		String code = breached[0];
		String supervisor = COMMUNE + ".supervisor";
		this.identity.setAuthentication(supervisor, List.of(COMMUNE + "-supervisors"));
		this.tasks.claim(breached[1], supervisor);
		this.tasks.complete(breached[1], Map.of("breachCause", "Cán bộ nghỉ ốm đột xuất",
				"breachAction", "Giao cán bộ khác xử lý, hoàn thành trong ngày 26/02/2026"));
		this.identity.clearAuthentication();

		Map<String, Object> row = this.jdbc.sql("select * from deadline_breach where dossier_code = ?")
			.param(code)
			.query()
			.singleRow();
		assertThat(row.get("CAUSE")).isEqualTo("Cán bộ nghỉ ốm đột xuất");
		assertThat(row.get("REMEDY")).isEqualTo("Giao cán bộ khác xử lý, hoàn thành trong ngày 26/02/2026");
		assertThat(row.get("RESOLVED_BY")).isEqualTo(supervisor);
		assertThat(row.get("RESOLVED_AT")).isNotNull();

		String timeline = this.mvc.perform(get("/audit/dossiers/" + code).with(supervisor(COMMUNE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(timeline).contains("Nguyên nhân quá hạn: Cán bộ nghỉ ốm đột xuất",
				"Biện pháp khắc phục: Giao cán bộ khác xử lý, hoàn thành trong ngày 26/02/2026");
		String sheet = this.mvc.perform(get("/audit/dossiers/" + code + "/control-sheet").with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(sheet).contains("Nguyên nhân quá hạn: Cán bộ nghỉ ốm đột xuất",
				"Biện pháp khắc phục: Giao cán bộ khác xử lý");
		byte[] pdf = this.mvc.perform(get("/audit/dossiers/" + code + "/control-sheet.pdf").with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		PdfReader reader = new PdfReader(new ByteArrayInputStream(pdf));
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page));
		}
		assertThat(text.toString().replaceAll("\\s+", " ")).contains("Cán bộ nghỉ ốm đột xuất");
		// the breach list now shows what was decided instead of the task
		String list = this.mvc.perform(get("/breaches").with(supervisor(COMMUNE)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(code, "Nguyên nhân: Cán bộ nghỉ ốm đột xuất").doesNotContain("?task=" + breached[1]);
		// another unit's supervisor cannot read the timeline
		this.mvc.perform(get("/audit/dossiers/" + code).with(supervisor("xa-hoa-phu"))).andExpect(status().isNotFound());
	}

}
