package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedure.AgencyStepProcess.Elements.HANDLE_STEP;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
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
import vn.motcua.procedure.DeathRegistrationProcess.Elements;

/**
 * Death registration with, as the family chooses, removal of permanent residence, the funeral
 * allowance and the funeral support (liên thông group 2), run on each organisation file by a
 * subclass naming the units.
 */
abstract class DeathRegistrationScenarios extends ProcedureTestBase {

	/** The commune: desk, civil status and social assistance (funeral support). */
	abstract String commune();

	/** The commune police (removal of permanent residence). */
	abstract String police();

	/** The social insurance unit (funeral allowance). */
	abstract String socialInsurance();

	String officers(String unit) {
		return unit + "-officers";
	}

	ProcessInstance receive(LocalDateTime at, boolean residence, boolean allowance, boolean support) {
		clock(at);
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierVariables.RECEIVING_UNIT, commune());
		variables.put(DossierVariables.APPLICANT_NAME, "Trần Văn Bình");
		variables.put(DossierVariables.APPLICANT_ID_NUMBER, "001080012345");
		variables.put(DossierVariables.APPLICANT_PHONE, "0912000111");
		variables.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Tây, " + commune());
		variables.put(DossierVariables.CHANNEL, "in-person");
		variables.put(DossierVariables.DOCUMENTS, List.of("death-declaration", "death-notice"));
		variables.put(DeathRegistrationProcess.RELATIONSHIP_TO_DECEASED, "con");
		variables.put(DeathRegistrationProcess.DECEASED_NAME, "Trần Văn Hải");
		variables.put(DeathRegistrationProcess.DECEASED_ID_NUMBER, "001045009876");
		variables.put(DeathRegistrationProcess.DECEASED_BIRTH_DATE, "1945-03-02");
		variables.put(DeathRegistrationProcess.DEATH_DATE, "2026-02-11");
		variables.put(DeathRegistrationProcess.DEATH_PLACE, "Trạm y tế xã");
		variables.put(DeathRegistrationProcess.DEATH_CAUSE, "Tuổi già");
		variables.put(DeathRegistrationProcess.DEATH_NOTICE_NUMBER, "GBT-12/2026");
		variables.put(DeathRegistrationProcess.REQUEST_RESIDENCE_REMOVAL, residence);
		variables.put(DeathRegistrationProcess.REQUEST_FUNERAL_ALLOWANCE, allowance);
		variables.put(DeathRegistrationProcess.REQUEST_FUNERAL_SUPPORT, support);
		if (allowance) {
			variables.put(DeathRegistrationProcess.DECEASED_INSURANCE_NUMBER, "0123456789");
		}
		return this.runtime.startProcessInstanceByKey(DeathRegistrationProcess.KEY, variables);
	}

	ProcessInstance receiveAll(LocalDateTime at) {
		return receive(at, true, true, true);
	}

	Task step(String code, String unit) {
		Task task = task(code, HANDLE_STEP, officers(unit));
		assertThat(task).as("step task for " + unit).isNotNull();
		return task;
	}

	/** The step task of this call activity (the commune holds several functions). */
	Task step(String code, String unit, String callActivity) {
		Task task = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(HANDLE_STEP)
			.taskCandidateGroup(officers(unit))
			.list()
			.stream()
			.filter(t -> callActivity.equals(this.handoffs.ofDossier(code)
				.stream()
				.filter(h -> h.stepInstanceId().equals(t.getProcessInstanceId()))
				.findFirst()
				.orElseThrow()
				.stepElement()))
			.findFirst()
			.orElse(null);
		assertThat(task).as(callActivity + " at " + unit).isNotNull();
		return task;
	}

	/** Received Friday 13/02/2026 09:00, checked at 09:30, the death registered at 10:00. */
	ProcessInstance throughDeathRegistration(boolean residence, boolean allowance, boolean support) {
		ProcessInstance instance = receive(BEFORE_TET, residence, allowance, support);
		String code = codeOf(instance);
		clock(BEFORE_TET.plusMinutes(30));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		clock(BEFORE_TET.plusMinutes(60));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, civilStatus());
		return instance;
	}

	static Map<String, Object> civilStatus() {
		return Map.of(DeathRegistrationProcess.DEATH_EXTRACT_NUMBER, "TLKT-05/2026",
				DeathRegistrationProcess.DEATH_REGISTER_ENTRY, "Quyển 01/2026, số 05",
				DeathRegistrationProcess.DEATH_REGISTERED_ON, "2026-02-13");
	}

	void returnResult(String code) {
		Task giveBack = task(code, Elements.RETURN_RESULT, officers(commune()));
		assertThat(giveBack).as("return task").isNotNull();
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true, "recipientName", "Trần Văn Bình"));
	}

	@Test
	void happyPathWithAllThreeProceduresAcrossTet() {
		ProcessInstance instance = receiveAll(BEFORE_TET);
		String code = codeOf(instance);
		assertThat(instance.getBusinessKey()).isEqualTo(code);
		Dossier dossier = this.dossiers.get(code);
		// 7 working days from Friday 13/02 09:00, across Tết (14–22/02): Tuesday 03/03 09:00
		assertThat(local(dossier.due())).isEqualTo(LocalDateTime.of(2026, 3, 3, 9, 0));
		assertThat(dossier.due()).isEqualTo(this.calendar.dueFrom(at(BEFORE_TET), catalogue(DeathRegistrationProcess.KEY).legalWorkingDays()));
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()).isEqualTo(this.calendar.before(dossier.due(), 1));
		// one working day before Tuesday 03/03 09:00 is Monday 02/03 09:00
		assertThat(local(this.calendar.before(dossier.due(), 1))).isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 0));

		Task check = step(code, commune());
		assertThat(local(check.getDueDate())).isEqualTo(LocalDateTime.of(2026, 2, 13, 14, 30));
		clock(BEFORE_TET.plusMinutes(30));
		completeStep(check, AgencyStepProcess.DONE, Map.of());

		Task death = step(code, commune());
		assertThat(death.getName()).isEqualTo("Đăng ký khai tử");
		Task withForm = this.tasks.createTaskQuery().taskId(death.getId()).initializeFormKeys().singleResult();
		assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo(DeathRegistrationProcess.Forms.CIVIL_STATUS);
		// same-day step of one working day received Friday 09:30, before Tết: Monday 23/02 09:30
		assertThat(local(death.getDueDate())).isEqualTo(LocalDateTime.of(2026, 2, 23, 9, 30));
		LocalDateTime registered = BEFORE_TET.plusMinutes(60);
		clock(registered);
		completeStep(death, AgencyStepProcess.DONE, civilStatus());

		Task residence = step(code, police());
		Task allowance = step(code, socialInsurance());
		Task support = step(code, commune());
		assertThat(residence.getName()).isEqualTo("Xóa đăng ký thường trú");
		assertThat(allowance.getName()).isEqualTo("Giải quyết trợ cấp mai táng");
		assertThat(support.getName()).isEqualTo("Hỗ trợ chi phí mai táng");
		assertThat(residence.getDueDate()).isEqualTo(this.calendar.dueFrom(at(registered), 2));
		// 2 working days from Friday 10:00 across Tết: Tuesday 24/02 10:00
		assertThat(local(residence.getDueDate())).isEqualTo(LocalDateTime.of(2026, 2, 24, 10, 0));
		assertThat(allowance.getDueDate()).isEqualTo(this.calendar.dueFrom(at(registered), 5.5));
		assertThat(support.getDueDate()).isEqualTo(this.calendar.dueFrom(at(registered), 3));
		assertThat(tasks(code, Elements.RETURN_RESULT)).isEmpty();

		clock(LocalDateTime.of(2026, 2, 23, 9, 0));
		completeStep(residence, AgencyStepProcess.DONE, Map.of(DeathRegistrationProcess.RESIDENCE_REMOVED_ON, "2026-02-23"));
		completeStep(support, AgencyStepProcess.DONE, Map.of(DeathRegistrationProcess.FUNERAL_SUPPORT_DECISION, "QĐ-15",
				DeathRegistrationProcess.FUNERAL_SUPPORT_AMOUNT, 9_000_000));
		// the inclusive join waits for the funeral allowance
		assertThat(tasks(code, Elements.RETURN_RESULT)).isEmpty();
		clock(LocalDateTime.of(2026, 2, 26, 15, 0));
		completeStep(allowance, AgencyStepProcess.DONE, Map.of(DeathRegistrationProcess.FUNERAL_ALLOWANCE_DECISION, "QĐ-BHXH-7",
				DeathRegistrationProcess.FUNERAL_ALLOWANCE_AMOUNT, 23_400_000));

		Task giveBack = task(code, Elements.RETURN_RESULT, officers(commune()));
		assertThat(giveBack.getDueDate()).isEqualTo(dossier.due());
		clock(LocalDateTime.of(2026, 2, 27, 8, 0));
		returnResult(code);
		assertThat(instance).isEnded()
			.hasPassed(Elements.REMOVE_RESIDENCE, Elements.SETTLE_FUNERAL_ALLOWANCE, Elements.GRANT_FUNERAL_SUPPORT,
					Elements.PROCEDURES_SETTLED, Elements.CLOSE_DOSSIER, Elements.RESULT_RETURNED)
			.hasNotPassed(Elements.REFUSAL, Elements.REFUSE_DOSSIER, Elements.DOSSIER_REFUSED);
		Dossier returned = this.dossiers.get(code);
		assertThat(returned.status()).isEqualTo(DossierStatus.RETURNED);
		assertThat(returned.timeliness()).isEqualTo(Timeliness.EARLY);
		assertThat(returned.refusalReason()).isNull();
		List<Handoff> sheet = this.handoffs.ofDossier(code);
		assertThat(sheet).extracting(Handoff::stepElement)
			.containsExactlyInAnyOrder(Elements.CHECK_COMPLETENESS, Elements.REGISTER_DEATH, Elements.REMOVE_RESIDENCE,
					Elements.SETTLE_FUNERAL_ALLOWANCE, Elements.GRANT_FUNERAL_SUPPORT);
		assertThat(sheet).extracting(Handoff::toUnit)
			.containsExactlyInAnyOrder(commune(), commune(), police(), socialInsurance(), commune());
		assertThat(sheet).allSatisfy(h -> assertThat(h.stepOutcome()).isEqualTo("done"));
		assertThat(sheet).filteredOn(h -> h.toUnit().equals(socialInsurance()))
			.singleElement()
			.satisfies(h -> assertThat(h.fromUnit()).isEqualTo(commune()));
	}

	@Test
	void deathRegistrationOnlyTakesTheDefaultFlow() {
		ProcessInstance instance = throughDeathRegistration(false, false, false);
		String code = codeOf(instance);
		assertThat(tasks(code, HANDLE_STEP)).isEmpty();
		clock(BEFORE_TET.plusMinutes(90));
		returnResult(code);
		assertThat(instance).isEnded()
			.hasPassed(Elements.PROCEDURES_REQUESTED, Elements.PROCEDURES_SETTLED, Elements.RESULT_RETURNED)
			.hasNotPassed(Elements.REMOVE_RESIDENCE, Elements.SETTLE_FUNERAL_ALLOWANCE, Elements.GRANT_FUNERAL_SUPPORT);
		assertThat(this.handoffs.ofDossier(code)).extracting(Handoff::stepElement)
			.containsExactly(Elements.CHECK_COMPLETENESS, Elements.REGISTER_DEATH);
		Dossier returned = this.dossiers.get(code);
		assertThat(returned.status()).isEqualTo(DossierStatus.RETURNED);
		assertThat(returned.timeliness()).isEqualTo(Timeliness.EARLY);
	}

	@Test
	void onlyTheChosenBranchesRun() {
		ProcessInstance instance = throughDeathRegistration(true, false, false);
		String code = codeOf(instance);
		assertThat(tasks(code, HANDLE_STEP)).singleElement()
			.satisfies(t -> assertThat(t.getName()).isEqualTo("Xóa đăng ký thường trú"));
		completeStep(step(code, police()), AgencyStepProcess.DONE, Map.of());
		returnResult(code);
		assertThat(instance).isEnded()
			.hasPassed(Elements.REMOVE_RESIDENCE)
			.hasNotPassed(Elements.SETTLE_FUNERAL_ALLOWANCE, Elements.GRANT_FUNERAL_SUPPORT);
	}

	@Test
	void supplementInABranchPausesTheDossierClockAndExtendsTheAppointmentByThePausedOfficeTime() {
		ProcessInstance instance = throughDeathRegistration(true, true, false);
		String code = codeOf(instance);
		Date due = this.dossiers.get(code).due();
		Task allowance = step(code, socialInsurance());

		// Friday 13/02 14:00: social insurance asks for the insurance book
		LocalDateTime asked = BEFORE_TET.plusHours(5);
		clock(asked);
		completeStep(allowance, AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Sổ bảo hiểm xã hội của người chết"));
		Dossier waiting = this.dossiers.get(code);
		assertThat(waiting.status()).isEqualTo(DossierStatus.WAITING_CITIZEN);
		assertThat(waiting.officeTimeLeft()).isEqualTo(this.calendar.officeTimeBetween(at(asked), due));
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()).isEqualTo(DossierClock.STOPPED);
		Task supplement = task(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT, officers(commune()));
		assertThat(supplement.getDueDate()).isEqualTo(this.calendar.dueFrom(at(asked), 7));
		Handoff paused = this.handoffs.ofDossier(code)
			.stream()
			.filter(h -> h.toUnit().equals(socialInsurance()))
			.findFirst()
			.orElseThrow();
		assertThat(paused.stepTimeLeft()).isEqualTo(this.calendar.officeTimeBetween(at(asked), paused.dueAt()));

		// the police branch goes on meanwhile
		clock(LocalDateTime.of(2026, 2, 23, 8, 0));
		completeStep(step(code, police()), AgencyStepProcess.DONE, Map.of());
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.WAITING_CITIZEN);

		// the family brings it on Wednesday 25/02 13:00
		LocalDateTime back = LocalDateTime.of(2026, 2, 25, 13, 0);
		clock(back);
		this.tasks.complete(supplement.getId(), Map.of("supplementReceived", true));
		Dossier resumed = this.dossiers.get(code);
		assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(resumed.due()).isEqualTo(this.calendar.resume(at(back), waiting.officeTimeLeft()));
		// the appointment moved by exactly the office time the clock was stopped
		Duration stopped = this.calendar.officeTimeBetween(at(asked), at(back));
		assertThat(this.calendar.officeTimeBetween(due, resumed.due())).isEqualTo(stopped);
		// Fri 14:00–17:00 and Mon 23, Tue 24, Wed 07:30–11:30: 3 h + 2 days + 4 h = 23 h
		assertThat(stopped).isEqualTo(Duration.ofHours(23));
		assertThat(local(resumed.due())).isEqualTo(LocalDateTime.of(2026, 3, 6, 8, 0));
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(resumed.due());
		Job apology = timer(instance.getId(), Elements.APOLOGY_DUE);
		assertThat(apology.getDuedate()).isEqualTo(this.calendar.before(resumed.due(), 1));

		Task again = step(code, socialInsurance());
		assertThat(again.getDueDate()).isEqualTo(this.calendar.resume(at(back), paused.stepTimeLeft()));
		assertThatThrownBy(() -> completeStep(again, AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Giấy ủy quyền")))
			.hasRootCauseInstanceOf(StepRuleViolation.class)
			.hasMessageContaining("mỗi cơ quan chỉ được yêu cầu bổ sung hồ sơ một lần");
		clock(back.plusHours(2));
		completeStep(again, AgencyStepProcess.DONE, Map.of());
		Task giveBack = task(code, Elements.RETURN_RESULT, officers(commune()));
		assertThat(giveBack.getDueDate()).isEqualTo(resumed.due());
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		assertThat(instance).isEnded();
		assertThat(this.dossiers.get(code).timeliness()).isEqualTo(Timeliness.EARLY);
	}

	@Test
	void supplementsByTwoAgenciesAtOnceRestartTheClockWhenTheLastOneIsBack() {
		ProcessInstance instance = throughDeathRegistration(true, true, false);
		String code = codeOf(instance);
		Date due = this.dossiers.get(code).due();
		LocalDateTime first = BEFORE_TET.plusHours(5);
		clock(first);
		completeStep(step(code, police()), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Sổ hộ khẩu / xác nhận cư trú"));
		Duration left = this.dossiers.get(code).officeTimeLeft();
		assertThat(left).isEqualTo(this.calendar.officeTimeBetween(at(first), due));
		clock(first.plusHours(1));
		completeStep(step(code, socialInsurance()), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Sổ bảo hiểm xã hội"));
		// the second pause does not count the dossier clock again
		assertThat(this.dossiers.get(code).officeTimeLeft()).isEqualTo(left);
		List<Task> supplements = tasks(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT);
		assertThat(supplements).hasSize(2);

		clock(LocalDateTime.of(2026, 2, 23, 9, 0));
		this.tasks.complete(supplements.get(0).getId(), Map.of("supplementReceived", true));
		Dossier stillWaiting = this.dossiers.get(code);
		assertThat(stillWaiting.status()).isEqualTo(DossierStatus.WAITING_CITIZEN);
		assertThat(stillWaiting.due()).isEqualTo(due);
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()).isEqualTo(DossierClock.STOPPED);

		LocalDateTime last = LocalDateTime.of(2026, 2, 24, 9, 0);
		clock(last);
		this.tasks.complete(supplements.get(1).getId(), Map.of("supplementReceived", true));
		Dossier resumed = this.dossiers.get(code);
		assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(resumed.due()).isEqualTo(this.calendar.resume(at(last), left));
		assertThat(this.calendar.officeTimeBetween(due, resumed.due()))
			.isEqualTo(this.calendar.officeTimeBetween(at(first), at(last)));
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate())
			.isEqualTo(this.calendar.before(resumed.due(), 1));
	}

	@Test
	void refusalAtTheDeathRegistrationEndsTheDossier() {
		ProcessInstance instance = receiveAll(BEFORE_TET);
		String code = codeOf(instance);
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		Task death = step(code, commune());
		assertThatThrownBy(() -> completeStep(death, AgencyStepProcess.REFUSE, Map.of()))
			.hasRootCauseInstanceOf(StepRuleViolation.class)
			.hasMessageContaining("lý do");
		completeStep(death, AgencyStepProcess.REFUSE,
				Map.of(DossierVariables.REFUSAL_REASON, "Việc khai tử đã được đăng ký tại UBND xã khác"));
		assertThat(instance).isEnded()
			.hasPassed(Elements.REFUSAL, Elements.REFUSE_DOSSIER, Elements.DOSSIER_REFUSED)
			.hasNotPassed(Elements.PROCEDURES_REQUESTED, Elements.REMOVE_RESIDENCE, Elements.SETTLE_FUNERAL_ALLOWANCE,
					Elements.GRANT_FUNERAL_SUPPORT, Elements.RETURN_RESULT);
		Dossier refused = this.dossiers.get(code);
		assertThat(refused.status()).isEqualTo(DossierStatus.REFUSED);
		assertThat(refused.refusalReason()).isEqualTo("Việc khai tử đã được đăng ký tại UBND xã khác");
		assertThat(this.handoffs.ofDossier(code)).extracting(Handoff::stepOutcome).containsExactly("done", "refuse");
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(code).list()).isEmpty();
	}

	@Test
	void refusalInABranchStillReturnsTheOtherResults() {
		ProcessInstance instance = throughDeathRegistration(true, true, true);
		String code = codeOf(instance);
		String reason = "Người chết không thuộc đối tượng hưởng trợ cấp mai táng (không tham gia BHXH)";
		clock(BEFORE_TET.plusHours(2));
		completeStep(step(code, socialInsurance()), AgencyStepProcess.REFUSE, Map.of(DossierVariables.REFUSAL_REASON, reason));

		// docs/procedures/death-registration.md, Refusals: the branch is settled, the dossier goes on
		assertThat(instance).isNotEnded().hasPassed(Elements.SETTLE_FUNERAL_ALLOWANCE).hasNotPassed(Elements.REFUSAL, Elements.REFUSE_DOSSIER, Elements.DOSSIER_REFUSED);
		Dossier running = this.dossiers.get(code);
		assertThat(running.status()).as("the death is registered and two branches still run")
			.isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(running.finishedAt()).isNull();
		assertThat(running.refusalReason()).isEqualTo(reason);
		assertThat(step(code, police())).isNotNull();
		assertThat(step(code, commune())).isNotNull();

		clock(BEFORE_TET.plusHours(3));
		completeStep(step(code, police()), AgencyStepProcess.DONE, Map.of());
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		Task giveBack = task(code, Elements.RETURN_RESULT, officers(commune()));
		assertThat(giveBack).as("the other results are returned at the desk").isNotNull();
		// with the refusal (form 03) for the desk to hand over
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.REFUSAL_REASON)).isEqualTo(reason);
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		assertThat(instance).isEnded()
			.hasPassed(Elements.REMOVE_RESIDENCE, Elements.GRANT_FUNERAL_SUPPORT, Elements.RESULT_RETURNED)
			.hasNotPassed(Elements.REFUSAL, Elements.REFUSE_DOSSIER, Elements.DOSSIER_REFUSED);
		Dossier returned = this.dossiers.get(code);
		assertThat(returned.status()).isEqualTo(DossierStatus.RETURNED);
		assertThat(returned.refusalReason()).isEqualTo(reason);
		assertThat(this.handoffs.ofDossier(code)).filteredOn(h -> h.toUnit().equals(socialInsurance()))
			.singleElement()
			.extracting(Handoff::stepOutcome)
			.isEqualTo("refuse");
	}

	@Test
	void breachInABranchIsRecordedAndEscalatedToThatUnitsSupervisors() {
		ProcessInstance instance = throughDeathRegistration(true, true, false);
		String code = codeOf(instance);
		Task residence = step(code, police());
		String official = police() + ".officer";
		this.tasks.claim(residence.getId(), official);
		String stepInstance = residence.getProcessInstanceId();

		Job warning = timer(stepInstance, AgencyStepProcess.Elements.WARNING);
		assertThat(warning.getDuedate()).isEqualTo(this.calendar.before(residence.getDueDate(), 0.5));
		ClockUtilHelper.after(warning.getDuedate());
		this.management.executeJob(warning.getId());
		Handoff reminded = this.handoffs.ofDossier(code)
			.stream()
			.filter(h -> h.toUnit().equals(police()))
			.findFirst()
			.orElseThrow();
		assertThat(reminded.remindedAt()).isNotNull();

		breachAndExpectEscalation(code, residence, police(), official, commune(), socialInsurance());

		completeStep(residence, AgencyStepProcess.DONE, Map.of());
		Handoff late = this.handoffs.ofDossier(code)
			.stream()
			.filter(h -> h.toUnit().equals(police()))
			.findFirst()
			.orElseThrow();
		assertThat(late.outcome()).isEqualTo("LATE");
		assertThat(late.finishedBy()).isEqualTo(official);
		// the other branch is not affected
		assertThat(step(code, socialInsurance())).isNotNull();
		assertThat(tasks(code, Elements.RETURN_RESULT)).isEmpty();
	}

	@Test
	void apologyReschedulesOnceAndRefusesASecondTime() {
		ProcessInstance instance = throughDeathRegistration(true, true, true);
		String code = codeOf(instance);
		clock(BEFORE_TET.plusHours(2));
		completeStep(step(code, police()), AgencyStepProcess.DONE, Map.of());
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		Date due = this.dossiers.get(code).due();

		assertApologyTimerAsModelled(instance);
		Job apologyDue = timer(instance.getId(), Elements.APOLOGY_DUE);
		assertThat(apologyDue.getDuedate()).isEqualTo(this.calendar.before(due, 1));
		ClockUtilHelper.after(apologyDue.getDuedate());
		this.management.executeJob(apologyDue.getId());
		// social insurance still holds the funeral allowance: the apology falls on it
		Task apology = task(code, Elements.ISSUE_APOLOGY, officers(socialInsurance()));
		assertThat(apology).isNotNull();
		assertThat(task(code, Elements.ISSUE_APOLOGY, officers(commune()))).isNull();
		assertThat(apology.getDueDate()).isEqualTo(due);

		this.tasks.complete(apology.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Chờ xác minh quá trình đóng BHXH",
				DossierVariables.NEW_APPOINTMENT, "2026-03-06T16:00"));
		approveApology(code, socialInsurance(), due);
		Dossier rescheduled = this.dossiers.get(code);
		assertThat(local(rescheduled.due())).isEqualTo(LocalDateTime.of(2026, 3, 6, 16, 0));
		assertThat(rescheduled.originalDue()).isEqualTo(due);
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(rescheduled.due());
		Map<String, Object> row = this.jdbc.sql("select * from apology where dossier_code = ?").param(code).query().singleRow();
		assertThat(row.get("UNIT_AT_FAULT")).isEqualTo(socialInsurance());

		this.runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(Elements.ISSUE_APOLOGY).execute();
		Task second = task(code, Elements.ISSUE_APOLOGY, officers(socialInsurance()));
		assertThatThrownBy(() -> this.tasks.complete(second.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Lần hai",
				DossierVariables.NEW_APPOINTMENT, "2026-03-13T16:00")))
			.hasMessageContaining("chỉ được hẹn lại một lần");
		assertThat(this.dossiers.get(code).due()).isEqualTo(rescheduled.due());

		// the allowance settled after the legal date: late, although before the new appointment
		clock(LocalDateTime.of(2026, 3, 4, 9, 0));
		completeStep(step(code, socialInsurance()), AgencyStepProcess.DONE, Map.of());
		Task giveBack = task(code, Elements.RETURN_RESULT, officers(commune()));
		assertThat(giveBack.getDueDate()).isEqualTo(rescheduled.due());
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		assertThat(this.dossiers.get(code).timeliness()).isEqualTo(Timeliness.LATE);
	}

	@Test
	void deathRegisteredAfterThreePmBeforeTetCountsFromTheFirstWorkingDayAfterTet() {
		ProcessInstance instance = receive(BEFORE_TET, false, false, false);
		String code = codeOf(instance);
		LocalDateTime checked = LocalDateTime.of(2026, 2, 13, 15, 30);
		clock(checked);
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		Task death = step(code, commune());
		// after the 15:00 cut-off the same-day step counts from Monday 23/02 07:30, the first working day after Tết
		assertThat(death.getDueDate()).isEqualTo(this.calendar.dueFromSameDay(at(checked), 1));
		assertThat(local(death.getDueDate()).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 2, 23));
		assertThat(death.getDueDate()).isAfter(at(LocalDateTime.of(2026, 2, 23, 7, 30)));
		// without the cut-off it would have been due on Monday 23/02 at 15:30
		assertThat(local(this.calendar.dueFrom(at(checked), 1))).isEqualTo(LocalDateTime.of(2026, 2, 23, 15, 30));
	}


	@Test
	void stopAtTheApplicantsRequestEndsEveryBranch() {
		ProcessInstance instance = throughDeathRegistration(true, true, true);
		stopAndExpectStopped(instance, LocalDateTime.ofInstant(this.dossiers.get(codeOf(instance)).receivedAt().toInstant(),
				vn.motcua.intake.Timeliness.ZONE).toLocalDate().toString());
	}

}
