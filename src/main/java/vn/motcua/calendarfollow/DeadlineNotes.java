package vn.motcua.calendarfollow;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.CalendarView;
import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossiers;

/**
 * {@code deadlineNotes}: says where a deadline rests on a provisional year ("tạm tính") and where
 * the legal due moved past the appointment on the receipt. In Tasklist: the task description and
 * the process variable {@value #VARIABLE} (set when a task is created and whenever the calendar
 * changes); on the receipt and the lookup page: {@code ${@deadlineNotes.…(code)}}.
 */
@Component("deadlineNotes")
public class DeadlineNotes {

	/** Process variable shown on Tasklist cards: the provisional note, absent once official. */
	public static final String VARIABLE = "deadlineNote";

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final LegalCalendar calendar;

	private final Dossiers dossiers;

	private final MessageSource messages;

	private final TaskService tasks;

	private final RuntimeService runtime;

	DeadlineNotes(LegalCalendar legalCalendar, Dossiers dossiers, MessageSource messageSource, TaskService tasks,
			RuntimeService runtime) {
		this.runtime = runtime;
		this.calendar = legalCalendar;
		this.dossiers = dossiers;
		this.messages = messageSource;
		this.tasks = tasks;
	}

	/** Whether the appointment in force of the dossier rests on a year without an official schedule. */
	public boolean provisional(String code) {
		return this.dossiers.find(code)
			.filter(d -> d.finishedAt() == null)
			.map(d -> this.calendar.isProvisional(d.receivedAt(), later(d.due(), d.legalDue())))
			.orElse(false);
	}

	/** "tạm tính (năm 2027 chưa có lịch nghỉ chính thức)", or null when every year is official. */
	public String provisionalText(String code, Locale locale) {
		return this.dossiers.find(code)
			.filter(d -> d.finishedAt() == null)
			.map(d -> text(this.calendar.current(), d.receivedAt(), later(d.due(), d.legalDue()), locale))
			.orElse(null);
	}

	/**
	 * The legal due when a calendar change moved it past the appointment in force (the appointment
	 * printed on the receipt stays the promise made), or null.
	 */
	public String legalDueMovedText(String code, Locale locale) {
		return this.dossiers.find(code)
			.filter(d -> d.finishedAt() == null && d.legalDue().after(d.due()))
			.map(d -> this.messages.getMessage("calendar-follow.legal-due-moved",
					new Object[] { DeadlineMoves.time(d.legalDue()) }, locale))
			.orElse(null);
	}

	@EventListener
	void on(DelegateTask task) {
		if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) && task.getDueDate() != null) {
			String note = text(this.calendar.current(), created(task.getCreateTime()), task.getDueDate(), VI);
			if (note != null) {
				task.setDescription(withNote(task.getDescription(), note));
				task.getExecution().setVariable(VARIABLE, note);
				// the task's own copy is what its Tasklist card shows (officials may not read the instance)
				task.setVariableLocal(VARIABLE, note);
			}
		}
	}

	/** Renews the notes of the open tasks of these instances against the calendar version. */
	void refresh(List<String> processInstanceIds, CalendarView view) {
		for (String instance : processInstanceIds) {
			String instanceNote = null;
			for (Task task : this.tasks.createTaskQuery().processInstanceId(instance).list()) {
				if (task.getDueDate() == null) {
					continue;
				}
				String note = text(view, created(task.getCreateTime()), task.getDueDate(), VI);
				String description = withNote(strip(task.getDescription()), note);
				if (!java.util.Objects.equals(description, task.getDescription())) {
					task.setDescription(description);
					this.tasks.saveTask(task);
				}
				if (note != null) {
					this.tasks.setVariableLocal(task.getId(), VARIABLE, note);
				}
				else if (this.tasks.getVariableLocal(task.getId(), VARIABLE) != null) {
					this.tasks.removeVariableLocal(task.getId(), VARIABLE);
				}
				instanceNote = instanceNote != null ? instanceNote : note;
			}
			if (instanceNote != null) {
				this.runtime.setVariable(instance, VARIABLE, instanceNote);
			}
			else if (this.runtime.getVariable(instance, VARIABLE) != null) {
				this.runtime.removeVariable(instance, VARIABLE);
			}
		}
	}

	private String text(CalendarView view, Date from, Date to, Locale locale) {
		List<Integer> years = view.provisionalYears(from, to);
		if (years.isEmpty()) {
			return null;
		}
		return this.messages.getMessage("calendar-follow.provisional",
				new Object[] { years.stream().map(String::valueOf).collect(Collectors.joining(", ")) }, locale);
	}

	/** Marks the note in a description so that it can be replaced. */
	private static final String MARK = "⏳ ";

	static String withNote(String description, String note) {
		String base = strip(description);
		if (note == null) {
			return base;
		}
		return (base == null || base.isBlank() ? "" : base + "\n") + MARK + note;
	}

	private static String strip(String description) {
		if (description == null) {
			return null;
		}
		int i = description.indexOf(MARK);
		if (i < 0) {
			return description;
		}
		String base = description.substring(0, i).stripTrailing();
		return base.isEmpty() ? null : base;
	}

	private static Date created(Date createTime) {
		return createTime == null ? org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime() : createTime;
	}

	private static Date later(Date a, Date b) {
		return a.after(b) ? a : b;
	}

}
