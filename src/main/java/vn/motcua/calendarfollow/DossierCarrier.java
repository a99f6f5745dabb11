package vn.motcua.calendarfollow;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.CalendarView;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierChanged;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.DossierClock;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.Handoff;
import vn.motcua.procedure.HandoffChanged;
import vn.motcua.procedure.Handoffs;

/**
 * Carries the deadlines of one running dossier from one calendar version to the next.
 * <p>
 * A running deadline keeps the office time it had left now and is counted again against the new
 * days ({@link CalendarView#carry}); a deadline of a stopped clock keeps the office time it had left
 * when the clock stopped. The appointment printed on the receipt and the new date of an apology
 * (form 04) are promises made to the citizen and stay; the legal due moves, and the apology timer
 * (one working day before the appointment in force) is counted again. Deadlines computed after
 * the version was recorded ({@code versionAt}) already use the new days and are left alone.
 */
@Component
class DossierCarrier {

	private final JdbcClient jdbc;

	private final Handoffs handoffs;

	private final ManagementService management;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final ApplicationEventPublisher events;

	private final double warningBefore;

	DossierCarrier(JdbcClient jdbc, Handoffs handoffs, ManagementService management, TaskService tasks,
			RuntimeService runtime, ApplicationEventPublisher events,
			@Value("${motcua.deadlines.warning-before-working-days:0.5}") double warningBefore) {
		this.jdbc = jdbc;
		this.handoffs = handoffs;
		this.management = management;
		this.tasks = tasks;
		this.runtime = runtime;
		this.events = events;
		this.warningBefore = warningBefore;
	}

	/**
	 * The moves of the dossier; applied (dossier table, control sheet, engine jobs, tasks and
	 * variables) when {@code apply}, else only computed from Motcua's tables (the preview).
	 */
	List<Move> carry(Dossier d, CalendarView old, CalendarView now, Date at, Date versionAt, boolean apply) {
		List<Move> moves = new ArrayList<>();
		if (latestComputation(d).before(versionAt)) {
			carryDossier(d, old, now, at, apply, moves);
		}
		for (Handoff h : this.handoffs.ofDossier(d.code())) {
			if (h.open()) {
				carryStep(d, h, old, now, at, versionAt, apply, moves);
			}
		}
		return moves;
	}

	private void carryDossier(Dossier d, CalendarView old, CalendarView now, Date at, boolean apply, List<Move> moves) {
		boolean paused = d.clockPaused();
		Date legal = now.carry(old, paused ? d.pausedAt() : at, d.legalDue());
		boolean promised = same(d.due(), d.originalDue()) || rescheduled(d.code());
		Date due = paused || promised ? d.due() : now.carry(old, at, d.due());
		add(moves, Deadline.LEGAL_DUE, null, d.legalDue(), legal);
		add(moves, Deadline.APPOINTMENT, null, d.due(), due);
		Job apology = paused || !apply ? null : apologyTimer(d.processInstanceId());
		Date apologyAt = paused ? null : now.before(due, 1);
		if (!apply) {
			Date was = paused ? null : old.before(d.due(), 1);
			if (was != null && !rescheduled(d.code())) {
				add(moves, Deadline.APOLOGY, null, was, apologyAt);
			}
			return;
		}
		if (apology != null) {
			add(moves, Deadline.APOLOGY, null, apology.getDuedate(), apologyAt);
		}
		if (!same(legal, d.legalDue()) || !same(due, d.due())) {
			this.jdbc.sql("update dossier set legal_due = ?, due_at = ? where code = ?")
				.params(ts(legal), ts(due), d.code())
				.update();
			this.events.publishEvent(new DossierChanged(d.code()));
		}
		if (d.processInstanceId() == null) {
			return;
		}
		if (!same(due, d.due())) {
			this.runtime.setVariable(d.processInstanceId(), DossierVariables.DOSSIER_DUE, due);
			for (Task task : this.tasks.createTaskQuery().processInstanceId(d.processInstanceId()).list()) {
				if (same(d.due(), task.getDueDate())) {
					setDue(task, due);
				}
			}
		}
		if (apology != null && !same(apology.getDuedate(), apologyAt)) {
			this.runtime.setVariable(d.processInstanceId(), DossierVariables.APOLOGY_AT, apologyAt);
			this.management.setJobDuedate(apology.getId(), apologyAt);
		}
	}

	private void carryStep(Dossier d, Handoff h, CalendarView old, CalendarView now, Date at, Date versionAt,
			boolean apply, List<Move> moves) {
		String step = h.stepInstanceId();
		if (h.pausedAt() == null) {
			if (!computedBefore(h, versionAt)) {
				return;
			}
			Date due = now.carry(old, at, h.dueAt());
			add(moves, Deadline.STEP, h.stepName(), h.dueAt(), due);
			if (apply && !same(due, h.dueAt())) {
				this.jdbc.sql("update handoff set due_at = ? where id = ?").params(ts(due), h.id()).update();
				this.events.publishEvent(new HandoffChanged(h.id()));
				this.runtime.setVariable(step, AgencyStepProcess.STEP_DUE, due);
				moveJob(step, AgencyStepProcess.Elements.BREACH, due);
				for (Task task : stepTasks(step, AgencyStepProcess.Elements.HANDLE_STEP)) {
					setDue(task, due);
				}
			}
			Date warning = now.before(due, this.warningBefore);
			warning = warning.before(at) ? at : warning;
			Job warningJob = apply ? job(step, AgencyStepProcess.Elements.WARNING) : null;
			Date wasWarning = apply ? (warningJob == null ? null : warningJob.getDuedate())
					: max(old.before(h.dueAt(), this.warningBefore), at);
			if (wasWarning != null && wasWarning.after(at)) {
				add(moves, Deadline.STEP_WARNING, h.stepName(), wasWarning, warning);
				if (apply && !same(warning, wasWarning)) {
					this.runtime.setVariable(step, AgencyStepProcess.STEP_WARNING_AT, warning);
					this.management.setJobDuedate(warningJob.getId(), warning);
				}
			}
		}
		else {
			for (Supplement s : this.jdbc.sql("""
					select id, requested_at, citizen_due from supplement_request
					where handoff_id = ? and resumed_at is null""")
				.param(h.id())
				.query((rs, row) -> new Supplement(rs.getLong(1), new Date(rs.getTimestamp(2).getTime()),
						new Date(rs.getTimestamp(3).getTime())))
				.list()) {
				if (!s.requestedAt().before(versionAt)) {
					continue;
				}
				Date was = s.citizenDue();
				Date due = now.carry(old, at, was);
				add(moves, Deadline.SUPPLEMENT, h.stepName(), was, due);
				if (apply && !same(due, was)) {
					this.jdbc.sql("update supplement_request set citizen_due = ? where id = ?")
						.params(ts(due), s.id())
						.update();
					this.runtime.setVariable(step, AgencyStepProcess.SUPPLEMENT_DUE, due);
					moveJob(step, AgencyStepProcess.Elements.SUPPLEMENT_OVERDUE, due);
					for (Task task : stepTasks(step, AgencyStepProcess.Elements.RECEIVE_SUPPLEMENT)) {
						setDue(task, due);
					}
				}
			}
		}
		if (apply) {
			for (Task task : stepTasks(step, AgencyStepProcess.Elements.RESOLVE_BREACH)) {
				if (task.getDueDate() != null && task.getCreateTime().before(versionAt)) {
					Date due = now.carry(old, at, task.getDueDate());
					add(moves, Deadline.ESCALATION, h.stepName(), task.getDueDate(), due);
					if (!same(due, task.getDueDate())) {
						setDue(task, due);
					}
				}
			}
		}
	}

	/** When the dossier's deadlines were last computed: receipt, or the last restart of its clock. */
	private Date latestComputation(Dossier d) {
		Timestamp resumed = this.jdbc.sql("select max(resumed_at) from dossier_pause where dossier_code = ?")
			.param(d.code())
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return resumed != null && resumed.after(d.receivedAt()) ? new Date(resumed.getTime()) : d.receivedAt();
	}

	private boolean computedBefore(Handoff h, Date versionAt) {
		Timestamp resumed = this.jdbc.sql("select max(resumed_at) from supplement_request where handoff_id = ?")
			.param(h.id())
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		Date computed = resumed != null && resumed.after(h.receivedAt()) ? resumed : h.receivedAt();
		return computed.before(versionAt);
	}

	private boolean rescheduled(String code) {
		return this.jdbc.sql("select count(*) from apology where dossier_code = ?").param(code).query(Long.class).single() > 0;
	}

	private Job apologyTimer(String processInstanceId) {
		if (processInstanceId == null) {
			return null;
		}
		Job job = job(processInstanceId, DossierClock.APOLOGY_TIMER);
		return job == null || job.isSuspended() || DossierClock.STOPPED.equals(job.getDuedate()) ? null : job;
	}

	private Job job(String processInstanceId, String activityId) {
		return this.management.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	private void moveJob(String processInstanceId, String activityId, Date due) {
		Job job = job(processInstanceId, activityId);
		if (job != null && !job.isSuspended()) {
			this.management.setJobDuedate(job.getId(), due);
		}
	}

	private List<Task> stepTasks(String processInstanceId, String key) {
		return this.tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).list();
	}

	private void setDue(Task task, Date due) {
		task.setDueDate(due);
		this.tasks.saveTask(task);
	}

	private static void add(List<Move> moves, Deadline deadline, String step, Date from, Date to) {
		if (from != null && to != null && !same(from, to)) {
			moves.add(new Move(deadline, step, new Date(from.getTime()), new Date(to.getTime())));
		}
	}

	private record Supplement(long id, Date requestedAt, Date citizenDue) {
	}

	private static boolean same(Date a, Date b) {
		return a == null ? b == null : b != null && a.getTime() == b.getTime();
	}

	private static Date max(Date a, Date b) {
		return a.before(b) ? b : a;
	}

	private static Timestamp ts(Date d) {
		return new Timestamp(d.getTime());
	}

}
