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
 * The apology and new appointment (form 04): once per dossier, to a date after the appointment in
 * force. Issued from the apology task of the procedure or through the REST API, where it must also
 * come at least one working day before the appointment. Moves {@code dossierDue} and the due date
 * of an open return task.
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
	 * @param inAdvance whether the one-working-day-before rule is checked (REST); the apology task
	 * is created by the timer at that moment
	 */
	Dossier issue(String code, String unitAtFault, String reason, Date newAppointment, String by, boolean inAdvance) {
		Dossier dossier = this.dossiers.get(code);
		Date now = ClockUtil.getCurrentTime();
		issuedAt(code).ifPresent(at -> {
			throw new ApologyRefused("Hồ sơ " + code + " đã được xin lỗi và hẹn lại ngày trả kết quả một lần (lúc "
					+ format(at) + "). Theo quy định, chỉ được hẹn lại một lần.", true);
		});
		if (dossier.status() == DossierStatus.RETURNED || dossier.status() == DossierStatus.REFUSED) {
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
