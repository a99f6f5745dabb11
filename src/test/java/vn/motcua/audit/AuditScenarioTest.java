package vn.motcua.audit;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.ProcedureTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A real birth registration driven through the procedure (officers claim and complete their tasks
 * as authenticated users), then read back by the audit area: the chain, the timeline with names,
 * the user operation log of the called {@code agency-step} instances, the control sheet PDF, the
 * supervisor confinement, and the chain verification after a row is edited or deleted behind the
 * application's back.
 */
class AuditScenarioTest extends ProcedureTestBase {

	static final String COMMUNE = "xa-an-binh";

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityService identity;

	@Autowired
	AuditChain chain;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@AfterEach
	void logout() {
		this.identity.clearAuthentication();
	}

	static RequestPostProcessor auditor() {
		return SecurityMockMvcRequestPostProcessors.user("auditor").authorities(
				new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_AUDITOR"),
				new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_auditors"));
	}

	static RequestPostProcessor supervisor(String unit) {
		return SecurityMockMvcRequestPostProcessors.user(unit + ".supervisor").authorities(
				new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_SUPERVISOR"),
				new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_" + unit + "-supervisors"),
				new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_" + unit + "-officers"));
	}

	/** Received, checked, registered, residence and insurance, returned: every task claimed first. */
	String handledDossier() {
		LocalDateTime t = BEFORE_TET;
		clock(t);
		this.identity.setAuthentication(COMMUNE + ".officer", List.of(COMMUNE + "-officers"));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY,
				BirthIntake.at(COMMUNE, "Nguyễn Thị Lan"));
		this.identity.clearAuthentication();
		String code = codeOf(instance);
		t = t.plusMinutes(30);
		handle(code, COMMUNE, t);
		t = t.plusMinutes(30);
		handle(code, COMMUNE, t);
		t = t.plusHours(1);
		handle(code, "ca-xa-an-binh", t);
		handle(code, "bhxh-bac-son", t);
		t = t.plusHours(1);
		clock(t);
		Task giveBack = task(code, BirthRegistrationProcess.Elements.RETURN_RESULT, COMMUNE + "-officers");
		this.identity.setAuthentication(COMMUNE + ".officer", List.of(COMMUNE + "-officers"));
		this.tasks.claim(giveBack.getId(), COMMUNE + ".officer");
		this.tasks.complete(giveBack.getId(), Map.of("returnMethod", "in-person", "resultHandedOver", true,
				"recipientName", "Nguyễn Thị Lan"));
		this.identity.clearAuthentication();
		return code;
	}

	private void handle(String code, String unit, LocalDateTime at) {
		clock(at);
		String officer = unit + ".officer";
		Task task = task(code, AgencyStepProcess.Elements.HANDLE_STEP, unit + "-officers");
		assertThat(task).as("step of " + unit).isNotNull();
		this.identity.setAuthentication(officer, List.of(unit + "-officers"));
		this.tasks.claim(task.getId(), officer);
		completeStep(task, AgencyStepProcess.DONE, Map.of());
		this.identity.clearAuthentication();
	}

	@Test
	void theChainRecordsTheEventsThatMatterInTheEngineTransaction() throws Exception {
		String code = handledDossier();
		List<AuditEvent> events = this.chain.ofDossier(code);
		assertThat(events).extracting(AuditEvent::type)
			.contains("RECEIPT", "HANDOFF", "STEP_COMPLETED", "RETURN")
			.filteredOn("HANDOFF"::equals)
			.hasSize(4);
		assertThat(events).filteredOn(e -> e.type().equals("HANDOFF"))
			.extracting(AuditEvent::unitCode)
			.containsExactlyInAnyOrder(COMMUNE, COMMUNE, "ca-xa-an-binh", "bhxh-bac-son");
		assertThat(events).filteredOn(e -> e.type().equals("STEP_COMPLETED"))
			.extracting(AuditEvent::userId)
			.contains("ca-xa-an-binh.officer", "bhxh-bac-son.officer");
		for (int i = 1; i < events.size(); i++) {
			assertThat(events.get(i).seq()).isGreaterThan(events.get(i - 1).seq());
		}
		Verification intact = this.verifier.verify();
		assertThat(intact.intact()).as(intact.toString()).isTrue();
		this.mvc.perform(get("/api/audit/verify").with(auditor()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.intact").value(true));
	}

	@Test
	void timelineShowsUnitsAndOfficialsByNameAndTheOperationLogOfTheSteps() throws Exception {
		String code = handledDossier();
		String instanceId = this.dossiers.get(code).processInstanceId();
		String html = this.mvc.perform(get("/audit/dossiers/" + code).with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Công an xã An Bình", "Bảo hiểm xã hội huyện Bắc Sơn", "UBND xã An Bình")
			.contains("Cán bộ Công an xã An Bình", "Cán bộ Bảo hiểm xã hội huyện Bắc Sơn")
			.contains("13/02/2026 09:00")
			.contains("Nhận việc", "Hoàn thành")
			.contains("Trước hạn")
			.doesNotContain(instanceId)
			.doesNotContain(">ca-xa-an-binh.officer<");
		// the officers' claims in the agency-step instances are in the operation log
		DossierTimeline.View view = this.timelineOf(code);
		assertThat(view.operations()).filteredOn(o -> o.operation().equals("Claim"))
			.extracting(DossierTimeline.Operation::official)
			.contains("Cán bộ Công an xã An Bình", "Cán bộ Bảo hiểm xã hội huyện Bắc Sơn", "Cán bộ UBND xã An Bình");
		assertThat(view.steps()).hasSize(4).allSatisfy(s -> assertThat(s.official()).startsWith("Cán bộ "));
	}

	@Autowired
	DossierTimeline timeline;

	private DossierTimeline.View timelineOf(String code) {
		return this.timeline.of(code, new AuditScope(true, java.util.Set.of())).orElseThrow();
	}

	@Test
	void supervisorsSeeOnlyDossiersReceivedOrHandledByTheirUnit() throws Exception {
		String code = handledDossier();
		this.mvc.perform(get("/audit/dossiers/" + code).with(supervisor(COMMUNE))).andExpect(status().isOk());
		this.mvc.perform(get("/audit/dossiers/" + code).with(supervisor("bhxh-bac-son"))).andExpect(status().isOk());
		this.mvc.perform(get("/audit/dossiers/" + code).with(supervisor("xa-hoa-phu"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/audit/dossiers/" + code + "/control-sheet").with(supervisor("xa-hoa-phu")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/audit/dossiers/" + code + "/control-sheet.pdf").with(supervisor("xa-hoa-phu")))
			.andExpect(status().isNotFound());
		String other = this.mvc.perform(get("/audit").param("code", code).with(supervisor("xa-hoa-phu")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(other).doesNotContain("/audit/dossiers/" + code).contains("Không có hồ sơ phù hợp.");
		String csv = this.mvc.perform(get("/audit/export.csv").param("code", code).with(supervisor("xa-hoa-phu")))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).doesNotContain(code);
		String own = this.mvc.perform(get("/audit").param("code", code).with(supervisor("ca-xa-an-binh")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(own).contains("/audit/dossiers/" + code);
		// integrity is for auditors; anonymous users are sent to the login page
		this.mvc.perform(get("/audit/integrity").with(supervisor(COMMUNE))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/audit/verify").with(supervisor(COMMUNE))).andExpect(status().isForbidden());
		int anonymous = this.mvc.perform(get("/audit")).andReturn().getResponse().getStatus();
		assertThat(anonymous).isIn(302, 401);
		this.mvc.perform(get("/api/audit/verify")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/audit").with(SecurityMockMvcRequestPostProcessors.user(COMMUNE + ".officer")
			.authorities(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_OFFICER"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void controlSheetIsAPdfWithVietnameseText() throws Exception {
		String code = handledDossier();
		byte[] pdf = this.mvc.perform(get("/audit/dossiers/" + code + "/control-sheet.pdf").with(auditor()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		PdfReader reader = new PdfReader(new ByteArrayInputStream(pdf));
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", code, "Công an xã An Bình",
				"Nguyễn Thị Lan");
		assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("DejaVuSans");
		String html = this.mvc.perform(get("/audit/dossiers/" + code + "/control-sheet").with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("@media print", "Mẫu số 06");
	}

	@Autowired
	vn.motcua.documents.PdfSigner signer;

	/**
	 * The control sheet and the logbook signed by the dossier's receiving unit, for its supervisors
	 * only: the signed PDF verifies with the unit's name as signer; an auditor, or a supervisor of
	 * another unit that handled the dossier, asking for a signed copy gets 403 naming the unit; the
	 * toolbars link the signed copy only for those who may ask for it.
	 */
	@Test
	void theReceivingUnitsSupervisorsGetSignedControlSheetsAndLogbooks() throws Exception {
		String code = handledDossier();
		var response = this.mvc.perform(get("/audit/dossiers/" + code + "/control-sheet.pdf").param("signed", "true")
			.with(supervisor(COMMUNE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeader(vn.motcua.documents.IssuedPdfs.SIGNATURE_HEADER)).startsWith("valid");
		vn.motcua.documents.PdfSigner.SignatureCheck check = this.signer.verify(response.getContentAsByteArray());
		assertThat(check.valid()).as(check.message()).isTrue();
		assertThat(check.signers()).containsExactly("UBND xã An Bình");
		byte[] unsigned = this.mvc.perform(get("/audit/dossiers/" + code + "/control-sheet.pdf").with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(this.signer.verify(unsigned).signed()).isFalse();

		for (RequestPostProcessor who : List.of(auditor(), supervisor("ca-xa-an-binh"))) {
			String refused = this.mvc.perform(get("/audit/dossiers/" + code + "/control-sheet.pdf")
				.param("signed", "true").with(who))
				.andExpect(status().isForbidden())
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(refused).contains("Chỉ lãnh đạo của UBND xã An Bình");
		}
		assertThat(page("/audit/dossiers/" + code + "/control-sheet", supervisor(COMMUNE)))
			.contains("id=\"sheet-signed-pdf\"", "PDF có ký số");
		assertThat(page("/audit/dossiers/" + code + "/control-sheet", auditor())).doesNotContain("sheet-signed-pdf");

		var logbook = this.mvc.perform(get("/audit/logbook.pdf").param("unit", COMMUNE).param("from", "2026-02-01")
			.param("to", "2026-02-28").param("signed", "true").with(supervisor(COMMUNE)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		vn.motcua.documents.PdfSigner.SignatureCheck logbookCheck = this.signer.verify(logbook.getContentAsByteArray());
		assertThat(logbookCheck.valid()).as(logbookCheck.message()).isTrue();
		assertThat(logbookCheck.signers()).containsExactly("UBND xã An Bình");
		this.mvc.perform(get("/audit/logbook.pdf").param("unit", COMMUNE).param("from", "2026-02-01")
			.param("to", "2026-02-28").param("signed", "true").with(auditor()))
			.andExpect(status().isForbidden());
		assertThat(page("/audit/logbook?unit=" + COMMUNE + "&from=2026-02-01&to=2026-02-28", supervisor(COMMUNE)))
			.contains("id=\"logbook-signed-pdf\"");
		assertThat(page("/audit/logbook?unit=" + COMMUNE + "&from=2026-02-01&to=2026-02-28", auditor()))
			.doesNotContain("logbook-signed-pdf");
	}

	private String page(String url, RequestPostProcessor who) throws Exception {
		return this.mvc.perform(get(url).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void verifyFindsAnEditedAndADeletedEntry() throws Exception {
		String code = handledDossier();
		AuditEvent victim = this.chain.ofDossier(code).get(2);
		Verification intact = this.verifier.verify();
		assertThat(intact.intact()).as(intact.toString()).isTrue();
		try {
			this.jdbcTemplate.update("update audit_event set user_id = 'mallory' where seq = ?", victim.seq());
			Verification edited = this.verifier.verify();
			assertThat(edited.intact()).isFalse();
			assertThat(edited.firstBroken()).isEqualTo(victim.seq());
			assertThat(edited.reason()).isEqualTo("hash");
			String page = this.mvc.perform(post("/audit/integrity").with(auditor()).with(
					SecurityMockMvcRequestPostProcessors.csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("Chuỗi bị phá vỡ", "id=\"first-broken\">" + victim.seq() + "<");
		}
		finally {
			this.jdbcTemplate.update("update audit_event set user_id = ? where seq = ?", victim.userId(), victim.seq());
		}
		intact = this.verifier.verify();
		assertThat(intact.intact()).as(intact.toString()).isTrue();
		try {
			this.jdbcTemplate.update("delete from audit_event where seq = ?", victim.seq());
			Verification deleted = this.verifier.verify();
			assertThat(deleted.intact()).isFalse();
			assertThat(deleted.dossierCode()).isEqualTo(code);
			assertThat(deleted.chainSeq()).isEqualTo(victim.chainSeq());
			assertThat(deleted.reason()).isEqualTo("missing");
		}
		finally {
			this.jdbcTemplate.update("""
					insert into audit_event (seq, chain_key, chain_seq, recorded_at, dossier_code, event_type, unit_code, user_id,
					  payload, prev_hash, hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", victim.seq(), victim.chainKey(), victim.chainSeq(),
					new java.sql.Timestamp(victim.recordedAt().getTime()),
					victim.dossierCode(), victim.type(), victim.unitCode(), victim.userId(), victim.payload(),
					victim.prevHash(), victim.hash());
		}
		intact = this.verifier.verify();
		assertThat(intact.intact()).as(intact.toString()).isTrue();
	}

}
