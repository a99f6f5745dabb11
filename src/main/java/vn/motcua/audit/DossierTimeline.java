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

	DossierTimeline(AuditQueries queries, AuditChain chain, Officials officials, HistoryService historyService,
			LegalCalendar legalCalendar, DeadlineMoves deadlineMoves) {
		this.deadlineMoves = deadlineMoves;
		this.queries = queries;
		this.chain = chain;
		this.officials = officials;
		this.history = historyService;
		this.calendar = legalCalendar;
	}

	record Step(int number, String name, String fromUnit, String toUnit, Date sentAt, Date receivedAt, Date dueAt,
			Date finishedAt, String official, BigDecimal allottedDays, Object usedDays, String outcome,
			String stepOutcome, Date remindedAt, Object pausedDays) {

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

	record View(DossierRow dossier, String receivingUnitName, String receivedByName, List<Step> steps,
			List<Entry> entries, List<Operation> operations, List<AuditEvent> chain, List<String> units) {

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
		int n = 0;
		for (Map<String, Object> h : handoffs) {
			String to = names.unit((String) h.get("TO_UNIT"));
			units.add(to);
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
			steps.add(new Step(++n, (String) h.get("STEP_NAME"), from, to, (Date) h.get("SENT_AT"), received, due,
					finished, official, (BigDecimal) h.get("ALLOTTED_DAYS"), used, outcome,
					(String) h.get("STEP_OUTCOME"), (Date) h.get("REMINDED_AT"), h.get("PAUSED_WORKING_DAYS")));
			entries.add(new Entry(received, "handoff", to, "", h.get("STEP_NAME") + " (" + from + " → " + to + ")"));
			if (h.get("REMINDED_AT") != null) {
				entries.add(new Entry((Date) h.get("REMINDED_AT"), "warning", to, "", (String) h.get("STEP_NAME")));
			}
			if (finished != null) {
				entries.add(new Entry(finished, "step-finished", to, official, h.get("STEP_NAME") + " · "
						+ (outcome == null ? "" : outcome)));
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
			entries.add(new Entry((Date) p.get("PAUSED_AT"), "paused", "", "", (String) p.get("REASON")));
			if (p.get("RESUMED_AT") != null) {
				entries.add(new Entry((Date) p.get("RESUMED_AT"), "resumed", "", "", (String) p.get("REASON")));
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
					this.deadlineMoves.describe(m, org.springframework.context.i18n.LocaleContextHolder.getLocale())));
		}
		if (d.finishedAt() != null) {
			entries.add(new Entry(d.finishedAt(),
					"REFUSED".equals(d.status()) ? "refused" : "STOPPED".equals(d.status()) ? "stopped" : "returned",
					names.unit(d.receivingUnit()), "",
					"REFUSED".equals(d.status()) ? d.refusalReason() : d.timeliness()));
		}
		entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
		return new View(d, names.unit(d.receivingUnit()), names.official(d.receivedBy()), steps, entries,
				operations(d, stepInstances, names), this.chain.ofDossier(d.code()), List.copyOf(units));
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
				ops.add(new Operation(e.getTimestamp(), names.official(e.getUserId()), e.getOperationType(),
						e.getEntityType(), e.getTaskId() == null ? "" : taskNames.getOrDefault(e.getTaskId(), ""),
						property == null ? "" : property,
						person ? names.official(e.getOrgValue()) : nz(e.getOrgValue()),
						person ? names.official(e.getNewValue()) : nz(e.getNewValue())));
			}
		}
		ops.sort(Comparator.comparing(Operation::at));
		return ops;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
