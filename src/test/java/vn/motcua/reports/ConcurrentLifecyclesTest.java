package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.intake.Timeliness;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.ConstructionPermitProcess;
import vn.motcua.procedure.DeathRegistrationProcess;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.LandUseRightTransferProcess;
import vn.motcua.procedure.ProcedureElements;
import vn.motcua.procedure.ProcedureTestBase;
import vn.motcua.reports.Report.Grouping;

/**
 * Sixteen desks at once: each thread receives dossiers of every procedure and has the right
 * officials complete every task until the result is returned; the parallel steps of a dossier are
 * completed at the same moment by their two (or three) agencies. The job executor is off, so each
 * thread runs its dossier's asynchronous continuations (the parallel joins) itself. Nothing may
 * fail, the audit chain must verify, and the report must equal a direct count.
 */
class ConcurrentLifecyclesTest extends ProcedureTestBase {

	static final int DESKS = 16;

	static final int LIFECYCLES_PER_DESK = 1;

	static final String COMMUNE = "xa-an-binh";

	static final String[] PROCEDURES = { BirthRegistrationProcess.KEY, DeathRegistrationProcess.KEY,
			ConstructionPermitProcess.KEY, LandUseRightTransferProcess.KEY };

	@Autowired
	IdentityService identity;

	@Autowired
	PerformanceReports reports;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	MockMvc mvc;

	/**
	 * Lock waits are queueing, not failures: PostgreSQL waits for a row lock as long as it takes
	 * (deadlocks are detected and fail at once); H2's default of 2 s turns a queue on a loaded
	 * machine into an error. The test gives H2 sessions 30 s, as a PostgreSQL session would wait.
	 */
	@org.junit.jupiter.api.BeforeEach
	void lockWaitsAsOnPostgres() {
		setLockTimeout(30_000);
	}

	@org.junit.jupiter.api.AfterEach
	void defaultLockWaits() {
		setLockTimeout(2_000);
	}

	private void setLockTimeout(int millis) {
		if (this.dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari
				&& hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:h2:")) {
			this.jdbcTemplate.execute("set default_lock_timeout " + millis);
			hikari.getHikariPoolMXBean().softEvictConnections();
		}
	}

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void sixteenDesksDriveEveryProcedureToTheEndWithoutAFailure() throws Exception {
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		List<String> codes = Collections.synchronizedList(new ArrayList<>());
		ExecutorService desks = Executors.newFixedThreadPool(DESKS);
		ExecutorService agencies = Executors.newCachedThreadPool();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int d = 0; d < DESKS; d++) {
				int desk = d;
				running.add(desks.submit(() -> {
					for (int i = 0; i < LIFECYCLES_PER_DESK; i++) {
						String procedure = PROCEDURES[(desk + i) % PROCEDURES.length];
						try {
							codes.add(lifecycle(procedure, agencies, failures));
						}
						catch (Throwable ex) {
							failures.add(ex);
						}
					}
				}));
			}
			for (Future<?> f : running) {
				f.get(300, TimeUnit.SECONDS);
			}
		}
		finally {
			desks.shutdownNow();
			agencies.shutdownNow();
		}
		assertThat(failures).as("failures").isEmpty();
		assertThat(codes).hasSize(DESKS * LIFECYCLES_PER_DESK).doesNotHaveDuplicates();
		for (String code : codes) {
			assertThat(this.dossiers.get(code).status().name()).as(code).isEqualTo("RETURNED");
		}

		this.mvc.perform(get("/api/audit/verify").with(httpBasic("auditor", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));

		NaiveCount naive = new NaiveCount(this.jdbcTemplate);
		var now = this.reports.now();
		LocalDate today = LocalDate.now(Timeliness.ZONE);
		for (Period period : List.of(Period.month(YearMonth.from(today)), Period.year(today.getYear()))) {
			Report report = this.reports.report(period, Scope.PROVINCE, null, Grouping.UNIT);
			for (Cell cell : Cell.values()) {
				assertThat(report.total().get(cell)).as("%s total %s", period, cell)
					.isEqualTo(naive.count(cell, period, now, null, null));
			}
			for (Report.Row row : report.rows()) {
				for (Cell cell : Cell.values()) {
					assertThat(row.figures().get(cell)).as("%s row %s %s", period, row.key(), cell)
						.isEqualTo(naive.count(cell, period, now, java.util.Set.of(row.key()), null));
				}
			}
		}
		assertThat(naive.count(Cell.RESOLVED, Period.month(YearMonth.from(today)), now, null, null))
			.isGreaterThanOrEqualTo(DESKS * LIFECYCLES_PER_DESK);
	}

	/** One dossier from intake to the returned result; returns its code. */
	String lifecycle(String procedure, ExecutorService agencies, List<Throwable> failures) throws Exception {
		this.identity.setAuthentication(COMMUNE + ".officer", List.of(COMMUNE + "-officers"));
		ProcessInstance instance;
		try {
			instance = this.runtime.startProcessInstanceByKey(procedure, intake(procedure));
		}
		finally {
			this.identity.clearAuthentication();
		}
		String code = instance.getBusinessKey();
		for (int round = 0; round < 30; round++) {
			List<Task> open = this.tasks.createTaskQuery().processInstanceBusinessKey(code).list();
			if (open.isEmpty()) {
				return code;
			}
			if (open.size() == 1) {
				complete(open.get(0));
			}
			else {
				List<Future<?>> together = new ArrayList<>();
				for (Task task : open) {
					together.add(agencies.submit(() -> {
						complete(task);
						return null;
					}));
				}
				for (Future<?> f : together) {
					f.get(60, TimeUnit.SECONDS);
				}
			}
			runJobs(code);
		}
		throw new AssertionError("dossier " + code + " did not finish");
	}

	/** The asynchronous continuations of the dossier's instances, as the job executor would run them. */
	void runJobs(String code) {
		for (int round = 0; round < 10; round++) {
			List<Job> jobs = new ArrayList<>();
			for (ProcessInstance i : this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list()) {
				jobs.addAll(this.management.createJobQuery().processInstanceId(i.getId()).messages().executable().list());
			}
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> this.management.executeJob(job.getId()));
		}
	}

	/** Claims and completes a task as an official of the unit it is offered to. */
	void complete(Task task) {
		String group = this.tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElseThrow();
		String official = group.substring(0, group.length() - "-officers".length()) + ".officer";
		CamundaFormRef form = this.tasks.createTaskQuery()
			.taskId(task.getId())
			.initializeFormKeys()
			.singleResult()
			.getCamundaFormRef();
		Map<String, Object> fields = fields(task.getTaskDefinitionKey(), form == null ? null : form.getKey());
		this.identity.setAuthentication(official, List.of(group));
		try {
			this.tasks.claim(task.getId(), official);
			this.tasks.complete(task.getId(), fields);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	static Map<String, Object> fields(String taskKey, String form) {
		String today = LocalDate.now(Timeliness.ZONE).toString();
		Map<String, Object> v = new HashMap<>();
		if (ProcedureElements.RETURN_RESULT.equals(taskKey)) {
			v.put("returnMethod", "in-person");
			v.put("resultHandedOver", true);
			v.put("recipientName", "Nguyễn Thị Lan");
			return v;
		}
		if (!AgencyStepProcess.Elements.HANDLE_STEP.equals(taskKey)) {
			throw new AssertionError("unexpected task " + taskKey);
		}
		v.put(AgencyStepProcess.STEP_OUTCOME, AgencyStepProcess.DONE);
		switch (form == null ? "" : form) {
			case "construction-appraisal" -> {
				v.put(ConstructionPermitProcess.APPRAISAL_CONCLUSION, "eligible");
				v.put(ConstructionPermitProcess.APPRAISAL_OPINION, "Phù hợp quy hoạch");
				v.put("siteInspectedOn", today);
			}
			case "construction-decision" -> {
				v.put(ConstructionPermitProcess.PERMIT_NUMBER, "12/GPXD");
				v.put("permitIssuedOn", today);
				v.put("permitStartDeadline", LocalDate.parse(today).plusMonths(12).toString());
			}
			case "death-civil-status" -> {
				v.put(DeathRegistrationProcess.DEATH_EXTRACT_NUMBER, "TLKT-05/2026");
				v.put(DeathRegistrationProcess.DEATH_REGISTER_ENTRY, "Quyển 01/2026, số 05");
				v.put(DeathRegistrationProcess.DEATH_REGISTERED_ON, today);
			}
			case "death-residence-removal" -> v.put(DeathRegistrationProcess.RESIDENCE_REMOVED_ON, today);
			case "death-funeral-support" -> {
				v.put(DeathRegistrationProcess.FUNERAL_SUPPORT_DECISION, "QĐ-15");
				v.put(DeathRegistrationProcess.FUNERAL_SUPPORT_AMOUNT, 9_000_000);
			}
			case "death-funeral-allowance" -> {
				v.put(DeathRegistrationProcess.FUNERAL_ALLOWANCE_DECISION, "QĐ-BHXH-7");
				v.put(DeathRegistrationProcess.FUNERAL_ALLOWANCE_AMOUNT, 23_400_000);
				v.put("funeralAllowancePaidFrom", today);
			}
			case "land-appraisal" -> {
				v.put(LandUseRightTransferProcess.CADASTRAL_TRANSFER_NUMBER, "PCT-45");
				v.put("cadastralTransferredOn", today);
			}
			case "land-tax-notice" -> {
				v.put(LandUseRightTransferProcess.TAX_NOTICE_NUMBER, "TB-01");
				v.put(LandUseRightTransferProcess.TAX_AMOUNT, 25_000_000);
				v.put("taxNoticeDate", today);
				v.put("taxPaymentDue", LocalDate.parse(today).plusDays(30).toString());
			}
			case "land-payment-confirmed" -> {
				v.put(LandUseRightTransferProcess.PAYMENT_RECEIPT_NUMBER, "BL-789");
				v.put(LandUseRightTransferProcess.PAYMENT_AMOUNT, 25_000_000);
				v.put("paidOn", today);
			}
			case "land-certificate-issued" -> {
				v.put(LandUseRightTransferProcess.NEW_CERTIFICATE_SERIAL, "DA 123456");
				v.put("certificateEntryNumber", "CS-01");
				v.put("certificateSignedOn", today);
			}
			default -> {
				// completeness check and the birth steps declare no required field besides the outcome
			}
		}
		return v;
	}

	static Map<String, Object> intake(String procedure) {
		Map<String, Object> v = new HashMap<>();
		v.put(DossierVariables.RECEIVING_UNIT, COMMUNE);
		v.put(DossierVariables.APPLICANT_PHONE, "0912345678");
		v.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Đông, xã An Bình");
		v.put(DossierVariables.CHANNEL, "in-person");
		switch (procedure) {
			case BirthRegistrationProcess.KEY -> {
				v.put(DossierVariables.APPLICANT_NAME, "Nguyễn Thị Lan");
				v.put(DossierVariables.APPLICANT_ID_NUMBER, "001190012345");
				v.put(DossierVariables.DOCUMENTS, List.of("to-khai-dien-tu", "giay-chung-sinh"));
				v.put(BirthRegistrationProcess.CHILD_NAME, "Trần Minh An");
				v.put(BirthRegistrationProcess.CHILD_BIRTH_DATE, LocalDate.now(Timeliness.ZONE).minusDays(3).toString());
				v.put(BirthRegistrationProcess.CHILD_SEX, "nam");
				v.put(BirthRegistrationProcess.MOTHER_NAME, "Nguyễn Thị Lan");
				v.put(BirthRegistrationProcess.BIRTHPLACE, "Trạm y tế xã An Bình");
			}
			case DeathRegistrationProcess.KEY -> {
				v.put(DossierVariables.APPLICANT_NAME, "Trần Văn Bình");
				v.put(DossierVariables.APPLICANT_ID_NUMBER, "001080012345");
				v.put(DossierVariables.DOCUMENTS, List.of("death-declaration", "death-notice"));
				v.put(DeathRegistrationProcess.RELATIONSHIP_TO_DECEASED, "con");
				v.put(DeathRegistrationProcess.DECEASED_NAME, "Trần Văn Hải");
				v.put(DeathRegistrationProcess.DECEASED_ID_NUMBER, "001045009876");
				v.put(DeathRegistrationProcess.DECEASED_BIRTH_DATE, "1945-03-02");
				v.put(DeathRegistrationProcess.DEATH_DATE, LocalDate.now(Timeliness.ZONE).minusDays(2).toString());
				v.put(DeathRegistrationProcess.DEATH_PLACE, "Trạm y tế xã");
				v.put(DeathRegistrationProcess.DEATH_CAUSE, "Tuổi già");
				v.put(DeathRegistrationProcess.DEATH_NOTICE_NUMBER, "GBT-12/2026");
				v.put(DeathRegistrationProcess.REQUEST_RESIDENCE_REMOVAL, true);
				v.put(DeathRegistrationProcess.REQUEST_FUNERAL_ALLOWANCE, true);
				v.put(DeathRegistrationProcess.REQUEST_FUNERAL_SUPPORT, true);
				v.put(DeathRegistrationProcess.DECEASED_INSURANCE_NUMBER, "0123456789");
			}
			case ConstructionPermitProcess.KEY -> {
				v.put(DossierVariables.APPLICANT_NAME, "Lê Văn Hùng");
				v.put(DossierVariables.APPLICANT_ID_NUMBER, "001085012345");
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
			case LandUseRightTransferProcess.KEY -> {
				v.put(DossierVariables.APPLICANT_NAME, "Phạm Thị Hoa");
				v.put(DossierVariables.APPLICANT_ID_NUMBER, "001190054321");
				v.put(DossierVariables.DOCUMENTS, List.of("registration-form", "transfer-contract", "original-certificate"));
				v.put(LandUseRightTransferProcess.PARCEL_NUMBER, "45");
				v.put(LandUseRightTransferProcess.MAP_SHEET_NUMBER, "12");
				v.put(LandUseRightTransferProcess.LAND_ADDRESS, "Thửa 45, tờ 12, xã An Bình");
				v.put(LandUseRightTransferProcess.LAND_AREA, 120);
				v.put(LandUseRightTransferProcess.CERTIFICATE_SERIAL, "CH 654321");
				v.put(LandUseRightTransferProcess.TRANSFEROR_NAME, "Phạm Thị Hoa");
				v.put(LandUseRightTransferProcess.TRANSFEROR_ID_NUMBER, "001190054321");
				v.put(LandUseRightTransferProcess.TRANSFEREE_NAME, "Đỗ Văn Nam");
				v.put(LandUseRightTransferProcess.TRANSFEREE_ID_NUMBER, "001088011122");
				v.put(LandUseRightTransferProcess.CONTRACT_NUMBER, "1234/2026/CN");
				v.put(LandUseRightTransferProcess.CONTRACT_DATE, LocalDate.now(Timeliness.ZONE).minusDays(5).toString());
				v.put(LandUseRightTransferProcess.TRANSFER_PRICE, 1_500_000_000L);
			}
			default -> throw new IllegalArgumentException(procedure);
		}
		return v;
	}

}
