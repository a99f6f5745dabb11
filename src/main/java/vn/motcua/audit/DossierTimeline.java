package vn.motcua.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.motcua.calendarfollow.DeadlineMoves;
import vn.motcua.deadline.LegalCalendar;

/**
 * Everything that happened to one dossier, from Motcua's tables, the audit chain and Camunda's
 * user operation log (the procedure instance and its {@code agency-step} instances).
 */
@Component
class DossierTimeline {

	private final AuditQueries queries;

	private final AuditChain chain;

	private final Officials officials;

	private final HistoryService history;

	private final LegalCalendar calendar;

	private final DeadlineMoves deadlineMoves;

	private final MessageSource messages;

	DossierTimeline(AuditQueries queries, AuditChain chain, Officials officials, HistoryService historyService,
			LegalCalendar legalCalendar, DeadlineMoves deadlineMoves, MessageSource messageSource) {
		this.deadlineMoves = deadlineMoves;
		this.messages = messageSource;
		this.queries = queries;
		this.chain = chain;
		this.officials = officials;
		this.history = historyService;
		this.calendar = legalCalendar;
	}

	/**
	 * One handoff. {@code giver}: the official who handed the dossier over (who received it at the desk, or who
	 * finished the step before in the giving unit); {@code official}: who finished this step;
	 * {@code stepOutcome}: what the step's official decided, in words.
	 */
	record Step(int number, String name, String fromUnit, String toUnit, Date sentAt, Date receivedAt, Date dueAt,
			Date finishedAt, String official, BigDecimal allottedDays, Object usedDays, String outcome,
			String stepOutcome, Date remindedAt, Object pausedDays, String giver) {

	}

	/** One event; {@code cause} and {@code remedy}: what the supervisors wrote about a breach. */
	record Entry(Date at, String kind, String unit, String official, String detail, String cause, String remedy) {

		Entry(Date at, String kind, String unit, String official, String detail) {
			this(at, kind, unit, official, detail, null, null);
		}

	}

	record Operation(Date at, String official, String operation, String entity, String task, String property,
			String from, String to) {

	}

	/**
	 * Everything about one dossier. {@code leadUnit}: the unit of the first step after the desk's
	 * (completeness check); {@code coordinatingUnits}: the other units that handled a step.
	 */
	record View(DossierRow dossier, String receivingUnitName, String receivedByName, List<Step> steps,
			List<Entry> entries, List<Operation> operations, List<AuditEvent> chain, List<String> units,
			String leadUnit, List<String> coordinatingUnits) {

		/** The kinds of event that the control sheet lists between the handoffs. */
		static final Set<String> SHEET_EVENTS = Set.of("supplement-requested", "paused", "resumed", "breach", "apology",
				"deadline-moved", "stopped", "refused");

		/** The rows of the control sheet: each handoff, and each stop and restart of the clock, in time order. */
		public List<SheetRow> sheetRows() {
			List<SheetRow> rows = new ArrayList<>();
			this.steps.forEach(s -> rows.add(new SheetRow(s.receivedAt(), s, null)));
			this.entries.stream()
				.filter(e -> SHEET_EVENTS.contains(e.kind()))
				.forEach(e -> rows.add(new SheetRow(e.at(), null, e)));
			rows.sort(Comparator.comparing(SheetRow::at, Comparator.nullsLast(Comparator.naturalOrder())));
			return rows;
		}

	}

	/** A row of the control sheet: a handoff ({@code step}) or an event ({@code entry}). */
	record SheetRow(Date at, Step step, Entry entry) {

	}

	Optional<View> of(String code, AuditScope scope) {
		return this.queries.dossier(code, scope, ClockUtil.getCurrentTime()).map(this::build);
	}

	private View build(DossierRow d) {
		Officials.Names names = this.officials.names();
		Date now = ClockUtil.getCurrentTime();
		List<Map<String, Object>> handoffs = this.queries.handoffs(d.code());
		List<Step> steps = new ArrayList<>();
		List<Entry> entries = new ArrayList<>();
		Set<String> units = new LinkedHashSet<>();
		units.add(names.unit(d.receivingUnit()));
		entries.add(new Entry(d.receivedAt(), "received", names.unit(d.receivingUnit()), names.official(d.receivedBy()),
				d.procedureName()));
		Set<String> stepInstances = new LinkedHashSet<>();
		String lead = null;
		Set<String> handling = new LinkedHashSet<>();
		int n = 0;
		Map<String, String> lastFinisher = new java.util.HashMap<>();
		String receivedBy = names.official(d.receivedBy());
		for (Map<String, Object> h : handoffs) {
			String to = names.unit((String) h.get("TO_UNIT"));
			units.add(to);
			handling.add(to);
			if (lead == null && !"desk".equals(h.get("FUNCTION_CODE"))) {
				lead = to;
			}
			String from = names.unit((String) h.get("FROM_UNIT"));
			Date received = (Date) h.get("RECEIVED_AT");
			Date due = (Date) h.get("DUE_AT");
			Date finished = (Date) h.get("FINISHED_AT");
			Object used = h.get("WORKING_DAYS_USED");
			String outcome = (String) h.get("OUTCOME");
			if (finished == null) {
				used = BigDecimal.valueOf(this.calendar.workingDaysBetween(received, now))
					.setScale(2, java.math.RoundingMode.HALF_UP);
				outcome = due != null && due.before(now) ? "OVERDUE" : "OPEN";
			}
			String official = names.official((String) h.get("FINISHED_BY"));
			String fromCode = (String) h.get("FROM_UNIT");
			String giver = lastFinisher.getOrDefault(fromCode, receivedBy);
			String stepOutcome = (String) h.get("STEP_OUTCOME");
			steps.add(new Step(++n, (String) h.get("STEP_NAME"), from, to, (Date) h.get("SENT_AT"), received, due,
					finished, official, (BigDecimal) h.get("ALLOTTED_DAYS"), used, outcome,
					stepOutcome == null ? null : word("audit.stepOutcome." + stepOutcome, stepOutcome),
					(Date) h.get("REMINDED_AT"), h.get("PAUSED_WORKING_DAYS"), giver));
			if (finished != null && !official.isEmpty()) {
				lastFinisher.put((String) h.get("TO_UNIT"), official);
			}
			entries.add(new Entry(received, "handoff", to, "", h.get("STEP_NAME") + " (" + from + " → " + to + ")"));
			if (h.get("REMINDED_AT") != null) {
				entries.add(new Entry((Date) h.get("REMINDED_AT"), "warning", to, "", (String) h.get("STEP_NAME")));
			}
			if (finished != null) {
				entries.add(new Entry(finished, "step-finished", to, official, h.get("STEP_NAME")
						+ (outcome == null ? "" : " · " + word("audit.outcome." + outcome, outcome))));
			}
			if (h.get("STEP_INSTANCE_ID") != null) {
				stepInstances.add((String) h.get("STEP_INSTANCE_ID"));
			}
		}
		for (Map<String, Object> s : this.queries.supplements(d.code())) {
			String unit = names.unit((String) s.get("UNIT_CODE"));
			entries.add(new Entry((Date) s.get("REQUESTED_AT"), "supplement-requested", unit,
					names.official((String) s.get("REQUESTED_BY")), (String) s.get("ITEMS")));
			if (s.get("RESUMED_AT") != null) {
				entries.add(new Entry((Date) s.get("RESUMED_AT"), "supplement-received", unit, "", ""));
			}
		}
		for (Map<String, Object> p : this.queries.pauses(d.code())) {
			String reason = names.withUnitNames((String) p.get("REASON"));
			entries.add(new Entry((Date) p.get("PAUSED_AT"), "paused", "", "", reason));
			if (p.get("RESUMED_AT") != null) {
				entries.add(new Entry((Date) p.get("RESUMED_AT"), "resumed", "", "", reason));
			}
		}
		for (Map<String, Object> b : this.queries.breaches(d.code())) {
			String detail = "";
			String task = (String) b.get("ESCALATION_TASK_ID");
			if (task != null) {
				HistoricTaskInstance t = this.history.createHistoricTaskInstanceQuery().taskId(task).singleResult();
				if (t != null) {
					detail = t.getName() + (t.getAssignee() == null ? "" : " · " + names.official(t.getAssignee()))
							+ (t.getEndTime() == null ? "" : " · " + new AuditFormat().time(t.getEndTime()));
				}
			}
			entries.add(new Entry((Date) b.get("BREACHED_AT"), "breach", names.unit((String) b.get("UNIT_CODE")),
					names.official((String) b.get("OFFICIAL_USER_ID")), detail, (String) b.get("CAUSE"),
					(String) b.get("REMEDY")));
		}
		for (Map<String, Object> a : this.queries.apologies(d.code())) {
			AuditFormat f = new AuditFormat();
			entries.add(new Entry((Date) a.get("ISSUED_AT"), "apology", names.unit((String) a.get("UNIT_AT_FAULT")),
					names.official((String) a.get("ISSUED_BY")),
					a.get("REASON") + " · " + f.time((Date) a.get("OLD_APPOINTMENT")) + " → "
							+ f.time((Date) a.get("NEW_APPOINTMENT"))));
		}
		for (DeadlineMoves.Moved m : this.deadlineMoves.ofDossier(d.code())) {
			entries.add(new Entry(m.at(), "deadline-moved", "", "",
					this.deadlineMoves.describe(m, LocaleContextHolder.getLocale())));
		}
		if (d.finishedAt() != null) {
			entries.add(new Entry(d.finishedAt(),
					"REFUSED".equals(d.status()) ? "refused" : "STOPPED".equals(d.status()) ? "stopped" : "returned",
					names.unit(d.receivingUnit()), "",
					"REFUSED".equals(d.status()) ? d.refusalReason()
							: d.timeliness() == null ? "" : word("audit.outcome." + d.timeliness(), d.timeliness())));
		}
		entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
		String leadUnit = lead != null ? lead : names.unit(d.receivingUnit());
		handling.remove(leadUnit);
		return new View(d, names.unit(d.receivingUnit()), names.official(d.receivedBy()), steps, entries,
				operations(d, stepInstances, names), this.chain.ofDossier(d.code()), List.copyOf(units), leadUnit,
				List.copyOf(handling));
	}

	private List<Operation> operations(DossierRow d, Set<String> stepInstances, Officials.Names names) {
		Set<String> instances = new LinkedHashSet<>();
		if (d.processInstanceId() != null) {
			instances.add(d.processInstanceId());
			for (HistoricProcessInstance sub : this.history.createHistoricProcessInstanceQuery()
				.superProcessInstanceId(d.processInstanceId())
				.list()) {
				instances.add(sub.getId());
			}
		}
		instances.addAll(stepInstances);
		List<Operation> ops = new ArrayList<>();
		for (String instance : instances) {
			List<UserOperationLogEntry> log = this.history.createUserOperationLogQuery()
				.processInstanceId(instance)
				.list();
			Map<String, String> taskNames = new java.util.HashMap<>();
			for (HistoricTaskInstance t : this.history.createHistoricTaskInstanceQuery()
				.processInstanceId(instance)
				.list()) {
				taskNames.put(t.getId(), t.getName());
			}
			for (UserOperationLogEntry e : log) {
				String property = e.getProperty();
				boolean person = "assignee".equals(property) || "owner".equals(property);
				if ("delete".equals(property) && "Complete".equals(e.getOperationType())) {
					// Camunda logs a completion as its task's "delete" flag going from false to true
					property = null;
				}
				ops.add(new Operation(e.getTimestamp(), names.official(e.getUserId()), e.getOperationType(),
						e.getEntityType(), e.getTaskId() == null ? "" : taskNames.getOrDefault(e.getTaskId(), ""),
						property == null ? "" : word("audit.opprop." + property, property),
						property == null ? "" : person ? names.official(e.getOrgValue()) : value(e.getOrgValue()),
						property == null ? "" : person ? names.official(e.getNewValue()) : value(e.getNewValue())));
			}
		}
		ops.sort(Comparator.comparing(Operation::at));
		return ops;
	}

	private String value(String v) {
		if (v == null) {
			return "";
		}
		return "true".equals(v) || "false".equals(v) ? word("audit.value." + v, v) : v;
	}

	/** The Vietnamese word for a code; the code itself only if no bundle has it. */
	private String word(String key, String fallback) {
		return this.messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
	}

}
