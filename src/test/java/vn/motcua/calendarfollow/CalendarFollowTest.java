package vn.motcua.calendarfollow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.deadline.CalendarView;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.LookupSecrets;
import vn.motcua.intake.Timeliness;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.ConstructionPermitProcess;
import vn.motcua.procedure.DossierClock;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.Handoff;
import vn.motcua.procedure.LandUseRightTransferProcess;
import vn.motcua.procedure.ProcedureTestBase;

/**
 * Running dossiers follow a calendar change: 2027 has no year file (provisional), then an
 * official 2027 file is loaded that adds one day off (Thursday 04/02/2027, before Tết). Job
 * executor off, clock moved, timers executed explicitly.
 */
class CalendarFollowTest extends ProcedureTestBase {

	static final Path DIRECTORY;

	static {
		try {
			DIRECTORY = Files.createTempDirectory("motcua-calendar-follow");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("motcua.calendar.directory", DIRECTORY::toString);
		registry.add("motcua.calendar.follow.enabled", () -> "false");
		registry.add("motcua.calendar.follow.batch-size", () -> "3");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:calendar-follow;MODE=LEGACY;DB_CLOSE_DELAY=-1");
	}

	static final String COMMUNE = "xa-an-binh";

	static final String LAND_OFFICE = "cn-vpdkdd-bac-son";

	static final String TAX = "thue-tinh";

	static final String APPRAISAL = "huyen-bac-son";

	/** The provisional 2027 days (Labour Code), written as an official file, plus Thursday 04/02 off. */
	static final String OFFICIAL_2027 = """
			year: 2027
			source: "Thông báo lịch nghỉ năm 2027 (bản thử nghiệm)"
			days:
			  - {date: 2027-01-01, kind: holiday, reason: Tết Dương lịch}
			  - {date: 2027-02-04, kind: day-off, reason: Nghỉ thêm trước Tết Đinh Mùi}
			  - {date: 2027-02-05, kind: holiday, reason: Tết Nguyên đán (30 tháng Chạp)}
			  - {date: 2027-02-06, kind: holiday, reason: Tết Nguyên đán (mùng 1)}
			  - {date: 2027-02-07, kind: holiday, reason: Tết Nguyên đán (mùng 2)}
			  - {date: 2027-02-08, kind: holiday, reason: Tết Nguyên đán (mùng 3)}
			  - {date: 2027-02-09, kind: holiday, reason: Tết Nguyên đán (mùng 4)}
			  - {date: 2027-02-10, kind: compensatory, reason: Nghỉ bù mùng 1 Tết}
			  - {date: 2027-02-11, kind: compensatory, reason: Nghỉ bù mùng 2 Tết}
			  - {date: 2027-04-16, kind: holiday, reason: Giỗ Tổ Hùng Vương}
			  - {date: 2027-04-30, kind: holiday, reason: Ngày Chiến thắng}
			  - {date: 2027-05-01, kind: holiday, reason: Ngày Quốc tế lao động}
			  - {date: 2027-05-03, kind: compensatory, reason: Nghỉ bù 1/5}
			  - {date: 2027-09-01, kind: holiday, reason: Quốc khánh}
			  - {date: 2027-09-02, kind: holiday, reason: Quốc khánh}
			  - {date: 2027-11-24, kind: holiday, reason: Ngày Văn hóa Việt Nam}
			""";

	@Autowired
	LookupSecrets lookupSecrets;

	@Autowired
	CalendarFollow follow;

	@Autowired
	DeadlineMoves moves;

	@Autowired
	DeadlineNotes notes;

	@Autowired
	MockMvc mvc;

	@Autowired
	vn.motcua.reports.ReportFolding reportFolding;

	/** Every test starts from the shipped files only (2027 provisional). */
	@BeforeEach
	void provisional2027() throws IOException {
		try (var files = Files.list(DIRECTORY)) {
			for (Path f : files.toList()) {
				Files.delete(f);
			}
		}
		this.jdbc.sql("delete from calendar_year_file").update();
		this.calendar.reload();
		this.follow.sync("test");
		this.follow.runPending();
		assertThat(this.calendar.isProvisional(2027)).isTrue();
	}

	void loadOfficial2027() throws IOException {
		Files.writeString(DIRECTORY.resolve("2027.yaml"), OFFICIAL_2027, StandardCharsets.UTF_8);
		assertThat(this.calendar.reload()).isTrue();
		assertThat(this.follow.sync("test")).isPresent();
		this.follow.runPending();
		assertThat(this.calendar.isProvisional(2027)).isFalse();
	}

	@Test
	void landDossierReceivedInDecember2026FollowsTheOfficial2027Calendar() throws Exception {
		ProcessInstance instance = receiveLand(LocalDateTime.of(2026, 12, 28, 9, 0));
		String code = (String) this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_CODE);
		Dossier received = this.dossiers.get(code);
		// 8 working days from Monday 28/12/2026 09:00 (1/1 off): Friday 08/01/2027 09:00, tạm tính
		assertThat(local(received.due())).isEqualTo(LocalDateTime.of(2027, 1, 8, 9, 0));
		assertThat(this.notes.provisional(code)).isTrue();
		assertThat(this.mvc.perform(get("/dossiers/" + code + "/receipt").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("tạm tính").contains("năm 2027 chưa có lịch nghỉ");

		clock(LocalDateTime.of(2026, 12, 28, 10, 0));
		completeStep(step(code, COMMUNE), AgencyStepProcess.DONE, Map.of());
		clock(LocalDateTime.of(2026, 12, 29, 10, 0));
		completeStep(step(code, LAND_OFFICE), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.CADASTRAL_TRANSFER_NUMBER, "PCT-45"));
		clock(LocalDateTime.of(2027, 1, 8, 10, 0));
		completeStep(step(code, TAX), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.TAX_NOTICE_NUMBER, "TB-01", LandUseRightTransferProcess.TAX_AMOUNT, 25_000_000));
		clock(LocalDateTime.of(2027, 1, 29, 10, 0));
		completeStep(step(code, COMMUNE), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.PAYMENT_RECEIPT_NUMBER, "BL-789", LandUseRightTransferProcess.PAYMENT_AMOUNT,
						25_000_000));
		Dossier resumed = this.dossiers.get(code);
		assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		Task certificate = step(code, LAND_OFFICE);
		// 4 working days from Friday 29/01/2027 10:00, provisional: Thursday 04/02 10:00
		assertThat(local(certificate.getDueDate())).isEqualTo(LocalDateTime.of(2027, 2, 4, 10, 0));
		assertThat(certificate.getDescription()).contains("Hạn tạm tính: năm 2027");
		assertThat(this.runtime.getVariable(certificate.getProcessInstanceId(), DeadlineNotes.VARIABLE))
			.asString()
			.contains("tạm tính");
		Date legalBefore = resumed.legalDue();
		Date dueBefore = resumed.due();
		CalendarView provisional = this.calendar.current();

		clock(LocalDateTime.of(2027, 2, 1, 9, 0));
		Date changedAt = at(LocalDateTime.of(2027, 2, 1, 9, 0));
		loadOfficial2027();
		CalendarView official = this.calendar.current();

		// the step: 4 days from Friday 29/01 10:00, Thursday 04/02 now off, then Tết: Friday 12/02 10:00
		Handoff step = openHandoff(code);
		assertThat(local(step.dueAt())).isEqualTo(LocalDateTime.of(2027, 2, 12, 10, 0));
		Task moved = this.tasks.createTaskQuery().taskId(certificate.getId()).singleResult();
		assertThat(moved.getDueDate()).isEqualTo(step.dueAt());
		assertThat(moved.getDescription()).isNull();
		assertThat(this.runtime.getVariable(certificate.getProcessInstanceId(), DeadlineNotes.VARIABLE)).isNull();
		Job breach = timer(certificate.getProcessInstanceId(), AgencyStepProcess.Elements.BREACH);
		assertThat(breach.getDuedate()).isEqualTo(step.dueAt());
		Job warning = timer(certificate.getProcessInstanceId(), AgencyStepProcess.Elements.WARNING);
		assertThat(warning.getDuedate()).isEqualTo(official.before(step.dueAt(), 0.5));
		// half a day before Friday 12/02 10:00 is still Wednesday 03/02 15:30: the warning stays
		assertThat(local(warning.getDuedate())).isEqualTo(LocalDateTime.of(2027, 2, 3, 15, 30));
		assertThat(this.runtime.getVariable(certificate.getProcessInstanceId(), AgencyStepProcess.STEP_DUE))
			.isEqualTo(step.dueAt());

		// the dossier: each deadline keeps the office time it had left on 01/02 09:00
		Dossier after = this.dossiers.get(code);
		assertThat(official.officeTimeBetween(changedAt, after.legalDue()))
			.isEqualTo(provisional.officeTimeBetween(changedAt, legalBefore));
		assertThat(after.legalDue()).isAfter(legalBefore);
		assertThat(after.due()).isEqualTo(official.carry(provisional, changedAt, dueBefore)).isAfter(dueBefore);
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(after.due());
		Job apology = timer(instance.getId(), DossierClock.APOLOGY_TIMER);
		assertThat(apology.getDuedate()).isEqualTo(official.before(after.due(), 1));
		// the timer stays at the date its model shows (${apologyAt}), moved together with the variable
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.APOLOGY_AT)).isEqualTo(apology.getDuedate());
		assertThat(this.notes.provisional(code)).isFalse();

		// recorded per dossier: timeline, audit chain
		assertThat(this.moves.ofDossier(code)).extracting(DeadlineMoves.Moved::deadline)
			.contains("legal-due", "appointment", "apology", "step")
			.doesNotContain("step-warning");
		DeadlineMoves.Moved stepMove = this.moves.ofDossier(code)
			.stream()
			.filter(m -> m.deadline().equals("step"))
			.findFirst()
			.orElseThrow();
		assertThat(local(stepMove.from())).isEqualTo(LocalDateTime.of(2027, 2, 4, 10, 0));
		assertThat(local(stepMove.to())).isEqualTo(LocalDateTime.of(2027, 2, 12, 10, 0));
		assertThat(stepMove.summary()).contains("04/02/2027 thành ngày nghỉ");
		assertThat(this.jdbc.sql("select count(*) from audit_event where dossier_code = ? and event_type = ?")
			.params(code, CalendarFollow.EVENT_TYPE)
			.query(Long.class)
			.single()).isEqualTo(1);
		String timeline = this.mvc.perform(get("/audit/dossiers/" + code).with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(timeline).contains("Thời hạn dời theo lịch nghỉ mới")
			.contains("Hạn bước “Cập nhật biến động, cấp Giấy chứng nhận”: 10:00 04/02/2027 → 10:00 12/02/2027");

		// the timers fire at the new instants
		clock(LocalDateTime.of(2027, 2, 4, 10, 1));
		assertThat(executable(certificate.getProcessInstanceId(), AgencyStepProcess.Elements.BREACH)).isZero();
		clock(LocalDateTime.of(2027, 2, 12, 10, 1));
		assertThat(executable(certificate.getProcessInstanceId(), AgencyStepProcess.Elements.BREACH)).isOne();
		this.management.executeJob(breach.getId());
		assertThat(tasks(code, AgencyStepProcess.Elements.RESOLVE_BREACH)).hasSize(1);

		// finished after the old legal due, before the new one: on time against the new legal due
		Date finishing = new Date(legalBefore.getTime() + 60_000);
		assertThat(finishing).isBefore(after.legalDue());
		org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(finishing);
		completeStep(moved, AgencyStepProcess.DONE, Map.of(LandUseRightTransferProcess.NEW_CERTIFICATE_SERIAL, "DA 1"));
		Task giveBack = tasks(code, LandUseRightTransferProcess.Elements.RETURN_RESULT).get(0);
		assertThat(giveBack.getDueDate()).isEqualTo(after.due());
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		Dossier closed = this.dossiers.get(code);
		assertThat(closed.timeliness()).isNotEqualTo(Timeliness.LATE);
		assertThat(Timeliness.of(closed.finishedAt(), legalBefore)).isEqualTo(Timeliness.LATE);
		// the report counters fold changes in the background, and before every report
		this.reportFolding.foldPending();
		assertThat(this.jdbc.sql("select legal_due from report_dossier where code = ?")
			.param(code)
			.query(Date.class)
			.single()
			.getTime()).isEqualTo(after.legalDue().getTime());
	}

	@Test
	void aPausedDossierKeepsTheBudgetItHadWhenItsClockStopped() throws Exception {
		ProcessInstance instance = receivePermit(LocalDateTime.of(2027, 1, 25, 9, 0));
		String code = (String) this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_CODE);
		clock(LocalDateTime.of(2027, 1, 25, 10, 0));
		completeStep(step(code, COMMUNE), AgencyStepProcess.DONE, Map.of());
		LocalDateTime asked = LocalDateTime.of(2027, 1, 27, 10, 0);
		clock(asked);
		completeStep(step(code, APPRAISAL), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Bản vẽ mặt cắt công trình"));
		Dossier paused = this.dossiers.get(code);
		assertThat(paused.status()).isEqualTo(DossierStatus.WAITING_CITIZEN);
		CalendarView provisional = this.calendar.current();
		Duration legalBudget = provisional.officeTimeBetween(at(asked), paused.legalDue());
		Task supplement = tasks(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT).get(0);
		// 7 working days from Wednesday 27/01 10:00 (provisional Tết 05–11/02): Friday 12/02 10:00
		assertThat(local(supplement.getDueDate())).isEqualTo(LocalDateTime.of(2027, 2, 12, 10, 0));

		clock(LocalDateTime.of(2027, 2, 1, 9, 0));
		loadOfficial2027();
		CalendarView official = this.calendar.current();
		Dossier recomputed = this.dossiers.get(code);
		assertThat(official.officeTimeBetween(at(asked), recomputed.legalDue())).isEqualTo(legalBudget);
		// without following, the budget would be read one day short on resuming (04/02 is now off)
		assertThat(official.officeTimeBetween(at(asked), paused.legalDue())).isEqualTo(legalBudget.minusHours(8));
		Task window = this.tasks.createTaskQuery().taskId(supplement.getId()).singleResult();
		assertThat(local(window.getDueDate())).isEqualTo(LocalDateTime.of(2027, 2, 15, 10, 0));
		assertThat(timer(supplement.getProcessInstanceId(), AgencyStepProcess.Elements.SUPPLEMENT_OVERDUE).getDuedate())
			.isEqualTo(window.getDueDate());
		assertThat(timer(instance.getId(), DossierClock.APOLOGY_TIMER).getDuedate()).isEqualTo(DossierClock.STOPPED);

		LocalDateTime back = LocalDateTime.of(2027, 2, 15, 9, 0);
		clock(back);
		this.tasks.complete(window.getId(), Map.of("supplementReceived", true));
		Dossier running = this.dossiers.get(code);
		assertThat(running.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(official.officeTimeBetween(at(back), running.legalDue())).isEqualTo(legalBudget);
		assertThat(official.officeTimeBetween(at(back), running.due())).isEqualTo(paused.officeTimeLeft());
		assertThat(timer(instance.getId(), DossierClock.APOLOGY_TIMER).getDuedate())
			.isEqualTo(official.before(running.due(), 1));
	}

	@Test
	void anInvalidFileMovesNothing() throws Exception {
		ProcessInstance instance = receivePermit(LocalDateTime.of(2027, 1, 25, 9, 0));
		String code = (String) this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_CODE);
		Dossier before = this.dossiers.get(code);
		Task task = step(code, COMMUNE);
		long versions = versions();
		String invalid = OFFICIAL_2027.replace("{date: 2027-02-04, kind: day-off,", "{date: 2027-02-06, kind: day-off,");
		Files.writeString(DIRECTORY.resolve("2027.yaml"), invalid, StandardCharsets.UTF_8);
		assertThat(this.calendar.reload()).isFalse();
		assertThat(this.follow.sync("test")).isEmpty();
		assertThat(this.follow.runPending()).isZero();
		assertThat(versions()).isEqualTo(versions);
		assertThat(this.calendar.isProvisional(2027)).isTrue();
		assertThat(this.dossiers.get(code)).isEqualTo(before);
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate()).isEqualTo(task.getDueDate());
		assertThat(this.moves.ofDossier(code)).isEmpty();

		// the administrators' page refuses it with the line, and applies nothing
		String page = this.mvc.perform(multipart("/admin/calendar/preview").param("year", "2027").param("content", invalid)
			.with(admin())
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Tệp lịch không hợp lệ, chưa áp dụng").contains("2027.yaml, line 5");
		this.mvc.perform(multipart("/admin/calendar/apply").param("year", "2027").param("content", invalid)
			.with(admin())
			.with(csrf())).andExpect(status().isOk());
		assertThat(Files.exists(DIRECTORY.resolve("2027.yaml"))).isTrue();
		assertThat(this.jdbc.sql("select count(*) from calendar_year_file").query(Long.class).single()).isZero();
		assertThat(this.calendar.isProvisional(2027)).isTrue();
		assertThat(versions()).isEqualTo(versions);
	}

	@Test
	void aYearFileAppliedOnAnotherNodeIsReadFromTheDatabase() throws Exception {
		ProcessInstance instance = receivePermit(LocalDateTime.of(2027, 1, 25, 9, 0));
		String code = (String) this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_CODE);
		clock(LocalDateTime.of(2027, 1, 26, 9, 0));
		// what the administrators' page of another node writes
		this.jdbc.sql("""
				insert into calendar_year_file (calendar_year, content, content_hash, uploaded_by, uploaded_at)
				values (2027, ?, 'other-node', 'admin', ?)""")
			.params(OFFICIAL_2027, new java.sql.Timestamp(System.currentTimeMillis()))
			.update();
		assertThat(this.calendar.reload()).isTrue();
		assertThat(this.calendar.isProvisional(2027)).isFalse();
		assertThat(this.follow.sync("test")).isPresent();
		this.follow.runPending();
		Dossier after = this.dossiers.get(code);
		assertThat(after.legalDue()).isAfter(after.originalDue());
		// a directory file changed later for the same year is in force instead
		Files.writeString(DIRECTORY.resolve("2027.yaml"), OFFICIAL_2027.replace("  - {date: 2027-02-04, kind: day-off, reason: Nghỉ thêm trước Tết Đinh Mùi}\n", ""),
				StandardCharsets.UTF_8);
		Files.setLastModifiedTime(DIRECTORY.resolve("2027.yaml"),
				java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
		assertThat(this.calendar.reload()).isTrue();
		assertThat(this.calendar.current().isWorkingDay(java.time.LocalDate.of(2027, 2, 4))).isTrue();
	}

	@Test
	void administratorsPreviewTheChangeAndApplyItFromThePage() throws Exception {
		ProcessInstance instance = receivePermit(LocalDateTime.of(2027, 1, 25, 9, 0));
		String code = (String) this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_CODE);
		clock(LocalDateTime.of(2027, 1, 26, 9, 0));
		this.mvc.perform(get("/admin/calendar").with(officer())).andExpect(status().isForbidden());
		this.mvc.perform(multipart("/admin/calendar/preview").param("year", "2027").param("content", OFFICIAL_2027)
			.with(officer())
			.with(csrf())).andExpect(status().isForbidden());
		int running = this.jdbc.sql("select count(*) from dossier where finished_at is null").query(Integer.class).single();
		String page = this.mvc.perform(multipart("/admin/calendar/preview").param("year", "2027")
			.param("content", OFFICIAL_2027)
			.with(admin())
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Nghỉ thêm trước Tết Đinh Mùi").contains("trong " + running + " hồ sơ đang giải quyết");
		CalendarFollow.Preview preview = this.follow.preview(this.calendar.withYearFile("2027.yaml",
				OFFICIAL_2027.getBytes(StandardCharsets.UTF_8)));
		assertThat(preview.changes().stream().filter(CalendarView.DayChange::workingChanged).map(CalendarView.DayChange::date))
			.containsExactly(java.time.LocalDate.of(2027, 2, 4));
		assertThat(preview.dossiersMoving()).isPositive();
		assertThat(this.dossiers.get(code).legalDue()).isEqualTo(this.dossiers.get(code).originalDue());

		this.mvc.perform(multipart("/admin/calendar/apply").param("year", "2027").param("content", OFFICIAL_2027)
			.with(admin())
			.with(csrf())).andExpect(status().isOk());
		// kept in the database, where every node reads it, not in one node's directory
		assertThat(DIRECTORY.resolve("2027.yaml")).doesNotExist();
		assertThat(this.jdbc.sql("select content from calendar_year_file where calendar_year = 2027")
			.query(String.class)
			.single()).isEqualTo(OFFICIAL_2027);
		assertThat(this.calendar.isProvisional(2027)).isFalse();
		this.follow.runPending();
		Dossier after = this.dossiers.get(code);
		// the receipt's appointment stays the promise; the legal due moved past it and is shown
		assertThat(after.due()).isEqualTo(after.originalDue());
		assertThat(after.legalDue()).isAfter(after.originalDue());
		String secret = this.lookupSecrets.issue(code, "xa-an-binh.officer");
		String lookup = this.mvc.perform(get("/tra-cuu").param("code", code).param("secret", secret))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(lookup).contains("Hạn giải quyết theo quy định đã dời đến").doesNotContain("tạm tính");
	}

	@Test
	void onSeveralNodesOneVersionIsRecordedAndEachDossierMovesOnce() throws Exception {
		List<String> codes = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ProcessInstance instance = receivePermit(LocalDateTime.of(2027, 1, 25, 9, i));
			codes.add((String) this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_CODE));
		}
		clock(LocalDateTime.of(2027, 1, 26, 9, 0));
		Files.writeString(DIRECTORY.resolve("2027.yaml"), OFFICIAL_2027, StandardCharsets.UTF_8);
		this.calendar.reload();
		long versions = versions();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var syncs = new java.util.ArrayList<java.util.concurrent.Future<?>>();
			for (int i = 0; i < 4; i++) {
				syncs.add(pool.submit(() -> this.follow.sync("node")));
			}
			for (var f : syncs) {
				f.get();
			}
			assertThat(versions()).isEqualTo(versions + 1);
			var runs = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < 4; i++) {
				runs.add(pool.submit(() -> {
					org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 1, 26, 9, 0)));
					return this.follow.runPending("node-" + Thread.currentThread().getId());
				}));
			}
			for (var f : runs) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		this.follow.runPending();
		for (String code : codes) {
			assertThat(this.moves.ofDossier(code).stream().filter(m -> m.deadline().equals("legal-due")).count())
				.as("legal due of %s moved once", code)
				.isOne();
		}
	}

	// --- helpers ---------------------------------------------------------------------

	private long versions() {
		return this.jdbc.sql("select count(*) from calendar_version").query(Long.class).single();
	}

	private long executable(String processInstanceId, String activityId) {
		return this.management.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.executable()
			.count();
	}

	private Handoff openHandoff(String code) {
		return this.handoffs.ofDossier(code).stream().filter(Handoff::open).findFirst().orElseThrow();
	}

	private Task step(String code, String unit) {
		Task task = task(code, AgencyStepProcess.Elements.HANDLE_STEP, unit + "-officers");
		assertThat(task).as("step task for " + unit).isNotNull();
		return task;
	}

	private ProcessInstance receiveLand(LocalDateTime at) {
		clock(at);
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierVariables.RECEIVING_UNIT, COMMUNE);
		variables.put(DossierVariables.APPLICANT_NAME, "Phạm Thị Hoa");
		variables.put(DossierVariables.APPLICANT_ID_NUMBER, "001190054321");
		variables.put(DossierVariables.APPLICANT_PHONE, "0901234567");
		variables.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Bắc, " + COMMUNE);
		variables.put(DossierVariables.CHANNEL, "in-person");
		variables.put(DossierVariables.DOCUMENTS, List.of("registration-form", "transfer-contract", "original-certificate"));
		variables.put(LandUseRightTransferProcess.PARCEL_NUMBER, "45");
		variables.put(LandUseRightTransferProcess.MAP_SHEET_NUMBER, "12");
		variables.put(LandUseRightTransferProcess.LAND_ADDRESS, "Thửa 45, tờ 12, " + COMMUNE);
		variables.put(LandUseRightTransferProcess.LAND_AREA, 120);
		variables.put(LandUseRightTransferProcess.CERTIFICATE_SERIAL, "CH 654321");
		variables.put(LandUseRightTransferProcess.TRANSFEROR_NAME, "Phạm Thị Hoa");
		variables.put(LandUseRightTransferProcess.TRANSFEROR_ID_NUMBER, "001190054321");
		variables.put(LandUseRightTransferProcess.TRANSFEREE_NAME, "Đỗ Văn Nam");
		variables.put(LandUseRightTransferProcess.TRANSFEREE_ID_NUMBER, "001088011122");
		variables.put(LandUseRightTransferProcess.CONTRACT_NUMBER, "1234/2026/CN");
		variables.put(LandUseRightTransferProcess.CONTRACT_DATE, "2026-12-20");
		variables.put(LandUseRightTransferProcess.TRANSFER_PRICE, 1_500_000_000L);
		return this.runtime.startProcessInstanceByKey(LandUseRightTransferProcess.KEY, variables);
	}

	ProcessInstance receivePermit(LocalDateTime at) {
		clock(at);
		return this.runtime.startProcessInstanceByKey(ConstructionPermitProcess.KEY, CalendarFollowBenchmark.permit());
	}

	static RequestPostProcessor admin() {
		return SecurityMockMvcRequestPostProcessors.user("admin")
			.authorities(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("GROUP_camunda-admin"));
	}

	static RequestPostProcessor auditor() {
		return SecurityMockMvcRequestPostProcessors.user("auditor")
			.authorities(new SimpleGrantedAuthority("ROLE_AUDITOR"), new SimpleGrantedAuthority("GROUP_auditors"));
	}

	static RequestPostProcessor officer() {
		return SecurityMockMvcRequestPostProcessors.user(COMMUNE + ".officer")
			.authorities(new SimpleGrantedAuthority("ROLE_OFFICER"), new SimpleGrantedAuthority("GROUP_" + COMMUNE + "-officers"));
	}

}
