package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.procedure.AgencyStepProcess.Elements.HANDLE_STEP;

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
import vn.motcua.procedure.ConstructionPermitProcess.Elements;

/**
 * The construction permit end to end (commune desk → appraisal unit → Department of Construction
 * → commune desk), run on each organisation file by a subclass naming the units.
 */
abstract class ConstructionPermitScenarios extends ProcedureTestBase {

	/** The commune whose desk receives and returns the dossier. */
	abstract String commune();

	/** The unit with the construction-appraisal function for that commune. */
	abstract String appraisalUnit();

	/** The unit with the construction-permit function. */
	abstract String permitUnit();

	ProcessInstance receive(LocalDateTime at) {
		clock(at);
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierVariables.RECEIVING_UNIT, commune());
		variables.put(DossierVariables.APPLICANT_NAME, "Lê Văn Hùng");
		variables.put(DossierVariables.APPLICANT_ID_NUMBER, "001085012345");
		variables.put(DossierVariables.APPLICANT_PHONE, "0987654321");
		variables.put(DossierVariables.APPLICANT_ADDRESS, "Xóm Trại, " + commune());
		variables.put(DossierVariables.CHANNEL, "in-person");
		variables.put(DossierVariables.DOCUMENTS, List.of("application-form", "land-right-document", "design-drawings"));
		variables.put(ConstructionPermitProcess.CONSTRUCTION_ADDRESS, "Thửa 120, tờ 7, " + commune());
		variables.put(ConstructionPermitProcess.PARCEL_NUMBER, "120");
		variables.put(ConstructionPermitProcess.MAP_SHEET_NUMBER, "7");
		variables.put(ConstructionPermitProcess.FLOOR_COUNT, 3);
		variables.put(ConstructionPermitProcess.LAND_CERTIFICATE_SERIAL, "CS 012345");
		variables.put(ConstructionPermitProcess.BUILDING_FOOTPRINT, 80);
		variables.put(ConstructionPermitProcess.TOTAL_FLOOR_AREA, 240);
		variables.put(ConstructionPermitProcess.BUILDING_HEIGHT, 11.5);
		return this.runtime.startProcessInstanceByKey(ConstructionPermitProcess.KEY, variables);
	}

	Task step(String code, String unit) {
		Task task = task(code, HANDLE_STEP, unit + "-officers");
		assertThat(task).as("step task for " + unit).isNotNull();
		return task;
	}

	@Test
	void happyPathGoesCommuneAppraisalDepartmentCommune() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		Dossier dossier = this.dossiers.get(code);
		assertThat(dossier.due()).isEqualTo(this.calendar.dueFrom(at(BEFORE_TET), catalogue(ConstructionPermitProcess.KEY).legalWorkingDays()));
		// 15 working days from Friday 13/02 09:00 across Tết (14–22/02): Friday 13/03 09:00
		assertThat(local(dossier.due())).isEqualTo(LocalDateTime.of(2026, 3, 13, 9, 0));

		clock(BEFORE_TET.plusHours(1));
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		Task appraisal = step(code, appraisalUnit());
		assertThat(appraisal.getName()).isEqualTo("Thẩm định hồ sơ, kiểm tra thực địa");
		assertThat(appraisal.getDueDate()).isEqualTo(this.calendar.dueFrom(at(BEFORE_TET.plusHours(1)), 9));
		clock(BEFORE_TET.plusHours(2));
		completeStep(appraisal, AgencyStepProcess.DONE, Map.of(ConstructionPermitProcess.APPRAISAL_CONCLUSION, "eligible",
				ConstructionPermitProcess.APPRAISAL_OPINION, "Phù hợp quy hoạch"));
		Task decision = step(code, permitUnit());
		assertThat(decision.getDueDate()).isEqualTo(this.calendar.dueFrom(at(BEFORE_TET.plusHours(2)), 5.5));
		clock(BEFORE_TET.plusHours(3));
		completeStep(decision, AgencyStepProcess.DONE, Map.of(ConstructionPermitProcess.PERMIT_NUMBER, "12/GPXD"));

		Task giveBack = task(code, Elements.RETURN_RESULT, commune() + "-officers");
		assertThat(giveBack.getDueDate()).isEqualTo(dossier.due());
		this.tasks.complete(giveBack.getId(), Map.of("resultHandedOver", true));
		assertThat(instance).isEnded()
			.hasPassedInOrder(Elements.CHECK_COMPLETENESS, Elements.APPRAISE_PERMIT, Elements.DECIDE_PERMIT,
					Elements.RETURN_RESULT, Elements.CLOSE_DOSSIER);
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.RETURNED);
		assertThat(this.handoffs.ofDossier(code)).extracting(Handoff::toUnit)
			.containsExactly(commune(), appraisalUnit(), permitUnit());
	}

	@Test
	void supplementAtAppraisalPausesAndResumesTheDossierClock() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		var due = this.dossiers.get(code).due();
		LocalDateTime asked = BEFORE_TET.plusHours(2);
		clock(asked);
		completeStep(step(code, appraisalUnit()), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Bản vẽ mặt cắt công trình"));
		Dossier waiting = this.dossiers.get(code);
		assertThat(waiting.status()).isEqualTo(DossierStatus.WAITING_CITIZEN);
		assertThat(waiting.officeTimeLeft()).isEqualTo(this.calendar.officeTimeBetween(at(asked), due));
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()).isEqualTo(DossierClock.STOPPED);
		Handoff paused = this.handoffs.ofDossier(code).get(1);
		assertThat(paused.toUnit()).isEqualTo(appraisalUnit());

		LocalDateTime back = LocalDateTime.of(2026, 3, 2, 8, 0);
		clock(back);
		Task supplement = task(code, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT, commune() + "-officers");
		assertThat(supplement.getDueDate()).isEqualTo(this.calendar.dueFrom(at(asked), 7));
		this.tasks.complete(supplement.getId(), Map.of("supplementReceived", true));
		Dossier resumed = this.dossiers.get(code);
		assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(resumed.due()).isEqualTo(this.calendar.resume(at(back), waiting.officeTimeLeft()));
		// moved by exactly the office time the clock was stopped (Fri 11:00 to Mon 02/03 08:00, across Tết)
		assertThat(this.calendar.officeTimeBetween(due, resumed.due()))
			.isEqualTo(this.calendar.officeTimeBetween(at(asked), at(back)));
		assertThat(this.calendar.officeTimeBetween(at(asked), at(back))).isEqualTo(java.time.Duration.ofHours(45));
		assertThat(timer(instance.getId(), Elements.APOLOGY_DUE).getDuedate()).isEqualTo(this.calendar.before(resumed.due(), 1));
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(resumed.due());
		Task again = step(code, appraisalUnit());
		assertThat(again.getDueDate()).isEqualTo(this.calendar.resume(at(back), paused.stepTimeLeft()));
		assertThatThrownBy(() -> completeStep(again, AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Báo cáo khảo sát địa chất")))
			.hasRootCauseInstanceOf(StepRuleViolation.class)
			.hasMessageContaining("mỗi cơ quan chỉ được yêu cầu bổ sung hồ sơ một lần");
	}

	@Test
	void refusalByTheDepartmentEndsTheDossier() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		completeStep(step(code, appraisalUnit()), AgencyStepProcess.DONE, Map.of());
		completeStep(step(code, permitUnit()), AgencyStepProcess.REFUSE,
				Map.of(DossierVariables.REFUSAL_REASON, "Không phù hợp quy hoạch chi tiết 1/500"));
		assertThat(instance).isEnded().hasPassed(Elements.REFUSAL, Elements.REFUSE_DOSSIER, Elements.DOSSIER_REFUSED).hasNotPassed(Elements.RETURN_RESULT);
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.REFUSED);
	}

	@Test
	void breachAtAppraisalIsEscalatedToTheAppraisalUnitsSupervisors() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		Task appraisal = step(code, appraisalUnit());
		breachAndExpectEscalation(code, appraisal, appraisalUnit(), null, permitUnit());
		completeStep(appraisal, AgencyStepProcess.DONE, Map.of());
		assertThat(this.handoffs.ofDossier(code).get(1).outcome()).isEqualTo("LATE");
	}

	@Test
	void apologyByTheDepartmentReschedulesOnce() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		completeStep(step(code, appraisalUnit()), AgencyStepProcess.DONE, Map.of());
		var due = this.dossiers.get(code).due();
		assertApologyTimerAsModelled(instance);
		Job apologyDue = timer(instance.getId(), Elements.APOLOGY_DUE);
		assertThat(apologyDue.getDuedate()).isEqualTo(this.calendar.before(due, 1));
		ClockUtilHelper.after(apologyDue.getDuedate());
		this.management.executeJob(apologyDue.getId());
		Task apology = task(code, Elements.ISSUE_APOLOGY, permitUnit() + "-officers");
		assertThat(apology).as("the department holds the step: the apology falls on it").isNotNull();
		assertThat(apology.getDueDate()).isEqualTo(due);
		assertThatThrownBy(() -> this.tasks.complete(apology.getId(), Map.of(DossierVariables.APOLOGY_REASON,
				"Chờ ý kiến cơ quan quản lý quy hoạch", DossierVariables.NEW_APPOINTMENT, local(due).minusDays(1).toString())))
			.hasMessageContaining("phải sau ngày hẹn hiện tại");
		String newAppointment = local(due).plusDays(5).withHour(16).withMinute(0).toString();
		this.tasks.complete(apology.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Chờ ý kiến cơ quan quản lý quy hoạch",
				DossierVariables.NEW_APPOINTMENT, newAppointment));
		approveApology(code, permitUnit(), due);
		Dossier rescheduled = this.dossiers.get(code);
		assertThat(local(rescheduled.due()).toString()).isEqualTo(newAppointment);
		assertThat(rescheduled.originalDue()).isEqualTo(due);

		this.runtime.createProcessInstanceModification(instance.getId()).startBeforeActivity(Elements.ISSUE_APOLOGY).execute();
		Task second = task(code, Elements.ISSUE_APOLOGY, permitUnit() + "-officers");
		assertThatThrownBy(() -> this.tasks.complete(second.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Lần hai",
				DossierVariables.NEW_APPOINTMENT, local(due).plusDays(10).toString())))
			.hasMessageContaining("chỉ được hẹn lại một lần");
		assertThat(this.dossiers.get(code).due()).isEqualTo(rescheduled.due());
		Map<String, Object> row = this.jdbc.sql("select * from apology where dossier_code = ?").param(code).query().singleRow();
		assertThat(row.get("UNIT_AT_FAULT")).isEqualTo(permitUnit());
	}


	@Test
	void stopWhileWaitingForTheCitizensSupplementClosesThePause() {
		ProcessInstance instance = receive(BEFORE_TET);
		String code = codeOf(instance);
		completeStep(step(code, commune()), AgencyStepProcess.DONE, Map.of());
		clock(BEFORE_TET.plusHours(2));
		completeStep(step(code, appraisalUnit()), AgencyStepProcess.SUPPLEMENT,
				Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Bản vẽ mặt cắt công trình"));
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.WAITING_CITIZEN);
		clock(LocalDateTime.of(2026, 2, 24, 9, 0));
		stopAndExpectStopped(instance, "2026-02-23");
	}

}
