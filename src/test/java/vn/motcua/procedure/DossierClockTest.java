package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.Timeliness;

/**
 * {@code pauseDossierClockDelegate} / {@code resumeDossierClockDelegate} (tax notice and payment)
 * on a small test model: the appointment moves by exactly the time the clock was stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierClockTest extends ProcedureTestBase {

	@Autowired
	RepositoryService repository;

	String deployment;

	@BeforeAll
	void deploy() {
		this.deployment = this.repository.createDeployment()
			.name("clock-pause-test")
			.addClasspathResource("test-processes/clock-pause.bpmn")
			.addClasspathResource("test-processes/clock-pause-intake.form")
			.deploy()
			.getId();
	}

	@AfterAll
	void undeploy() {
		this.repository.deleteDeployment(this.deployment, true);
	}

	@Test
	void paymentTimeIsNotCounted() {
		clock(LocalDateTime.of(2026, 3, 2, 8, 0));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey("clock-pause",
				Map.of(DossierVariables.RECEIVING_UNIT, "xa-an-binh", DossierVariables.APPLICANT_NAME, "Lê Văn Bình"));
		String code = codeOf(instance);
		Dossier paused = this.dossiers.get(code);
		assertThat(paused.status()).isEqualTo(DossierStatus.WAITING_CITIZEN);
		assertThat(paused.officeTimeLeft()).isEqualTo(this.calendar.officeTimeBetween(paused.receivedAt(), paused.due()));
		assertThat(timer(instance.getId(), DossierClock.APOLOGY_TIMER).getDuedate()).isEqualTo(DossierClock.STOPPED);

		// the citizen pays ten days later
		LocalDateTime paid = LocalDateTime.of(2026, 3, 12, 14, 0);
		clock(paid);
		Task pay = this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		this.tasks.complete(pay.getId());
		Dossier resumed = this.dossiers.get(code);
		assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(resumed.due()).isEqualTo(this.calendar.resume(at(paid), paused.officeTimeLeft()));
		assertThat(resumed.due()).isAfter(paused.due());
		assertThat(this.runtime.getVariable(instance.getId(), DossierVariables.DOSSIER_DUE)).isEqualTo(resumed.due());
		assertThat(timer(instance.getId(), DossierClock.APOLOGY_TIMER).getDuedate())
			.isEqualTo(this.calendar.before(resumed.due(), 1));
		Integer open = this.jdbc.sql("select count(*) from dossier_pause where dossier_code = ? and resumed_at is null")
			.param(code)
			.query(Integer.class)
			.single();
		assertThat(open).isZero();

		// returned after the original appointment but before the moved one: on time in law
		Task giveBack = this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(giveBack.getDueDate()).isEqualTo(resumed.due());
		clock(local(resumed.due()).minusHours(1));
		this.tasks.complete(giveBack.getId());
		assertThat(this.dossiers.get(code).timeliness()).isEqualTo(Timeliness.ON_TIME);
	}

}
