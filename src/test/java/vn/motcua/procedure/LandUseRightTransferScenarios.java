package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedure.AgencyStepProcess.Elements.HANDLE_STEP;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
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
		assertThat(instance).isEnded().hasPassed(Elements.DOSSIER_REFUSED).hasNotPassed(Elements.PAUSE_DOSSIER_CLOCK);
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.REFUSED);
	}

}
