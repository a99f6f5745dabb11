package vn.motcua.escalation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.Dossiers;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.Handoff;
import vn.motcua.procedure.Handoffs;

/**
 * The open steps of some units that are past their due instant (breached) or will be within the
 * warning window ({@code motcua.deadlines.warning-before-working-days}), the most overdue first,
 * with the overrun or the time left in working time, and the breach's escalation task.
 */
@Component
class BreachWatch {

	/** One watched step. */
	record Row(String dossierCode, String procedure, String applicant, String step, String unit, Date dueAt,
			boolean breached, String time, String official, String escalationTaskId, boolean escalationOpen,
			String cause, String remedy) {
	}

	private final Handoffs handoffs;

	private final Dossiers dossiers;

	private final Breaches breaches;

	private final Organisation organisation;

	private final LegalCalendar calendar;

	private final TaskService tasks;

	private final IdentityService identity;

	private final MessageSource messages;

	private final Clock clock;

	private final double warningDays;

	BreachWatch(Handoffs handoffs, Dossiers dossiers, Breaches breaches, Organisation organisation,
			LegalCalendar legalCalendar, TaskService tasks, IdentityService identity, MessageSource messages,
			Clock clock, @Value("${motcua.deadlines.warning-before-working-days:0.5}") double warningDays) {
		this.handoffs = handoffs;
		this.dossiers = dossiers;
		this.breaches = breaches;
		this.organisation = organisation;
		this.calendar = legalCalendar;
		this.tasks = tasks;
		this.identity = identity;
		this.messages = messages;
		this.clock = clock;
		this.warningDays = warningDays;
	}

	Date now() {
		return Date.from(this.clock.instant());
	}

	List<Row> of(Collection<String> units, Locale locale) {
		Date now = now();
		Date horizon = this.calendar.dueFrom(now, this.warningDays);
		List<Handoff> open = this.handoffs.openDueBefore(units, horizon);
		Map<Long, Map<String, Object>> latestBreach = this.breaches
			.ofHandoffs(open.stream().map(Handoff::id).toList())
			.stream()
			.collect(Collectors.toMap(b -> ((Number) b.get("HANDOFF_ID")).longValue(), b -> b, (a, b) -> a));
		List<Row> rows = new ArrayList<>();
		for (Handoff h : open) {
			Optional<Dossier> dossier = this.dossiers.find(h.dossierCode());
			if (dossier.isEmpty() || dossier.get().status() != DossierStatus.IN_PROGRESS) {
				continue; // a step left open by a dossier refused or returned elsewhere
			}
			boolean breached = !h.dueAt().after(now);
			Map<String, Object> breach = latestBreach.get(h.id());
			String taskId = breach == null ? null : (String) breach.get("ESCALATION_TASK_ID");
			boolean taskOpen = taskId != null && this.tasks.createTaskQuery().taskId(taskId).count() == 1;
			Task handling = this.tasks.createTaskQuery()
				.processInstanceId(h.stepInstanceId())
				.taskDefinitionKey(AgencyStepProcess.Elements.HANDLE_STEP)
				.singleResult();
			String time = breached ? text("pages.breaches.overrun", locale, span(h.dueAt(), now, locale))
					: text("pages.breaches.left", locale, span(now, h.dueAt(), locale));
			rows.add(new Row(h.dossierCode(), dossier.get().procedureName(), dossier.get().applicantName(),
					h.stepName(), unitName(h.toUnit()), h.dueAt(), breached, time,
					handling == null ? null : official(handling.getAssignee()), taskId, taskOpen,
					breach == null ? null : (String) breach.get("CAUSE"),
					breach == null ? null : (String) breach.get("REMEDY")));
		}
		return rows;
	}

	/** Office time between two instants in Vietnamese: "1 ngày 2 giờ làm việc", "3 giờ 15 phút làm việc". */
	String span(Date from, Date to, Locale locale) {
		Duration office = this.calendar.officeTimeBetween(from, to);
		if (office.isNegative() || office.toMinutes() < 1) {
			return text("pages.time.lessThanMinute", locale);
		}
		double days = this.calendar.workingDaysBetween(from, to);
		long dayMillis = days > 0.0001 ? Math.round(office.toMillis() / days) : Duration.ofHours(8).toMillis();
		long wholeDays = (office.toMillis() + 30_000) / dayMillis;
		Duration rest = office.minusMillis(wholeDays * dayMillis);
		if (rest.isNegative()) {
			rest = Duration.ZERO;
		}
		long hours = rest.toHours();
		long minutes = rest.toMinutesPart();
		StringBuilder text = new StringBuilder();
		if (wholeDays > 0) {
			text.append(text("pages.time.days", locale, wholeDays));
			if (hours > 0) {
				text.append(' ').append(text("pages.time.hours", locale, hours));
			}
		}
		else if (hours > 0) {
			text.append(text("pages.time.hours", locale, hours));
			if (minutes > 0) {
				text.append(' ').append(text("pages.time.minutes", locale, minutes));
			}
		}
		else {
			text.append(text("pages.time.minutes", locale, minutes));
		}
		return text("pages.time.working", locale, text.toString());
	}

	private String unitName(String code) {
		return this.organisation.find(code).map(Unit::name).orElse(code);
	}

	private String official(String userId) {
		if (userId == null) {
			return null;
		}
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim();
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
