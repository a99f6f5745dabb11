package vn.motcua.escalation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.PlainText;
import vn.motcua.intake.Timeliness;
import vn.motcua.notification.NotificationEvent;
import vn.motcua.notification.Notifications;
import vn.motcua.procedure.DossierClock;
import vn.motcua.procedure.DossierVariables;

/**
 * The apology and request to extend (form 04 of Circular 03/2025, "Văn bản xin lỗi và đề nghị gia
 * hạn thời gian giải quyết"): the unit at fault drafts it (the apology task of the procedure, or the
 * REST API, where it must come at least one working day before the appointment); the head of that
 * agency approves or rejects it; only the approved one moves {@code dossierDue} and the due date of
 * an open return task: once per dossier, to a date after the appointment in force. A rejected draft
 * is drafted again.
 */
@Service
class Apologies {

	private static final Logger log = LoggerFactory.getLogger(Apologies.class);

	/** The reason is printed on the letter (form 04); its column holds 4,000 characters. */
	static final int MAX_REASON = 2000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final Dossiers dossiers;

	private final LegalCalendar calendar;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final ManagementService management;

	private final Notifications notifications;

	Apologies(JdbcClient jdbc, Dossiers dossiers, LegalCalendar legalCalendar, RuntimeService runtime,
			TaskService tasks, ManagementService management, Notifications notifications) {
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.dossiers = dossiers;
		this.calendar = legalCalendar;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
	}

	Optional<Date> issuedAt(String code) {
		return this.jdbc.sql("select issued_at from apology where dossier_code = ?")
			.param(code)
			.query((rs, row) -> (Date) new Date(rs.getTimestamp(1).getTime()))
			.optional();
	}

	/**
	 * Checks a draft of form 04 against the rules: once per dossier, dossier not finished, no other
	 * draft waiting for the head of the agency, a reason, a new date after the appointment in force
	 * (at most a year later) and, on the REST API, at least one working day before the appointment.
	 * @param inAdvance whether the one-working-day-before rule is checked (REST); the apology task
	 * is created by the timer at that moment
	 */
	Dossier check(String code, String reason, Date newAppointment, boolean inAdvance) {
		Dossier dossier = this.dossiers.get(code);
		Date now = ClockUtil.getCurrentTime();
		issuedAt(code).ifPresent(at -> {
			throw new ApologyRefused("Hồ sơ " + code + " đã được xin lỗi và hẹn lại ngày trả kết quả một lần (lúc "
					+ format(at) + "). Theo quy định, chỉ được hẹn lại một lần.", true);
		});
		if (dossier.status() != DossierStatus.IN_PROGRESS && dossier.status() != DossierStatus.WAITING_CITIZEN) {
			throw new ApologyRefused("Hồ sơ " + code + " đã kết thúc, không thể hẹn lại.", true);
		}
		if (reason == null || PlainText.looksEmpty(reason)) {
			throw new ApologyRefused("Văn bản xin lỗi phải nêu rõ lý do chậm trễ.", false);
		}
		String problem = PlainText.problem(reason, true, MAX_REASON);
		if (problem != null) {
			throw new ApologyRefused(problem, false, "reason", "reason", String.valueOf(MAX_REASON));
		}
		if (newAppointment == null || !newAppointment.after(dossier.due())) {
			throw new ApologyRefused("Ngày hẹn trả mới phải sau ngày hẹn hiện tại (" + format(dossier.due()) + ").", false);
		}
		if (newAppointment.toInstant().isAfter(dossier.due().toInstant().atZone(Timeliness.ZONE).plusYears(1).toInstant())) {
			throw new ApologyRefused("errors.apology.tooLate", false, "newAppointment", format(dossier.due()));
		}
		if (inAdvance && this.calendar.workingDaysBetween(now, dossier.due()) < 1) {
			throw new ApologyRefused("Văn bản xin lỗi và hẹn lại phải gửi chậm nhất 01 ngày làm việc trước ngày hẹn trả ("
					+ format(dossier.due()) + ").", false);
		}
		return dossier;
	}

	/** A draft waiting for the head of the agency. */
	record Draft(long id, String dossierCode, String unitAtFault, String reason, Date oldAppointment,
			Date newAppointment, Date draftedAt, String draftedBy, String decision, Date decidedAt, String decidedBy,
			String decisionNote) {
	}

	/** The drafts of the dossier's apology, oldest first. */
	java.util.List<Draft> drafts(String code) {
		return this.jdbc.sql("select * from apology_draft where dossier_code = ? order by drafted_at, id")
			.param(code)
			.query((rs, row) -> new Draft(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("unit_at_fault"),
					rs.getString("reason"), date(rs.getTimestamp("old_appointment")), date(rs.getTimestamp("new_appointment")),
					date(rs.getTimestamp("drafted_at")), rs.getString("drafted_by"), rs.getString("decision"),
					date(rs.getTimestamp("decided_at")), rs.getString("decided_by"), rs.getString("decision_note")))
			.list();
	}

	Optional<Draft> pending(String code) {
		return drafts(code).stream().filter(d -> d.decision() == null).reduce((a, b) -> b);
	}

	private static Date date(Timestamp t) {
		return t == null ? null : new Date(t.getTime());
	}

	/**
	 * Records a draft of form 04 by the unit at fault, for the head of that agency to approve; the
	 * appointment does not move yet.
	 */
	Draft draft(String code, String unitAtFault, String reason, Date newAppointment, String by, boolean inAdvance) {
		Dossier dossier = check(code, reason, newAppointment, inAdvance);
		if (pending(code).isPresent()) {
			throw new ApologyRefused("Hồ sơ " + code
					+ " đã có văn bản xin lỗi, đề nghị gia hạn đang chờ thủ trưởng cơ quan duyệt.", true);
		}
		Date now = ClockUtil.getCurrentTime();
		this.jdbc.sql("""
				insert into apology_draft (dossier_code, unit_at_fault, reason, old_appointment, new_appointment,
				  drafted_at, drafted_by) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(code, unitAtFault, reason.strip(), new Timestamp(dossier.due().getTime()),
					new Timestamp(newAppointment.getTime()), new Timestamp(now.getTime()), by)
			.update();
		log.info("Dossier {}: apology drafted by {} ({}), new appointment {} proposed", code, unitAtFault, by,
				newAppointment);
		return pending(code).orElseThrow();
	}

	/**
	 * The head of the agency at fault decides on the pending draft: approved, the apology is issued
	 * and the appointment moves (once); rejected (with a note), the draft goes back to be redrafted.
	 * @return whether it was approved
	 */
	boolean decide(String code, String decision, String note, String by) {
		Draft draft = pending(code).orElseThrow(() -> new ApologyRefused(
				"Hồ sơ " + code + " không có văn bản xin lỗi, đề nghị gia hạn nào đang chờ duyệt.", true));
		boolean approve = "approve".equals(decision);
		if (!approve && !"reject".equals(decision)) {
			throw new ApologyRefused("Trường «apologyDecision»: chọn duyệt hoặc không duyệt.", false, "apologyDecision");
		}
		if (!approve && (note == null || PlainText.looksEmpty(note))) {
			throw new ApologyRefused("Trường «apologyDecisionNote»: khi không duyệt, thủ trưởng cơ quan ghi rõ lý do.",
					false, "apologyDecisionNote");
		}
		if (note != null && PlainText.problem(note, true, MAX_REASON) != null) {
			throw new ApologyRefused(PlainText.problem(note, true, MAX_REASON), false, "apologyDecisionNote",
					"apologyDecisionNote", String.valueOf(MAX_REASON));
		}
		Date now = ClockUtil.getCurrentTime();
		if (approve) {
			issue(code, draft.unitAtFault(), draft.reason(), draft.newAppointment(), draft.draftedBy(), false);
			this.jdbc.sql("update apology set approved_by = ?, approved_at = ? where dossier_code = ?")
				.params(by, new Timestamp(now.getTime()), code)
				.update();
		}
		this.jdbc.sql("update apology_draft set decision = ?, decided_at = ?, decided_by = ?, decision_note = ? where id = ?")
			.params(approve ? "approve" : "reject", new Timestamp(now.getTime()), by,
					note == null || note.isBlank() ? null : note.strip(), draft.id())
			.update();
		log.info("Dossier {}: apology draft {} {} by {}", code, draft.id(), approve ? "approved" : "rejected", by);
		return approve;
	}

	/**
	 * Issues the approved apology: records form 04 and moves the appointment, once per dossier.
	 */
	Dossier issue(String code, String unitAtFault, String reason, Date newAppointment, String by, boolean inAdvance) {
		Dossier dossier = check(code, reason, newAppointment, inAdvance);
		Date now = ClockUtil.getCurrentTime();
		this.jdbc.sql("""
				insert into apology (dossier_code, unit_at_fault, reason, old_appointment, new_appointment, issued_at,
				  issued_by) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(code, unitAtFault, reason, new Timestamp(dossier.due().getTime()),
					new Timestamp(newAppointment.getTime()), new Timestamp(now.getTime()), by)
			.update();
		this.dossiers.reschedule(code, newAppointment, false);
		this.notifications.enqueue(code, NotificationEvent.RESCHEDULED, java.util.Map.of(Notifications.REASON, reason, Notifications.OLD_APPOINTMENT, dossier.due()));
		this.runtime.setVariable(dossier.processInstanceId(), DossierVariables.DOSSIER_DUE, newAppointment);
		for (Task task : this.tasks.createTaskQuery().processInstanceId(dossier.processInstanceId()).list()) {
			if (task.getDueDate() != null && task.getDueDate().equals(dossier.due())) {
				task.setDueDate(newAppointment);
				this.tasks.saveTask(task);
			}
		}
		// rescheduled once: the apology timer, if it has not fired yet, must not ask again
		Job timer = this.management.createJobQuery()
			.processInstanceId(dossier.processInstanceId())
			.activityId(DossierClock.APOLOGY_TIMER)
			.singleResult();
		if (timer != null && !timer.isSuspended()) {
			this.management.suspendJobById(timer.getId());
		}
		log.info("Dossier {}: apology by {} ({}), appointment moved from {} to {}", code, unitAtFault, by,
				dossier.due(), newAppointment);
		return this.dossiers.get(code);
	}

	static String format(Date date) {
		return TIME.format(date.toInstant().atZone(Timeliness.ZONE));
	}

	/** A form or JSON value: Date, ISO date-time with or without offset, or ISO date (17:00 that day). */
	static Date parse(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Date date) {
			return date;
		}
		String text = value.toString().strip();
		try {
			if (text.length() == 10) {
				return Date.from(LocalDate.parse(text).atTime(17, 0).atZone(Timeliness.ZONE).toInstant());
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return Date.from(OffsetDateTime.parse(text).toInstant());
			}
			return Date.from(LocalDateTime.parse(text).atZone(Timeliness.ZONE).toInstant());
		}
		catch (DateTimeParseException ex) {
			throw new ApologyRefused("Ngày hẹn trả mới không hợp lệ: '" + text + "'.", false);
		}
	}

}
