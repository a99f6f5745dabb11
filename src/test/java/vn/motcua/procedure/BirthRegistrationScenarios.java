package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.Timeliness;

import static vn.motcua.procedure.AgencyStepProcess.Elements.HANDLE_STEP;
import static vn.motcua.procedure.BirthRegistrationProcess.Elements;

/**
 * The birth registration procedure end to end, run on each organisation file by a subclass that
 * names the units the organisation routes to.
 */
abstract class BirthRegistrationScenarios extends ProcedureTestBase {

	/** The commune whose desk receives the dossier (and registers the birth). */
	abstract String commune();

	/** The commune police (permanent residence). */
	abstract String police();

	/** The social insurance unit (health-insurance card). */
	abstract String socialInsurance();

	String officers(String unit) {
		return unit + "-officers";
	}

	ProcessInstance receive(LocalDateTime at) {
		clock(at);
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierVariables.RECEIVING_UNIT, commune());
		variables.put(DossierVariables.APPLICANT_NAME, "Nguyễn Thị Lan");
		variables.put(DossierVariables.APPLICANT_ID_NUMBER, "001190012345");
		variables.put(DossierVariables.APPLICANT_PHONE, "0912345678");
		variables.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Đông, " + commune());
		variables.put(DossierVariables.CHANNEL, "in-person");
		variables.put(DossierVariables.DOCUMENTS, List.of("to-khai-dien-tu", "giay-chung-sinh"));
		variables.put(BirthRegistrationProcess.CHILD_NAME, "Trần Minh An");
		variables.put(BirthRegistrationProcess.CHILD_BIRTH_DATE, "2026-02-10");
		variables.put(BirthRegistrationProcess.CHILD_SEX, "nam");
		variables.put(BirthRegistrationProcess.MOTHER_NAME, "Nguyễn Thị Lan");
		variables.put(BirthRegistrationProcess.BIRTHPLACE, "Trạm y tế " + commune());
		return this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY, variables);
	}

	Task step(String code, String unit) {
		Task task = task(code, HANDLE_STEP, officers(unit));
		assertThat(task).as("step task for " + unit).isNotNull();
		return task;
	}

	/** Received Friday 13/02/2026 09:00; checked and the birth registered the same morning. */
	ProcessInstance throughBirthRegistration() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		clock(BEFORE_TET.plusMinutes(30));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		clock(BEFORE_TET.plusMinutes(60));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		return instance;
	}

	@Test
	void happyPath() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		assertThat(code).matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.H\\d{2}-260213-\\d{4}");
		assertThat(instance.getBusinessKey()).isEqualTo(code);
		Dossier dossier = this.dossiers.get(code);
		// 3 working days from Friday 09:00, across Tết (14–22/02): Wednesday 25/02 09:00
		assertThat(local(dossier.due())).isEqualTo(LocalDateTime.of(2026, 2, 25, 9, 0));
		assertThat(dossier.due()).isEqualTo(this.calendar.dueFrom(at(BEFORE_TET), 3));
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.APOLOGY_AT))
			.isEqualTo(this.calendar.before(dossier.due(), 1));
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()).isEqualTo(this.calendar.before(dossier.due(), 1));
		assertThat(dossier.status()).isEqualTo(DossierStatus.IN_PROGRESS);

		Task check = step(code, commune());
		assertThat(check.getName()).isEqualTo("Kiểm tra tính đầy đủ của hồ sơ");
		assertThat(local(check.getDueDate())).isEqualTo(LocalDateTime.of(2026, 2, 13, 14, 30));
		// formRef="${stepForm}" is evaluated, with binding deployment
		Task withForm = this.tasks.createTaskQuery().taskId(check.getId()).initializeFormKeys().singleResult();
		assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("completeness-check");
		assertThat(this.forms.getDeployedTaskForm(check.getId())).isNotNull();
		clock(BEFORE_TET.plusMinutes(30));
		completeStep(check, AgencyStepProcess.DONE, Map.of());

		Task birth = step(code, commune());
		assertThat(birth.getName()).isEqualTo("Đăng ký khai sinh");
		// same-day step of one working day received at 09:30 Friday: due Monday 23/02 09:30
		assertThat(local(birth.getDueDate())).isEqualTo(LocalDateTime.of(2026, 2, 23, 9, 30));
		clock(BEFORE_TET.plusMinutes(60));
		completeStep(birth, AgencyStepProcess.DONE, Map.of());

		Task residence = step(code, police());
		Task insurance = step(code, socialInsurance());
		clock(BEFORE_TET.plusHours(2));
		completeStep(residence, AgencyStepProcess.DONE, Map.of());
		completeStep(insurance, AgencyStepProcess.DONE, Map.of());

		Task giveBack = task(code, Elements.RETURN_RESULT, officers(commune()));
		assertThat(giveBack.getDueDate()).isEqualTo(dossier.due());
		clock(BEFORE_TET.plusHours(3));
		this.tasks.complete(giveBack.getId(), Map.of("returnMethod", "in-person", "resultHandedOver", true,
				"recipientName", "Nguyễn Thị Lan"));

		assertThat(instance).isEnded().hasPassed(Elements.CLOSE_DOSSIER, Elements.RESULT_RETURNED);
		Dossier returned = this.dossiers.get(code);
		assertThat(returned.status()).isEqualTo(DossierStatus.RETURNED);
		assertThat(returned.timeliness()).isEqualTo(Timeliness.EARLY);
		List<Handoff> sheet = this.handoffs.ofDossier(code);
		assertThat(sheet).extracting(Handoff::toUnit)
			.containsExactlyInAnyOrder(commune(), commune(), police(), socialInsurance());
		assertThat(sheet).allSatisfy(h -> {
			assertThat(h.finishedAt()).isNotNull();
			assertThat(h.stepOutcome()).isEqualTo("done");
		});
		// checked on the day it was due (14:30), the others before their due day
		assertThat(sheet).extracting(Handoff::outcome).containsExactly("ON_TIME", "EARLY", "EARLY", "EARLY");
		assertThat(sheet).filteredOn(h -> h.toUnit().equals(police())).singleElement().satisfies(h -> {
			assertThat(h.fromUnit()).isEqualTo(commune());
			assertThat(h.stepElement()).isEqualTo(Elements.REGISTER_RESIDENCE);
			assertThat(h.allottedDays()).isEqualByComparingTo(BigDecimal.valueOf(2));
			assertThat(h.workingDaysUsed()).isEqualByComparingTo(new BigDecimal("0.13"));
		});
	}

	@Test
	void supplementStopsAndRestartsTheClocksAcrossTet() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		clock(BEFORE_TET.plusMinutes(30));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		Task birth = step(code, commune());
		var dossierDue = this.dossiers.get(code).due();

		// Friday 10:30: the civil-status officer asks for the original birth certificate
		LocalDateTime asked = BEFORE_TET.plusMinutes(90);
		clock(asked);
		completeStep(birth, AgencyStepProcess.SUPPLEMENT, Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Giấy chứng sinh bản chính"));
		Dossier waiting = this.dossiers.get(code);
		assertThat(waiting.status()).isEqualTo(DossierStatus.WAITING_CITIZEN);
		assertThat(waiting.officeTimeLeft()).isEqualTo(this.calendar.officeTimeBetween(at(asked), dossierDue));
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()).isEqualTo(DossierClock.STOPPED);
		Task supplement = task(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT, officers(commune()));
		assertThat(supplement.getDueDate()).isEqualTo(this.calendar.dueFrom(at(asked), 7));
		Handoff paused = this.handoffs.ofDossier(code).get(1);
		assertThat(paused.stepTimeLeft()).isEqualTo(this.calendar.officeTimeBetween(at(asked), paused.dueAt()));

		// the citizen brings it on Tuesday 24/02 14:00
		LocalDateTime back = LocalDateTime.of(2026, 2, 24, 14, 0);
		clock(back);
		this.tasks.complete(supplement.getId(), Map.of("supplementReceived", true));
		Task again = step(code, commune());
		// 7 office hours were left (Fri 10:30–17:00 less lunch, Mon 23/02 07:30–09:30): Wed 25/02 11:30
		assertThat(local(again.getDueDate())).isEqualTo(LocalDateTime.of(2026, 2, 25, 11, 30));
		assertThat(again.getDueDate()).isEqualTo(this.calendar.resume(at(back), paused.stepTimeLeft()));
		Dossier resumed = this.dossiers.get(code);
		assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(resumed.due()).isEqualTo(this.calendar.resume(at(back), waiting.officeTimeLeft()));
		assertThat(local(resumed.due())).isEqualTo(LocalDateTime.of(2026, 2, 27, 11, 0));
		Job apology = timer(instance.getId(), Elements.APOLOGY_DUE);
		assertThat(apology.isSuspended()).isFalse();
		assertThat(apology.getDuedate()).isEqualTo(this.calendar.before(resumed.due(), 1));
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(resumed.due());

		// a second supplement by the same agency is refused
		assertThatThrownBy(() -> completeStep(again, AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Văn bản ủy quyền")))
			.hasRootCauseInstanceOf(StepRuleViolation.class)
			.hasMessageContaining("mỗi cơ quan chỉ được yêu cầu bổ sung hồ sơ một lần");
		completeStep(again, AgencyStepProcess.DONE, Map.of());
		Handoff done = this.handoffs.ofDossier(code).get(1);
		assertThat(done.outcome()).isEqualTo("EARLY");
		assertThat(done.pausedWorkingDays()).isGreaterThan(BigDecimal.ZERO);
		assertThat(step(code, police())).isNotNull();
		// the step sub-process hands back the moved appointment, not the one it started with
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(resumed.due());
	}

	@Test
	void citizenWhoDoesNotSupplementIsRefused() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		completeStep(step(code, commune()), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Tờ khai có chữ ký"));
		Task supplement = task(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT, officers(commune()));
		Job overdue = timer(supplement.getProcessInstanceId(), AgencyStepProcess.Elements.SUPPLEMENT_OVERDUE);
		assertThat(overdue.getDuedate()).isEqualTo(supplement.getDueDate());
		ClockUtilHelper.after(overdue.getDuedate());
		this.management.executeJob(overdue.getId());
		assertThat(instance).isEnded().hasPassed(Elements.REFUSAL, Elements.REFUSE_DOSSIER, Elements.DOSSIER_REFUSED);
		Dossier refused = this.dossiers.get(code);
		assertThat(refused.status()).isEqualTo(DossierStatus.REFUSED);
		assertThat(refused.refusalReason()).contains("không bổ sung");
	}

	@Test
	void startVariablesObeyTheIntakeForm() {
		clock(BEFORE_TET);
		long dossiers = this.dossiers.count();
		assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY,
				Map.of(DossierVariables.RECEIVING_UNIT, commune(), DossierVariables.APPLICANT_NAME, "Nguyễn Thị Lan",
						DossierVariables.APPLICANT_ID_NUMBER, "12")))
			.hasMessageContaining("Hồ sơ chưa hợp lệ")
			.hasMessageContaining("Số định danh cá nhân");
		assertThat(this.dossiers.count()).isEqualTo(dossiers);
	}

	@Test
	void refusal() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		Task check = step(code, commune());
		assertThatThrownBy(() -> completeStep(check, AgencyStepProcess.REFUSE, Map.of()))
			.hasRootCauseInstanceOf(StepRuleViolation.class)
			.hasMessageContaining("lý do");
		assertThatThrownBy(() -> completeStep(check, AgencyStepProcess.SUPPLEMENT, Map.of()))
			.hasRootCauseInstanceOf(StepRuleViolation.class)
			.hasMessageContaining("giấy tờ cần bổ sung");
		completeStep(check, AgencyStepProcess.REFUSE,
				Map.of(DossierVariables.REFUSAL_REASON, "Trẻ đã được đăng ký khai sinh tại nơi khác"));
		assertThat(instance).isEnded().hasPassed(Elements.REFUSAL, Elements.REFUSE_DOSSIER, Elements.DOSSIER_REFUSED).hasNotPassed(Elements.REGISTER_BIRTH);
		Dossier refused = this.dossiers.get(code);
		assertThat(refused.status()).isEqualTo(DossierStatus.REFUSED);
		assertThat(refused.refusalReason()).isEqualTo("Trẻ đã được đăng ký khai sinh tại nơi khác");
		assertThat(this.handoffs.ofDossier(code)).singleElement().extracting(Handoff::stepOutcome).isEqualTo("refuse");
	}

	@Test
	void breachIsRecordedAndEscalatedToTheSupervisors() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		clock(BEFORE_TET.plusMinutes(30));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		Task birth = step(code, commune());
		String official = commune() + ".officer";
		this.tasks.claim(birth.getId(), official);
		String stepInstance = birth.getProcessInstanceId();

		Job warning = timer(stepInstance, AgencyStepProcess.Elements.WARNING);
		assertThat(warning.getDuedate()).isEqualTo(this.calendar.before(birth.getDueDate(), 0.5));
		ClockUtilHelper.after(warning.getDuedate());
		this.management.executeJob(warning.getId());
		assertThat(this.handoffs.ofDossier(code).get(1).remindedAt()).isNotNull();

		breachAndExpectEscalation(code, birth, commune(), official);

		completeStep(birth, AgencyStepProcess.DONE, Map.of());
		Handoff late = this.handoffs.ofDossier(code).get(1);
		assertThat(late.outcome()).isEqualTo("LATE");
		assertThat(late.finishedBy()).isEqualTo(official);
		assertThat(step(code, police())).isNotNull();
	}

	@Test
	void apologyReschedulesOnce() {
		ProcessInstance instance = throughBirthRegistration();
		String code = codeOf(instance);
		clock(BEFORE_TET.plusHours(2));
		completeStep(step(code, socialInsurance()), AgencyStepProcess.DONE, Map.of());
		var due = this.dossiers.get(code).due();

		assertApologyTimerAsModelled(instance);
		Job apologyDue = timer(instance.getId(), Elements.APOLOGY_DUE);
		ClockUtilHelper.after(apologyDue.getDuedate());
		this.management.executeJob(apologyDue.getId());
		// the police still hold their step: the apology falls on them
		Task apology = task(code, Elements.ISSUE_APOLOGY, officers(police()));
		assertThat(apology).isNotNull();
		assertThat(apology.getDueDate()).isEqualTo(due);

		assertThatThrownBy(() -> this.tasks.complete(apology.getId(),
				Map.of(DossierVariables.APOLOGY_REASON, "Chờ xác minh cư trú", DossierVariables.NEW_APPOINTMENT, "2026-02-20T10:00")))
			.hasMessageContaining("phải sau ngày hẹn hiện tại");
		this.tasks.complete(apology.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Chờ xác minh thông tin cư trú",
				DossierVariables.NEW_APPOINTMENT, "2026-03-02T16:00"));
		approveApology(code, police(), due);
		Dossier rescheduled = this.dossiers.get(code);
		assertThat(local(rescheduled.due())).isEqualTo(LocalDateTime.of(2026, 3, 2, 16, 0));
		assertThat(rescheduled.originalDue()).isEqualTo(due);
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(rescheduled.due());
		Map<String, Object> row = this.jdbc.sql("select * from apology where dossier_code = ?").param(code).query().singleRow();
		assertThat(row.get("UNIT_AT_FAULT")).isEqualTo(police());

		// a second apology task (started by hand) cannot reschedule again
		this.runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(Elements.ISSUE_APOLOGY).execute();
		Task second = task(code, Elements.ISSUE_APOLOGY, officers(police()));
		assertThatThrownBy(() -> this.tasks.complete(second.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Lần hai",
				DossierVariables.NEW_APPOINTMENT, "2026-03-10T16:00")))
			.hasMessageContaining("chỉ được hẹn lại một lần");
		assertThat(this.dossiers.get(code).due()).isEqualTo(rescheduled.due());

		// returned after the legal date: late, although before the new appointment
		clock(LocalDateTime.of(2026, 2, 26, 9, 0));
		completeStep(step(code, police()), AgencyStepProcess.DONE, Map.of());
		Task giveBack = task(code, Elements.RETURN_RESULT, officers(commune()));
		assertThat(giveBack.getDueDate()).isEqualTo(rescheduled.due());
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		assertThat(this.dossiers.get(code).timeliness()).isEqualTo(Timeliness.LATE);
	}


	@Test
	void stopAtTheApplicantsRequestEndsTheParallelStepsAndEveryTimer() {
		ProcessInstance instance = throughBirthRegistration();
		assertThat(tasks(codeOf(instance), HANDLE_STEP)).hasSize(2);
		stopAndExpectStopped(instance, "2026-02-13");
	}

	@Test
	void stopIsRefusedToAnotherUnitWithoutARequestAndAfterTheResult() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		String reason = "Người nộp xin rút hồ sơ";
		assertThatThrownBy(() -> this.stops.stop(code, "2026-02-13", reason, police() + ".officer",
				List.of(officers(police()))))
			.isInstanceOfSatisfying(StopRefused.class, r -> assertThat(r.status().value()).isEqualTo(403));
		assertThatThrownBy(() -> this.stops.stop(code, "2026-02-14", reason, commune() + ".officer",
				List.of(officers(commune()))))
			.as("a request in the future")
			.isInstanceOfSatisfying(StopRefused.class, r -> assertThat(r.field()).isEqualTo("requestedOn"));
		assertThatThrownBy(() -> this.stops.stop(code, "13/02/2026", reason, commune() + ".officer",
				List.of(officers(commune()))))
			.isInstanceOfSatisfying(StopRefused.class, r -> assertThat(r.field()).isEqualTo("requestedOn"));
		assertThatThrownBy(() -> this.stops.stop(code, "2026-02-13", " ", commune() + ".officer",
				List.of(officers(commune()))))
			.isInstanceOfSatisfying(StopRefused.class, r -> assertThat(r.field()).isEqualTo("reason"));
		// a stop message correlated past the desk's rules stops nothing
		assertThatThrownBy(() -> this.runtime.correlateMessage(ProcedureElements.STOP_MESSAGE, code))
			.hasMessageContaining("paths.stop.notRecorded");
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(this.stops.find(code)).isEmpty();

		for (int i = 0; i < 3; i++) {
			tasks(code, HANDLE_STEP).forEach(t -> completeStep(t, AgencyStepProcess.DONE, Map.of()));
		}
		Task giveBack = task(code, Elements.RETURN_RESULT, officers(commune()));
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		assertThatThrownBy(() -> this.stops.stop(code, "2026-02-13", reason, commune() + ".officer",
				List.of(officers(commune()))))
			.isInstanceOfSatisfying(StopRefused.class, r -> {
				assertThat(r.status().value()).isEqualTo(409);
				assertThat(r.getMessage()).isEqualTo("paths.stop.finished.RETURNED");
			});
		assertThat(this.stops.find(code)).isEmpty();
	}

	@Test
	void rejectedApologyIsRedraftedAndOnlyTheApprovedOneMovesTheAppointmentOnce() {
		ProcessInstance instance = throughBirthRegistration();
		String code = codeOf(instance);
		clock(BEFORE_TET.plusHours(2));
		completeStep(step(code, socialInsurance()), AgencyStepProcess.DONE, Map.of());
		var due = this.dossiers.get(code).due();
		Job apologyDue = timer(instance.getId(), Elements.APOLOGY_DUE);
		ClockUtilHelper.after(apologyDue.getDuedate());
		this.management.executeJob(apologyDue.getId());
		Task draft = task(code, Elements.ISSUE_APOLOGY, officers(police()));
		this.tasks.complete(draft.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Chờ xác minh cư trú",
				DossierVariables.NEW_APPOINTMENT, "2026-03-02T16:00"));
		Task approval = task(code, Elements.APPROVE_APOLOGY, police() + "-supervisors");
		assertThat(approval.getDueDate()).isEqualTo(due);

		// an officer of the unit at fault may not approve, even as the task's assignee would
		var identity = this.engine.getIdentityService();
		identity.setAuthentication(police() + ".officer", List.of(officers(police())));
		try {
			assertThatThrownBy(() -> this.tasks.complete(approval.getId(),
					Map.of(DossierVariables.APOLOGY_DECISION, "approve")))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		}
		finally {
			identity.clearAuthentication();
		}
		assertThatThrownBy(() -> this.tasks.complete(approval.getId(), Map.of(DossierVariables.APOLOGY_DECISION, "reject")))
			.as("a rejection names its reason")
			.hasMessageContaining("apologyDecisionNote");
		this.tasks.complete(approval.getId(), Map.of(DossierVariables.APOLOGY_DECISION, "reject",
				DossierVariables.APOLOGY_DECISION_NOTE, "Lý do chưa cụ thể, nêu rõ việc cần xác minh"));
		assertThat(this.dossiers.get(code).due()).as("rejected: not moved").isEqualTo(due);
		assertThat(this.jdbc.sql("select count(*) from apology where dossier_code = ?").param(code).query(Long.class).single())
			.isZero();
		Task redraft = task(code, Elements.ISSUE_APOLOGY, officers(police()));
		assertThat(redraft).as("back to the unit at fault").isNotNull();
		this.tasks.complete(redraft.getId(), Map.of(DossierVariables.APOLOGY_REASON,
				"Chờ công an xã xác minh nơi thường trú của người mẹ", DossierVariables.NEW_APPOINTMENT, "2026-03-03T16:00"));

		identity.setAuthentication(police() + ".supervisor", List.of(police() + "-supervisors", officers(police())));
		try {
			this.tasks.complete(task(code, Elements.APPROVE_APOLOGY, police() + "-supervisors").getId(),
					Map.of(DossierVariables.APOLOGY_DECISION, "approve"));
		}
		finally {
			identity.clearAuthentication();
		}
		Dossier moved = this.dossiers.get(code);
		assertThat(local(moved.due())).isEqualTo(LocalDateTime.of(2026, 3, 3, 16, 0));
		assertThat(moved.originalDue()).isEqualTo(due);
		Map<String, Object> row = this.jdbc.sql("select * from apology where dossier_code = ?").param(code).query().singleRow();
		assertThat(row.get("APPROVED_BY")).isEqualTo(police() + ".supervisor");
		assertThat(row.get("REASON")).isEqualTo("Chờ công an xã xác minh nơi thường trú của người mẹ");
		assertThat(this.jdbc.sql("select decision from apology_draft where dossier_code = ? order by id").param(code)
			.query(String.class).list()).containsExactly("reject", "approve");
		assertThat(instance).isWaitingAt(Elements.REGISTER_RESIDENCE).hasPassed(Elements.APOLOGY_APPROVED);
		assertThat(tasks(code, Elements.ISSUE_APOLOGY)).isEmpty();
	}

}
