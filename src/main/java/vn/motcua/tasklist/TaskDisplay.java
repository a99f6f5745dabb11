package vn.motcua.tasklist;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.DocumentNames;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.DisplayVariables;
import vn.motcua.procedure.DossierIdentity;
import vn.motcua.procedure.DossierVariables;

/**
 * Gives every task the variables its Tasklist card shows (dossier code, procedure, applicant, step due
 * time, alert) and computes the header of a step form when Tasklist loads it ({@link #formHeader}).
 */
@Component
class TaskDisplay {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final Dossiers dossiers;

	private final DocumentNames documents;

	private final Organisation organisation;

	private final LegalCalendar calendar;

	private final MessageSource messages;

	TaskDisplay(RuntimeService runtime, TaskService tasks, Dossiers dossiers, DocumentNames documents, Organisation organisation,
			LegalCalendar legalCalendar, MessageSource messageSource) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.dossiers = dossiers;
		this.documents = documents;
		this.organisation = organisation;
		this.calendar = legalCalendar;
		this.messages = messageSource;
	}

	/** Variables of the dossier a card shows, copied to each task when it is created. */
	static final List<String> CARD = List.of(DossierVariables.DOSSIER_CODE, DossierVariables.PROCEDURE_NAME,
			DossierVariables.APPLICANT_NAME);

	/**
	 * A new task carries, as its own (task-local) variables, what its card shows: Tasklist reads card
	 * variables with the official's permissions, which cover the task but not the process instance.
	 */
	@EventListener
	void on(DelegateTask task) {
		if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getExecution() == null) {
			return;
		}
		for (String name : CARD) {
			Object value = DossierIdentity.dossierVariable(task.getExecution(), name);
			if (value != null) {
				task.setVariableLocal(name, value);
			}
		}
		Object stepDue = task.getExecution().getVariable(AgencyStepProcess.STEP_DUE);
		Date due = stepDue instanceof Date d ? d : task.getDueDate();
		if (due != null) {
			task.setVariableLocal(DisplayVariables.STEP_DUE_TEXT, TIME.format(due.toInstant()));
		}
		if (AgencyStepProcess.Elements.RESOLVE_BREACH.equals(task.getTaskDefinitionKey())) {
			task.setVariableLocal(DisplayVariables.STEP_ALERT, alert("tasklist.alert.breach"));
		}
	}

	/**
	 * At startup: open tasks created before their cards had copies (a database of an earlier
	 * version) get them, so that their cards are not empty. Returns how many tasks were completed.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		copyCardsOfOlderTasks();
	}

	int copyCardsOfOlderTasks() {
		int copied = 0;
		int page = 0;
		List<Task> open;
		do {
			open = this.tasks.createTaskQuery().active().orderByTaskCreateTime().asc().listPage(page * 500, 500);
			for (Task task : open) {
				if (task.getProcessInstanceId() == null
						|| this.tasks.getVariableLocal(task.getId(), DossierVariables.DOSSIER_CODE) != null) {
					continue;
				}
				Map<String, Object> values = new HashMap<>();
				Dossier dossier = dossierOf(task);
				if (dossier != null) {
					values.putAll(this.runtime.getVariables(dossier.processInstanceId(), CARD));
				}
				values.values().removeIf(Objects::isNull);
				if (task.getDueDate() != null) {
					Object stepDue = this.runtime.getVariable(task.getProcessInstanceId(), AgencyStepProcess.STEP_DUE);
					Date due = stepDue instanceof Date d ? d : task.getDueDate();
					values.put(DisplayVariables.STEP_DUE_TEXT, TIME.format(due.toInstant()));
				}
				if (!values.isEmpty()) {
					this.tasks.setVariablesLocal(task.getId(), values);
					copied++;
				}
			}
			page++;
		}
		while (open.size() == 500);
		return copied;
	}

	/** The warning and breach timers of a step mark its task, for the cards and the supervisors' filter. */
	@EventListener
	void on(DelegateExecution execution) {
		if (!ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
			return;
		}
		String activity = execution.getCurrentActivityId();
		String key = AgencyStepProcess.Elements.WARNING.equals(activity) ? "tasklist.alert.warning"
				: AgencyStepProcess.Elements.BREACH.equals(activity) ? "tasklist.alert.breach" : null;
		if (key == null) {
			return;
		}
		Task step = this.tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(AgencyStepProcess.Elements.HANDLE_STEP)
			.singleResult();
		if (step != null) {
			this.tasks.setVariableLocal(step.getId(), DisplayVariables.STEP_ALERT, alert(key));
		}
	}

	private String alert(String key) {
		return this.messages.getMessage(key, null, VI);
	}

	/** The header values of the task's form, as of {@code now}; only those that apply to the task. */
	Map<String, String> formHeader(Task task, Date now, Locale locale) {
		return formHeader(task, dossierOf(task), now, locale);
	}

	/** The same, for the task's dossier (null when the task has none). */
	Map<String, String> formHeader(Task task, Dossier dossier, Date now, Locale locale) {
		Map<String, String> header = new LinkedHashMap<>();
		Map<String, Object> variables = this.runtime.getVariables(task.getProcessInstanceId(),
				List.of(AgencyStepProcess.STEP_UNIT, AgencyStepProcess.STEP_DUE));
		if (dossier != null) {
			header.put(DisplayVariables.APPOINTMENT_TEXT, TIME.format(dossier.due().toInstant()));
			header.put(DisplayVariables.DOCUMENT_NAMES, String.join("\n", this.documents.of(dossier)));
		}
		// the escalation of a breach shows the breached step's due time (and how late it is), not its own
		Object stepDue = variables.get(AgencyStepProcess.STEP_DUE);
		Date due = AgencyStepProcess.Elements.RESOLVE_BREACH.equals(task.getTaskDefinitionKey())
				&& stepDue instanceof Date d ? d : task.getDueDate();
		if (due != null) {
			header.put(DisplayVariables.STEP_DUE_TEXT, TIME.format(due.toInstant()));
			header.put(DisplayVariables.TIME_LEFT_TEXT, timeLeft(now, due, locale));
		}
		Task step = this.tasks.createTaskQuery()
			.processInstanceId(task.getProcessInstanceId())
			.taskDefinitionKey(AgencyStepProcess.Elements.HANDLE_STEP)
			.singleResult();
		header.put(DisplayVariables.STEP_TITLE, step != null ? step.getName() : task.getName());
		unitName(variables.get(AgencyStepProcess.STEP_UNIT))
			.ifPresent(name -> header.put(DisplayVariables.STEP_UNIT_NAME, name));
		if (dossier != null) {
			unitName(dossier.receivingUnit()).ifPresent(name -> header.put(DisplayVariables.RECEIVING_UNIT_NAME, name));
		}
		return header;
	}

	/**
	 * The values the task's form shows read-only from the dossier: the procedure instance's
	 * variables named by {@code keys} (a step receives no copies of them).
	 */
	VariableMap dossierFields(Task task, Collection<String> keys) {
		return dossierFields(task, dossierOf(task), keys);
	}

	/** The same, from the task's dossier (null when the task has none). */
	VariableMap dossierFields(Task task, Dossier dossier, Collection<String> keys) {
		if (dossier == null || keys.isEmpty() || dossier.processInstanceId().equals(task.getProcessInstanceId())) {
			return Variables.createVariables();
		}
		return this.runtime.getVariablesTyped(dossier.processInstanceId(), keys, true);
	}

	/** The dossier of a task of its procedure or of one of its steps (the business key is its code). */
	Dossier dossierOf(Task task) {
		if (task.getProcessInstanceId() == null) {
			return null;
		}
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult();
		return instance == null || instance.getBusinessKey() == null ? null
				: this.dossiers.find(instance.getBusinessKey()).orElse(null);
	}

	/** "Còn 1 ngày 3 giờ 15 phút làm việc" before the due time, "Quá hạn 2 giờ làm việc" after it. */
	String timeLeft(Date now, Date due, Locale locale) {
		boolean late = now.after(due);
		Date from = late ? due : now;
		Date to = late ? now : due;
		Duration office = this.calendar.officeTimeBetween(from, to);
		double workingDays = this.calendar.workingDaysBetween(from, to);
		long days = (long) Math.floor(workingDays + 1e-9);
		Duration rest = office;
		if (days > 0 && workingDays > 0) {
			Duration perDay = Duration.ofSeconds(Math.round(office.getSeconds() / workingDays));
			rest = office.minus(perDay.multipliedBy(days));
			if (rest.isNegative()) {
				rest = Duration.ZERO;
			}
		}
		long minutes = rest.toMinutes();
		StringBuilder amount = new StringBuilder();
		if (days > 0) {
			amount.append(this.messages.getMessage("tasklist.time.days", new Object[] { days }, locale));
		}
		if (minutes / 60 > 0) {
			append(amount, this.messages.getMessage("tasklist.time.hours", new Object[] { minutes / 60 }, locale));
		}
		if (minutes % 60 > 0 || amount.isEmpty()) {
			append(amount, this.messages.getMessage("tasklist.time.minutes", new Object[] { minutes % 60 }, locale));
		}
		return this.messages.getMessage(late ? "tasklist.time.late" : "tasklist.time.left",
				new Object[] { amount.toString() }, locale);
	}

	private static void append(StringBuilder text, String part) {
		if (!text.isEmpty()) {
			text.append(' ');
		}
		text.append(part);
	}

	private java.util.Optional<String> unitName(Object code) {
		return code == null ? java.util.Optional.empty() : this.organisation.find(code.toString()).map(Unit::name);
	}

}
