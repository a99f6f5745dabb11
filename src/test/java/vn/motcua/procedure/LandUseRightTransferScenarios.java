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

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.Timeliness;
import vn.motcua.procedure.LandUseRightTransferProcess.Elements;

/**
 * The land-use-right transfer end to end, with the dossier clock paused while the tax authority
 * issues the notice and the citizen pays; run on each organisation file by a subclass.
 */
abstract class LandUseRightTransferScenarios extends ProcedureTestBase {

	abstract String commune();

	abstract String landOffice();

	abstract String taxOffice();

	ProcessInstance receive(LocalDateTime at) {
		clock(at);
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierVariables.RECEIVING_UNIT, commune());
		variables.put(DossierVariables.APPLICANT_NAME, "Phạm Thị Hoa");
		variables.put(DossierVariables.APPLICANT_ID_NUMBER, "001190054321");
		variables.put(DossierVariables.APPLICANT_PHONE, "0901234567");
		variables.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Bắc, " + commune());
		variables.put(DossierVariables.CHANNEL, "in-person");
		variables.put(DossierVariables.DOCUMENTS, List.of("registration-form", "transfer-contract", "original-certificate"));
		variables.put(LandUseRightTransferProcess.PARCEL_NUMBER, "45");
		variables.put(LandUseRightTransferProcess.MAP_SHEET_NUMBER, "12");
		variables.put(LandUseRightTransferProcess.LAND_ADDRESS, "Thửa 45, tờ 12, " + commune());
		variables.put(LandUseRightTransferProcess.LAND_AREA, 120);
		variables.put(LandUseRightTransferProcess.CERTIFICATE_SERIAL, "CH 654321");
		variables.put(LandUseRightTransferProcess.TRANSFEROR_NAME, "Phạm Thị Hoa");
		variables.put(LandUseRightTransferProcess.TRANSFEROR_ID_NUMBER, "001190054321");
		variables.put(LandUseRightTransferProcess.TRANSFEREE_NAME, "Đỗ Văn Nam");
		variables.put(LandUseRightTransferProcess.TRANSFEREE_ID_NUMBER, "001088011122");
		variables.put(LandUseRightTransferProcess.CONTRACT_NUMBER, "1234/2026/CN");
		variables.put(LandUseRightTransferProcess.CONTRACT_DATE, "2026-02-10");
		variables.put(LandUseRightTransferProcess.TRANSFER_PRICE, 1_500_000_000L);
		return this.runtime.startProcessInstanceByKey(LandUseRightTransferProcess.KEY, variables);
	}

	Task step(String code, String unit) {
		Task task = task(code, HANDLE_STEP, unit + "-officers");
		assertThat(task).as("step task for " + unit).isNotNull();
		return task;
	}

	@Test
	void taxNoticeAndPaymentPauseTheClockAndExtendTheAppointmentByExactlyThatTime() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		var due = this.dossiers.get(code).due();
		assertThat(due).isEqualTo(this.calendar.dueFrom(at(BEFORE_TET), 8));
		// 8 working days from Friday 13/02 09:00 across Tết (14–22/02): Wednesday 04/03 09:00
		assertThat(local(due)).isEqualTo(LocalDateTime.of(2026, 3, 4, 9, 0));

		clock(BEFORE_TET.plusHours(1));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		LocalDateTime paused = BEFORE_TET.plusHours(3);
		clock(paused);
		completeStep(step(code, landOffice()), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.CADASTRAL_TRANSFER_NUMBER, "PCT-45"));
		Dossier waiting = this.dossiers.get(code);
		assertThat(waiting.officeTimeLeft()).isEqualTo(this.calendar.officeTimeBetween(at(paused), due));

		clock(LocalDateTime.of(2026, 2, 24, 10, 0));
		completeStep(step(code, taxOffice()), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.TAX_NOTICE_NUMBER, "TB-01", LandUseRightTransferProcess.TAX_AMOUNT, 25_000_000));
		LocalDateTime resumed = LocalDateTime.of(2026, 3, 3, 14, 0);
		clock(resumed);
		completeStep(step(code, commune()), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.PAYMENT_RECEIPT_NUMBER, "BL-789", LandUseRightTransferProcess.PAYMENT_AMOUNT,
						25_000_000));
		Dossier running = this.dossiers.get(code);
		assertThat(running.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(running.due()).isEqualTo(this.calendar.resume(at(resumed), waiting.officeTimeLeft()));
		assertThat(this.calendar.officeTimeBetween(at(resumed), running.due())).isEqualTo(waiting.officeTimeLeft());
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(running.due());
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate())
			.isEqualTo(this.calendar.before(running.due(), 1));

		clock(resumed.plusHours(1));
		completeStep(step(code, landOffice()), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.NEW_CERTIFICATE_SERIAL, "DA 123456"));
		Task giveBack = task(code, Elements.RETURN_RESULT, commune() + "-officers");
		assertThat(giveBack.getDueDate()).isEqualTo(running.due());
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		assertThat(instance).isEnded()
			.hasPassedInOrder(Elements.APPRAISE_TRANSFER, Elements.PAUSE_DOSSIER_CLOCK, Elements.ISSUE_TAX_NOTICE,
					Elements.CONFIRM_PAYMENT, Elements.RESUME_DOSSIER_CLOCK, Elements.ISSUE_CERTIFICATE);
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.RETURNED);
		assertThat(this.handoffs.ofDossier(code)).extracting(Handoff::toUnit)
			.containsExactly(commune(), landOffice(), taxOffice(), commune(), landOffice());
	}

	@Test
	void refusalByTheLandOfficeEndsTheDossier() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		completeStep(step(code, landOffice()), AgencyStepProcess.REFUSE,
				Map.of(DossierVariables.REFUSAL_REASON, "Đất đang có tranh chấp"));
		assertThat(instance).isEnded().hasPassed(Elements.REFUSAL, Elements.REFUSE_DOSSIER, Elements.DOSSIER_REFUSED).hasNotPassed(Elements.PAUSE_DOSSIER_CLOCK);
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.REFUSED);
	}

	Handoff handoff(String code, String unit, String element) {
		return this.handoffs.ofDossier(code)
			.stream()
			.filter(h -> h.toUnit().equals(unit) && h.stepElement().equals(element))
			.findFirst()
			.orElseThrow();
	}

	/** Checked Friday 13/02 10:00, appraised 12:00 (the clock stops for the financial obligations). */
	ProcessInstance throughAppraisal() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		clock(BEFORE_TET.plusHours(1));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		clock(BEFORE_TET.plusHours(3));
		completeStep(step(code, landOffice()), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.CADASTRAL_TRANSFER_NUMBER, "PCT-45"));
		return instance;
	}

	@Test
	void dueDateAcrossTheThirtiethOfAprilAndMayDay() {
		// Wednesday 29/04/2026 09:00; 30/04 and 01/05 are holidays, then a weekend
		LocalDateTime received = LocalDateTime.of(2026, 4, 29, 9, 0);
		ProcessInstance instance = receive(received);
		String code = codeOf(instance);
		Dossier dossier = this.dossiers.get(code);
		assertThat(local(dossier.due())).isEqualTo(LocalDateTime.of(2026, 5, 13, 9, 0));
		assertThat(dossier.due()).isEqualTo(this.calendar.dueFrom(at(received), catalogue(LandUseRightTransferProcess.KEY).legalWorkingDays()));
		Task check = step(code, commune());
		assertThat(local(check.getDueDate())).isEqualTo(LocalDateTime.of(2026, 4, 29, 14, 30));
		clock(LocalDateTime.of(2026, 4, 29, 16, 0));
		completeStep(check, AgencyStepProcess.DONE, Map.of());
		// 3.5 working days from Wednesday 16:00: 1 h on 29/04, then 4, 5 and 6 May, 3 h on Thursday 7/5
		Task appraisal = step(code, landOffice());
		assertThat(local(appraisal.getDueDate())).isEqualTo(LocalDateTime.of(2026, 5, 7, 10, 30));
		assertThat(appraisal.getDueDate()).isEqualTo(this.calendar.dueFrom(at(LocalDateTime.of(2026, 4, 29, 16, 0)), 3.5));
		// the apology falls one working day before the appointment: Tuesday 12/05 09:00
		assertThat(local(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()))
			.isEqualTo(LocalDateTime.of(2026, 5, 12, 9, 0));
	}

	@Test
	void supplementAtAppraisalPausesAndResumesTheClocks() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		Date due = this.dossiers.get(code).due();
		clock(BEFORE_TET.plusHours(1));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		LocalDateTime asked = BEFORE_TET.plusHours(2);
		clock(asked);
		completeStep(step(code, landOffice()), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Hợp đồng chuyển nhượng có công chứng (bản chính)"));
		Dossier waiting = this.dossiers.get(code);
		assertThat(waiting.status()).isEqualTo(DossierStatus.WAITING_CITIZEN);
		assertThat(waiting.officeTimeLeft()).isEqualTo(this.calendar.officeTimeBetween(at(asked), due));
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()).isEqualTo(DossierClock.STOPPED);
		Handoff paused = handoff(code, landOffice(), Elements.APPRAISE_TRANSFER);
		Task supplement = task(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT, commune() + "-officers");
		assertThat(supplement.getDueDate()).isEqualTo(this.calendar.dueFrom(at(asked), 7));

		LocalDateTime back = LocalDateTime.of(2026, 2, 24, 8, 0);
		clock(back);
		this.tasks.complete(supplement.getId(), Map.of("supplementReceived", true));
		Dossier resumed = this.dossiers.get(code);
		assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(resumed.due()).isEqualTo(this.calendar.resume(at(back), waiting.officeTimeLeft()));
		// moved by exactly the office time the clock was stopped: Friday 11:00–11:30, 13:00–17:00, Monday 23/02, Tuesday 07:30–08:00
		Duration stopped = this.calendar.officeTimeBetween(at(asked), at(back));
		assertThat(stopped).isEqualTo(Duration.ofHours(13));
		assertThat(this.calendar.officeTimeBetween(due, resumed.due())).isEqualTo(stopped);
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate())
			.isEqualTo(this.calendar.before(resumed.due(), 1));
		Task again = step(code, landOffice());
		assertThat(again.getDueDate()).isEqualTo(this.calendar.resume(at(back), paused.stepTimeLeft()));

		// the land office cannot ask a second time, not even at the certificate step
		assertThatThrownBy(() -> completeStep(again, AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Trích đo địa chính")))
			.hasRootCauseInstanceOf(StepRuleViolation.class)
			.hasMessageContaining("mỗi cơ quan chỉ được yêu cầu bổ sung hồ sơ một lần");
		completeStep(again, AgencyStepProcess.DONE, Map.of());
		assertThat(handoff(code, landOffice(), Elements.APPRAISE_TRANSFER).pausedWorkingDays()).isPositive();
		assertThat(this.dossiers.get(code).status()).as("now paused for the financial obligations")
			.isEqualTo(DossierStatus.WAITING_CITIZEN);
	}

	@Test
	void supplementForTheTaxNoticeDoesNotRestartTheClockPausedForTheFinancialObligations() {
		ProcessInstance instance = throughAppraisal();
		String code = codeOf(instance);
		Dossier paused = this.dossiers.get(code);
		LocalDateTime pausedAt = BEFORE_TET.plusHours(3);
		assertThat(paused.pausedAt()).isEqualTo(at(pausedAt));

		clock(LocalDateTime.of(2026, 2, 24, 10, 0));
		completeStep(step(code, taxOffice()), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Tờ khai lệ phí trước bạ"));
		assertThat(this.dossiers.get(code).officeTimeLeft()).isEqualTo(paused.officeTimeLeft());
		clock(LocalDateTime.of(2026, 2, 25, 10, 0));
		this.tasks.complete(task(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT, commune() + "-officers").getId(),
				Map.of("supplementReceived", true));
		Dossier stillPaused = this.dossiers.get(code);
		assertThat(stillPaused.status()).as("the payment pause is still open").isEqualTo(DossierStatus.WAITING_CITIZEN);
		assertThat(stillPaused.due()).isEqualTo(paused.due());
		assertThat(stillPaused.officeTimeLeft()).isEqualTo(paused.officeTimeLeft());
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()).isEqualTo(DossierClock.STOPPED);

		clock(LocalDateTime.of(2026, 2, 26, 10, 0));
		completeStep(step(code, taxOffice()), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.TAX_NOTICE_NUMBER, "TB-02", LandUseRightTransferProcess.TAX_AMOUNT, 12_000_000));
		LocalDateTime resumed = LocalDateTime.of(2026, 3, 2, 9, 0);
		clock(resumed);
		completeStep(step(code, commune()), AgencyStepProcess.DONE,
				Map.of(LandUseRightTransferProcess.PAYMENT_RECEIPT_NUMBER, "BL-790", LandUseRightTransferProcess.PAYMENT_AMOUNT,
						12_000_000));
		Dossier running = this.dossiers.get(code);
		assertThat(running.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(running.due()).isEqualTo(this.calendar.resume(at(resumed), paused.officeTimeLeft()));
		assertThat(this.calendar.officeTimeBetween(paused.due(), running.due()))
			.isEqualTo(this.calendar.officeTimeBetween(at(pausedAt), at(resumed)));
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate())
			.isEqualTo(this.calendar.before(running.due(), 1));
		assertThat(step(code, landOffice())).isNotNull();
	}

	@Test
	void lateTaxNoticeIsEscalatedToTheTaxSupervisorsWithoutMovingTheAppointment() {
		ProcessInstance instance = throughAppraisal();
		String code = codeOf(instance);
		Dossier paused = this.dossiers.get(code);
		Task notice = step(code, taxOffice());
		assertThat(notice.getDueDate()).isEqualTo(this.calendar.dueFrom(at(BEFORE_TET.plusHours(3)), 5));
		String official = taxOffice() + ".officer";
		this.tasks.claim(notice.getId(), official);
		breachAndExpectEscalation(code, notice, taxOffice(), official, commune(), landOffice());
		// the tax step has its own deadline: the dossier clock stays stopped
		Dossier still = this.dossiers.get(code);
		assertThat(still.status()).isEqualTo(DossierStatus.WAITING_CITIZEN);
		assertThat(still.due()).isEqualTo(paused.due());

		completeStep(notice, AgencyStepProcess.DONE, Map.of());
		assertThat(handoff(code, taxOffice(), Elements.ISSUE_TAX_NOTICE).outcome()).isEqualTo("LATE");
		assertThat(step(code, commune())).isNotNull();
	}

	@Test
	void apologyByTheLandOfficeReschedulesOnce() {
		ProcessInstance instance = throughAppraisal();
		String code = codeOf(instance);
		clock(LocalDateTime.of(2026, 2, 24, 10, 0));
		completeStep(step(code, taxOffice()), AgencyStepProcess.DONE, Map.of());
		clock(LocalDateTime.of(2026, 3, 3, 14, 0));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		Date due = this.dossiers.get(code).due();

		assertApologyTimerAsModelled(instance);
		Job apologyDue = timer(instance.getId(), Elements.APOLOGY_DUE);
		assertThat(apologyDue.getDuedate()).isEqualTo(this.calendar.before(due, 1));
		ClockUtilHelper.after(apologyDue.getDuedate());
		this.management.executeJob(apologyDue.getId());
		Task apology = task(code, Elements.ISSUE_APOLOGY, landOffice() + "-officers");
		assertThat(apology).as("the land office holds the certificate step: the apology falls on it").isNotNull();
		assertThat(apology.getDueDate()).isEqualTo(due);

		String earlier = local(due).minusHours(1).toString();
		assertThatThrownBy(() -> this.tasks.complete(apology.getId(), Map.of(DossierVariables.APOLOGY_REASON,
				"Chờ đo đạc lại", DossierVariables.NEW_APPOINTMENT, earlier)))
			.hasMessageContaining("phải sau ngày hẹn hiện tại");
		String newAppointment = local(due).plusDays(5).withHour(16).withMinute(0).toString();
		this.tasks.complete(apology.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Chờ đo đạc lại thửa đất",
				DossierVariables.NEW_APPOINTMENT, newAppointment));
		approveApology(code, landOffice(), due);
		Dossier rescheduled = this.dossiers.get(code);
		assertThat(local(rescheduled.due()).toString()).isEqualTo(newAppointment);
		assertThat(rescheduled.originalDue()).isEqualTo(this.calendar.dueFrom(at(BEFORE_TET), 8));
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(rescheduled.due());
		Map<String, Object> row = this.jdbc.sql("select * from apology where dossier_code = ?").param(code).query().singleRow();
		assertThat(row.get("UNIT_AT_FAULT")).isEqualTo(landOffice());

		this.runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(Elements.ISSUE_APOLOGY).execute();
		Task second = task(code, Elements.ISSUE_APOLOGY, landOffice() + "-officers");
		assertThatThrownBy(() -> this.tasks.complete(second.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Lần hai",
				DossierVariables.NEW_APPOINTMENT, local(due).plusDays(10).toString())))
			.hasMessageContaining("chỉ được hẹn lại một lần");
		assertThat(this.dossiers.get(code).due()).isEqualTo(rescheduled.due());

		// the certificate issued after the legal date: late, although before the new appointment
		ClockUtil.setCurrentTime(new Date(due.getTime() + 3_600_000));
		completeStep(step(code, landOffice()), AgencyStepProcess.DONE, Map.of());
		Task giveBack = task(code, Elements.RETURN_RESULT, commune() + "-officers");
		assertThat(giveBack.getDueDate()).isEqualTo(rescheduled.due());
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		assertThat(this.dossiers.get(code).timeliness()).isEqualTo(Timeliness.LATE);
	}


	@Test
	void stopWhileTheFinancialObligationsPauseTheClockClosesThePause() {
		ProcessInstance instance = throughAppraisal();
		String code = codeOf(instance);
		assertThat(this.dossiers.get(code).clockPaused()).isTrue();
		clock(LocalDateTime.of(2026, 2, 24, 10, 0));
		stopAndExpectStopped(instance, "2026-02-24");
	}

}
