package vn.motcua.procedure;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;

/**
 * Spring Boot scenario tests on H2 in memory, job executor off, timers fired explicitly with
 * ClockUtil. Subclasses with the same properties share one cached context. On PostgreSQL:
 * {@code -Dmotcua.test.postgres.three-tier=jdbc:postgresql://…/db1
 * -Dmotcua.test.postgres.two-tier=jdbc:postgresql://…/db2 -Dmotcua.test.postgres.user=postgres}.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=${motcua.test.postgres.three-tier:jdbc:h2:mem:three-tier;MODE=LEGACY;DB_CLOSE_DELAY=-1}",
		"spring.datasource.username=${motcua.test.postgres.user:sa}",
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
		"spring.datasource.generate-unique-name=true" })
@AutoConfigureMockMvc
@Import(ProcessEngineCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcedureTestBase {

	/** Friday 13/02/2026 09:00, the last working day before the Tết holidays (14–22/02/2026). */
	protected static final LocalDateTime BEFORE_TET = LocalDateTime.of(2026, 2, 13, 9, 0);

	@Autowired
	protected ProcessEngine engine;

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected TaskService tasks;

	@Autowired
	protected FormService forms;

	@Autowired
	protected ManagementService management;

	@Autowired
	protected LegalCalendar calendar;

	@Autowired
	protected Dossiers dossiers;

	@Autowired
	protected Handoffs handoffs;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected DossierStops stops;

	@BeforeEach
	void initAssertions() {
		BpmnAwareTests.init(this.engine);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	protected static Date at(LocalDateTime local) {
		return Date.from(local.atZone(Timeliness.ZONE).toInstant());
	}

	protected static void clock(LocalDateTime local) {
		ClockUtil.setCurrentTime(at(local));
	}

	protected static LocalDateTime local(Date date) {
		return LocalDateTime.ofInstant(date.toInstant(), Timeliness.ZONE);
	}

	/** The open tasks of the dossier (root instance and its steps) with this definition key. */
	protected List<Task> tasks(String code, String taskKey) {
		return this.tasks.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).list();
	}

	protected Task task(String code, String taskKey, String candidateGroup) {
		return this.tasks.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(taskKey)
			.taskCandidateGroup(candidateGroup)
			.singleResult();
	}

	protected Job timer(String processInstanceId, String activityId) {
		return this.management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
	}

	/**
	 * Fires the breach timer of a step task (due exactly at the task's due date) and checks what a
	 * breach must do: an escalation task for the supervisors of the unit at fault, due one working
	 * day later, none for the other units, and a {@code deadline_breach} row against that unit, the
	 * official who held the task ({@code null} when nobody had claimed it) and the escalation task.
	 */
	protected Task breachAndExpectEscalation(String code, Task step, String unitAtFault, String official,
			String... otherUnits) {
		Job breach = timer(step.getProcessInstanceId(), AgencyStepProcess.Elements.BREACH);
		org.assertj.core.api.Assertions.assertThat(breach.getDuedate()).isEqualTo(step.getDueDate());
		ClockUtilHelper.after(breach.getDuedate());
		this.management.executeJob(breach.getId());
		Task escalation = task(code, AgencyStepProcess.Elements.RESOLVE_BREACH, unitAtFault + "-supervisors");
		org.assertj.core.api.Assertions.assertThat(escalation)
			.as("escalated to the supervisors of %s", unitAtFault)
			.isNotNull();
		org.assertj.core.api.Assertions.assertThat(escalation.getDueDate())
			.isEqualTo(this.calendar.dueFrom(ClockUtil.getCurrentTime(), 1));
		for (String other : otherUnits) {
			org.assertj.core.api.Assertions
				.assertThat(task(code, AgencyStepProcess.Elements.RESOLVE_BREACH, other + "-supervisors"))
				.as("no escalation to %s", other)
				.isNull();
		}
		Map<String, Object> row = this.jdbc.sql("select * from deadline_breach where dossier_code = ?")
			.param(code)
			.query()
			.singleRow();
		org.assertj.core.api.Assertions.assertThat(row.get("UNIT_CODE")).isEqualTo(unitAtFault);
		org.assertj.core.api.Assertions.assertThat(row.get("OFFICIAL_USER_ID")).isEqualTo(official);
		org.assertj.core.api.Assertions.assertThat(row.get("ESCALATION_TASK_ID")).isEqualTo(escalation.getId());
		return escalation;
	}

	protected void completeStep(Task task, String outcome, Map<String, Object> more) {
		var variables = new java.util.HashMap<String, Object>(more);
		variables.put(AgencyStepProcess.STEP_OUTCOME, outcome);
		this.tasks.complete(task.getId(), variables);
		runAsyncContinuations(task.getProcessInstanceId());
	}

	/**
	 * Runs the due asynchronous continuations (not timers) of the dossier an instance belongs to, as
	 * the job executor would (e.g. the parallel join of birth-registration).
	 */
	protected void runAsyncContinuations(String processInstanceId) {
		var identity = this.engine.getIdentityService();
		var user = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			var instance = this.engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processInstanceId(processInstanceId)
				.singleResult();
			if (instance != null && instance.getBusinessKey() != null) {
				runJobs(instance.getBusinessKey());
			}
		}
		finally {
			identity.setAuthentication(user);
		}
	}

	private void runJobs(String code) {
		for (int round = 0; round < 10; round++) {
			List<Job> jobs = new java.util.ArrayList<>();
			for (ProcessInstance instance : this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).list()) {
				jobs.addAll(this.management.createJobQuery().processInstanceId(instance.getId()).messages().executable().list());
			}
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> this.management.executeJob(job.getId()));
		}
	}

	/** The catalogue entry of the newest version of a procedure, from its model. */
	protected ProcedureCatalogue catalogue(String key) {
		var repository = this.engine.getRepositoryService();
		var definition = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
		return ProcedureCatalogue.of(repository.getBpmnModelInstance(definition.getId()).getModelElementById(key));
	}

	/**
	 * The apology timer of the dossier is due at the date its model shows: the timer date of
	 * {@code StartEvent_ApologyDue} is {@code ${apologyAt}}, and the job is due at that variable,
	 * one working day before the appointment in force.
	 */
	protected void assertApologyTimerAsModelled(ProcessInstance instance) {
		var repository = this.engine.getRepositoryService();
		org.camunda.bpm.model.bpmn.instance.TimerEventDefinition timer = repository
			.getBpmnModelInstance(instance.getProcessDefinitionId())
			.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class)
			.stream()
			.filter(t -> ProcedureElements.APOLOGY_DUE.equals(((org.camunda.bpm.model.bpmn.instance.BaseElement) t.getParentElement()).getId()))
			.findFirst()
			.orElseThrow();
		org.assertj.core.api.Assertions.assertThat(timer.getTimeDate().getTextContent().strip()).isEqualTo("${apologyAt}");
		Date apologyAt = (Date) this.runtime.getVariable(instance.getId(), DossierVariables.APOLOGY_AT);
		Date due = this.dossiers.get(codeOf(instance)).due();
		org.assertj.core.api.Assertions.assertThat(apologyAt).isEqualTo(this.calendar.before(due, 1));
		org.assertj.core.api.Assertions.assertThat(timer(instance.getId(), ProcedureElements.APOLOGY_DUE).getDuedate())
			.isEqualTo(apologyAt);
	}

	/**
	 * Stops the dossier at the applicant's request as an official of its desk (form 05) and checks
	 * the effects: the procedure ends on its stop path, no task, step or timer is left (the timers
	 * taken before the stop no longer exist, and nothing is due even a year later), the clock's open
	 * pauses are closed and the dossier is STOPPED with the request recorded.
	 */
	protected void stopAndExpectStopped(ProcessInstance instance, String requestedOn) {
		String code = codeOf(instance);
		var dossier = this.dossiers.get(code);
		List<String> timersBefore = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.list()
			.stream()
			.flatMap(i -> this.management.createJobQuery().processInstanceId(i.getId()).timers().list().stream())
			.map(Job::getId)
			.toList();
		org.assertj.core.api.Assertions.assertThat(timersBefore).as("timers running before the stop").isNotEmpty();
		DossierStop stop = this.stops.stop(code, requestedOn, "Người nộp hồ sơ xin rút hồ sơ để bổ sung giấy tờ khác",
				dossier.receivingUnit() + ".officer", List.of(dossier.receivingUnit() + "-officers"));

		BpmnAwareTests.assertThat(instance).isEnded().hasPassed(ProcedureElements.STOP_REQUESTED,
				ProcedureElements.STOP_DOSSIER, ProcedureElements.DOSSIER_STOPPED);
		org.assertj.core.api.Assertions.assertThat(this.runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count())
			.as("no step left").isZero();
		org.assertj.core.api.Assertions.assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(code).count())
			.as("no task left").isZero();
		// the clock stopped for good: the warning, breach, apology and supplement timers are gone
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 366L * 24 * 3600 * 1000));
		long breaches = this.jdbc.sql("select count(*) from deadline_breach where dossier_code = ?").param(code)
			.query(Long.class).single();
		for (String id : timersBefore) {
			org.assertj.core.api.Assertions.assertThat(this.management.createJobQuery().jobId(id).count())
				.as("timer %s after the stop", id).isZero();
			// fired explicitly, it does nothing: the job is gone
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.management.executeJob(id))
				.isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
		}
		org.assertj.core.api.Assertions.assertThat(this.jdbc.sql("select count(*) from deadline_breach where dossier_code = ?")
			.param(code).query(Long.class).single()).as("no breach after the stop").isEqualTo(breaches);
		org.assertj.core.api.Assertions.assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(code).count())
			.as("no escalation or apology task after the stop").isZero();
		org.assertj.core.api.Assertions.assertThat(this.management.createJobQuery().processInstanceId(instance.getId()).count())
			.isZero();
		var stopped = this.dossiers.get(code);
		org.assertj.core.api.Assertions.assertThat(stopped.status()).isEqualTo(vn.motcua.intake.DossierStatus.STOPPED);
		org.assertj.core.api.Assertions.assertThat(stopped.finishedAt()).isEqualTo(stop.stoppedAt());
		org.assertj.core.api.Assertions.assertThat(stopped.timeliness()).as("neither early, on time nor late").isNull();
		org.assertj.core.api.Assertions.assertThat(stopped.clockPaused()).isFalse();
		org.assertj.core.api.Assertions.assertThat(this.jdbc
			.sql("select count(*) from dossier_pause where dossier_code = ? and resumed_at is null")
			.param(code)
			.query(Long.class)
			.single()).as("open pauses").isZero();
		org.assertj.core.api.Assertions.assertThat(stop.requestedOn().toString()).isEqualTo(requestedOn);
		org.assertj.core.api.Assertions.assertThat(stop.stoppedBy()).isEqualTo(dossier.receivingUnit() + ".officer");
		// a second stop, and a stop after the end, are refused
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.stops.stop(code, requestedOn, "Lần hai",
				dossier.receivingUnit() + ".officer", List.of(dossier.receivingUnit() + "-officers")))
			.isInstanceOf(StopRefused.class)
			.hasMessage("paths.stop.finished.STOPPED");
	}

	/**
	 * After the unit at fault drafted form 04: the appointment has not moved, the head of that agency
	 * (its supervisors, not its officers) has the approval task, and approves it.
	 */
	protected void approveApology(String code, String unitAtFault, Date due) {
		org.assertj.core.api.Assertions.assertThat(this.dossiers.get(code).due())
			.as("the appointment waits for the head of the agency").isEqualTo(due);
		org.assertj.core.api.Assertions.assertThat(task(code, ProcedureElements.APPROVE_APOLOGY, unitAtFault + "-officers"))
			.as("officers do not approve").isNull();
		Task approval = task(code, ProcedureElements.APPROVE_APOLOGY, unitAtFault + "-supervisors");
		org.assertj.core.api.Assertions.assertThat(approval).as("approval by the head of %s", unitAtFault).isNotNull();
		this.tasks.complete(approval.getId(), Map.of(DossierVariables.APOLOGY_DECISION, "approve"));
	}

	protected String codeOf(ProcessInstance instance) {
		return (String) this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_CODE);
	}

}
