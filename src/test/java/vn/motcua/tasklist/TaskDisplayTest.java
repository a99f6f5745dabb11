package vn.motcua.tasklist;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.intake.Dossier;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.ProcedureTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tasklist shows of a dossier, on the engine: the card copies on each task, the form header
 * as of a given instant, and the alerts that put a step into the supervisors' filter "Cần đôn đốc".
 */
class TaskDisplayTest extends ProcedureTestBase {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final String UNIT = "xa-an-binh";

	@Autowired
	TaskDisplay display;

	@Autowired
	FilterService filters;

	@Test
	void cardsHeaderAndAlertsOfAStepThatBreaches() {
		// Friday 13/02/2026 09:00: the completeness check (half a working day) is due at 14:30
		String code = receive(BEFORE_TET);
		Dossier dossier = this.dossiers.get(code);
		Task step = step(code);
		assertThat(TaskDisplay.TIME.format(step.getDueDate().toInstant())).isEqualTo("13/02/2026 14:30");

		assertThat(this.tasks.getVariablesLocal(step.getId())).containsEntry("dossierCode", code)
			.containsEntry("applicantName", "Nguyễn Thị Lan")
			.containsEntry("procedureName", dossier.procedureName())
			.containsEntry("stepDueText", "13/02/2026 14:30")
			.doesNotContainKey("stepAlert");

		Map<String, String> header = this.display.formHeader(step, at(BEFORE_TET), VI);
		assertThat(header).containsEntry("appointmentText", TaskDisplay.TIME.format(dossier.due().toInstant()))
			.containsEntry("stepDueText", "13/02/2026 14:30")
			.containsEntry("timeLeftText", "Còn 4 giờ làm việc")
			.containsEntry("documentNames",
					"Tờ khai điện tử liên thông (đăng ký khai sinh, thường trú, cấp thẻ BHYT)\nGiấy chứng sinh (hoặc giấy tờ thay thế)")
			.containsEntry("receivingUnitName", "UBND xã An Bình")
			.containsEntry("stepUnitName", "UBND xã An Bình")
			.containsEntry("stepTitle", "Kiểm tra tính đầy đủ của hồ sơ");
		assertThat(this.display.formHeader(step, at(BEFORE_TET.withHour(11).withMinute(15)), VI))
			.containsEntry("timeLeftText", "Còn 1 giờ 45 phút làm việc");
		// Monday 23/02, 09:00, after Tết: 2.5 h on Friday afternoon and 1.5 h on Monday morning, in office time
		assertThat(this.display.formHeader(step, at(LocalDateTime.of(2026, 2, 23, 9, 0)), VI).get("timeLeftText"))
			.isEqualTo("Quá hạn 4 giờ làm việc");

		Filter chase = this.filters.createFilterQuery()
			.filterName("Cần đôn đốc")
			.filterOwner(UNIT + "-officers")
			.singleResult();
		assertThat(ids(this.filters.list(chase.getId()))).doesNotContain(step.getId());

		fire(step, AgencyStepProcess.Elements.WARNING);
		assertThat(this.tasks.getVariableLocal(step.getId(), "stepAlert")).isEqualTo("Sắp đến hạn");
		assertThat(ids(this.filters.list(chase.getId()))).contains(step.getId());

		fire(step, AgencyStepProcess.Elements.BREACH);
		assertThat(this.tasks.getVariableLocal(step.getId(), "stepAlert")).isEqualTo("Quá hạn");
		Task escalation = task(code, AgencyStepProcess.Elements.RESOLVE_BREACH, UNIT + "-supervisors");
		assertThat(this.tasks.getVariablesLocal(escalation.getId())).containsEntry("stepAlert", "Quá hạn")
			.containsEntry("dossierCode", code)
			.containsEntry("stepDueText", "13/02/2026 14:30");
		assertThat(ids(this.filters.list(chase.getId()))).contains(step.getId(), escalation.getId());
		assertThat(this.display.formHeader(escalation, ClockUtil.getCurrentTime(), VI))
			.containsEntry("stepTitle", "Kiểm tra tính đầy đủ của hồ sơ")
			.containsEntry("stepUnitName", "UBND xã An Bình")
			.containsEntry("stepDueText", "13/02/2026 14:30")
			.hasEntrySatisfying("timeLeftText", text -> assertThat(text).startsWith("Quá hạn"));
	}

	@Test
	void aStepFormShowsTheDossiersValuesWithoutCopiesInTheStep() {
		String code = receive(BEFORE_TET);
		completeStep(step(code), "done", Map.of());
		Task birth = step(code);
		assertThat(birth.getName()).isEqualTo("Đăng ký khai sinh");
		assertThat(this.runtime.getVariables(birth.getProcessInstanceId())).as("the step's own variables")
			.doesNotContainKeys("childName", "childBirthDate", "dossierCode", "receivingUnit", "lastUnit", "dossierDue");
		assertThat(this.display.dossierFields(birth, List.of("childName", "childBirthDate", "applicantAddress")))
			.containsEntry("childName", "Trần Minh An")
			.containsEntry("childBirthDate", "2026-02-10")
			.containsEntry("applicantAddress", "Thôn Đông, xã An Bình");
		assertThat(this.tasks.getVariablesLocal(birth.getId())).containsEntry("dossierCode", code)
			.containsEntry("applicantName", "Nguyễn Thị Lan");
		Dossier dossier = this.dossiers.get(code);
		assertThat(this.runtime.getVariable(dossier.processInstanceId(), "lastUnit")).as("set by the finished check")
			.isEqualTo(UNIT);
	}

	@Test
	void openTasksOfAnEarlierVersionGetTheirCardsAtStartup() {
		String code = receive(BEFORE_TET);
		Task step = step(code);
		// as a task created before the cards had copies
		this.tasks.removeVariablesLocal(step.getId(), List.of("dossierCode", "procedureName", "applicantName", "stepDueText"));

		assertThat(this.display.copyCardsOfOlderTasks()).isPositive();

		assertThat(this.tasks.getVariablesLocal(step.getId())).containsEntry("dossierCode", code)
			.containsEntry("applicantName", "Nguyễn Thị Lan")
			.containsEntry("stepDueText", "13/02/2026 14:30");
		assertThat(this.display.copyCardsOfOlderTasks()).as("nothing left to copy").isZero();
	}

	private void fire(Task step, String timer) {
		Job job = timer(step.getProcessInstanceId(), timer);
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		this.management.executeJob(job.getId());
	}

	private static List<String> ids(List<?> tasks) {
		return tasks.stream().map(t -> ((Task) t).getId()).toList();
	}

	private Task step(String code) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(AgencyStepProcess.Elements.HANDLE_STEP)
			.singleResult();
	}

	private String receive(LocalDateTime at) {
		clock(at);
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierVariables.RECEIVING_UNIT, UNIT);
		variables.put(DossierVariables.APPLICANT_NAME, "Nguyễn Thị Lan");
		variables.put(DossierVariables.APPLICANT_ID_NUMBER, "001190012345");
		variables.put(DossierVariables.APPLICANT_PHONE, "0912345678");
		variables.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Đông, xã An Bình");
		variables.put(DossierVariables.CHANNEL, "in-person");
		variables.put(DossierVariables.DOCUMENTS, List.of("to-khai-dien-tu", "giay-chung-sinh"));
		variables.put(BirthRegistrationProcess.CHILD_NAME, "Trần Minh An");
		variables.put(BirthRegistrationProcess.CHILD_BIRTH_DATE, "2026-02-10");
		variables.put(BirthRegistrationProcess.CHILD_SEX, "nam");
		variables.put(BirthRegistrationProcess.MOTHER_NAME, "Nguyễn Thị Lan");
		variables.put(BirthRegistrationProcess.BIRTHPLACE, "Trạm y tế xã An Bình");
		return codeOf(this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY, variables));
	}

}
