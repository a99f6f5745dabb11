package vn.motcua.calendarfollow;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.audit.AuditEvents;
import vn.motcua.deadline.CalendarView;
import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.procedure.Handoff;
import vn.motcua.procedure.Handoffs;

/**
 * Follows calendar changes: {@link #sync} records the calendar in force as a new version when it
 * differs from the last one recorded; {@link #runPending} recomputes the running dossiers of the
 * oldest pending version, claimed by one node at a time, batch by batch (one transaction each,
 * keeping its place), so that a crash resumes where it stopped and no dossier moves twice. The
 * poller does both every {@code motcua.calendar.follow.poll-interval} on every node.
 */
@Service
public class CalendarFollow {

	private static final Logger log = LoggerFactory.getLogger(CalendarFollow.class);

	static final String EVENT_TYPE = "DEADLINE_MOVED";

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final LegalCalendar calendar;

	private final CalendarVersions versions;

	private final DossierCarrier carrier;

	private final DeadlineMoves moves;

	private final DeadlineNotes notes;

	private final AuditEvents audit;

	private final Dossiers dossiers;

	private final Handoffs handoffs;

	private final JdbcClient jdbc;

	private final CalendarFollowProperties properties;

	private final TransactionTemplate batch;

	private final TransactionTemplate own;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "#"
			+ Integer.toHexString(System.identityHashCode(this));

	CalendarFollow(LegalCalendar legalCalendar, CalendarVersions versions, DossierCarrier carrier, DeadlineMoves moves,
			DeadlineNotes notes, AuditEvents audit, Dossiers dossiers, Handoffs handoffs, JdbcClient jdbc,
			CalendarFollowProperties properties, PlatformTransactionManager transactions) {
		this.calendar = legalCalendar;
		this.versions = versions;
		this.carrier = carrier;
		this.moves = moves;
		this.notes = notes;
		this.audit = audit;
		this.dossiers = dossiers;
		this.handoffs = handoffs;
		this.jdbc = jdbc;
		this.properties = properties;
		this.batch = new TransactionTemplate(transactions);
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** What a calendar change would do, before it is applied. */
	public record Preview(List<CalendarView.DayChange> changes, int dossiersMoving, int runningDossiers) {
	}

	/** The recorded versions, newest first. */
	List<CalendarVersions.Version> recentVersions() {
		return this.versions.recent(20);
	}

	@Scheduled(fixedDelayString = "${motcua.calendar.follow.poll-interval:30s}",
			initialDelayString = "${motcua.calendar.follow.poll-interval:30s}")
	void poll() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			this.calendar.reload();
			sync(null);
			runPending();
		}
		catch (RuntimeException ex) {
			log.error("Calendar follow-up failed, will retry: {}", ex.toString());
		}
	}

	/**
	 * Records the calendar in force as a version when it differs from the last one recorded
	 * (the first one is the baseline, nothing to recompute). On several nodes only one registers
	 * a given successor.
	 * @return the version recorded now, if any
	 */
	public Optional<Long> sync(String by) {
		CalendarView current = this.calendar.current();
		Optional<CalendarVersions.Version> latest = this.versions.latest();
		if (latest.isPresent() && latest.get().hash().equals(current.hash())) {
			return Optional.empty();
		}
		Date now = ClockUtil.getCurrentTime();
		if (latest.isEmpty()) {
			boolean inserted = Boolean.TRUE.equals(this.own.execute(s -> this.versions.insert(0, current.hash(),
					current.json(), "Lịch ban đầu: " + current.officialYears(), now, by, CalendarVersions.BASELINE)));
			return inserted ? this.versions.latest().map(CalendarVersions.Version::id) : Optional.empty();
		}
		CalendarView previous = this.calendar.version(latest.get().schedules());
		List<CalendarView.DayChange> changes = current.changesFrom(previous);
		boolean followUp = !changes.isEmpty() || !previous.officialYears().equals(current.officialYears());
		String summary = summary(changes, previous, current);
		long previousId = latest.get().id();
		boolean inserted = Boolean.TRUE.equals(this.own.execute(s -> this.versions.insert(previousId, current.hash(),
				current.json(), summary, now, by, followUp ? CalendarVersions.PENDING : CalendarVersions.DONE)));
		if (!inserted) {
			return Optional.empty();
		}
		log.info("Legal calendar version recorded: {}", summary);
		return this.versions.latest().map(CalendarVersions.Version::id);
	}

	/**
	 * Recomputes the pending versions, oldest first, if this node can claim them.
	 * @return the number of dossiers whose deadlines moved
	 */
	public int runPending() {
		return runPending(this.node);
	}

	/** As {@link #runPending()}, as the node with this name. */
	int runPending(String node) {
		this.running.lock();
		try {
			return recompute(node);
		}
		finally {
			this.running.unlock();
		}
	}

	/** One recomputation at a time in this JVM (the poller, the administrators' page). */
	private final java.util.concurrent.locks.ReentrantLock running = new java.util.concurrent.locks.ReentrantLock();

	private int recompute(String node) {
		int moved = 0;
		Optional<CalendarVersions.Version> pending;
		while ((pending = this.versions.oldestPending()).isPresent()) {
			CalendarVersions.Version v = pending.get();
			Date now = ClockUtil.getCurrentTime();
			if (!this.versions.claim(v.id(), node, now, leaseFrom(now))) {
				return moved;
			}
			CalendarView before = this.calendar.version(this.versions.get(v.previousId()).orElseThrow().schedules());
			CalendarView after = this.calendar.version(v.schedules());
			Date from = affectedFrom(before, after);
			String cursor = v.cursor() == null ? "" : v.cursor();
			while (true) {
				String start = cursor;
				Batch done = this.batch.execute(s -> batch(node, v, before, after, from, start));
				if (done == null || done.lost()) {
					return moved;
				}
				moved += done.moved();
				if (done.last() == null) {
					break;
				}
				cursor = done.last();
			}
			this.versions.finish(v.id(), node, ClockUtil.getCurrentTime());
			log.info("Calendar version {}: running dossiers recomputed", v.id());
		}
		return moved;
	}

	private record Batch(String last, int moved, boolean lost) {
	}

	private Batch batch(String node, CalendarVersions.Version v, CalendarView before, CalendarView after, Date from, String cursor) {
		List<String> codes = candidates(from, cursor, this.properties.batchSize());
		Date now = ClockUtil.getCurrentTime();
		int movedDossiers = 0;
		for (String code : codes) {
			Dossier d = this.dossiers.get(code);
			List<Move> m = this.carrier.carry(d, before, after, now, v.createdAt(), true);
			if (!m.isEmpty()) {
				movedDossiers++;
				record(d, v, m, now);
			}
			List<String> instances = new ArrayList<>();
			if (d.processInstanceId() != null) {
				instances.add(d.processInstanceId());
			}
			this.handoffs.ofDossier(code).stream().filter(Handoff::open).map(Handoff::stepInstanceId).forEach(instances::add);
			this.notes.refresh(instances, after);
		}
		String last = codes.isEmpty() ? null : codes.get(codes.size() - 1);
		if (last != null && !this.versions.advance(v.id(), node, last, codes.size(), movedDossiers, leaseFrom(now))) {
			throw new LostClaim();
		}
		return new Batch(last, movedDossiers, false);
	}

	/** Another node took the version over (this node's lease ran out); this batch is rolled back. */
	private static final class LostClaim extends RuntimeException {

		LostClaim() {
			super("calendar recomputation taken over by another node", null, false, false);
		}

	}

	private void record(Dossier d, CalendarVersions.Version v, List<Move> m, Date now) {
		List<Map<String, Object>> payload = new ArrayList<>();
		for (Move move : m) {
			this.moves.insert(d.code(), v.id(), move, now);
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("deadline", move.deadline().code());
			if (move.stepName() != null) {
				p.put("stepName", move.stepName());
			}
			p.put("from", move.from().getTime());
			p.put("to", move.to().getTime());
			payload.add(p);
		}
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("calendarVersion", v.id());
		event.put("calendarChange", v.summary());
		event.put("moves", payload);
		this.audit.record(now, d.code(), EVENT_TYPE, d.receivingUnit(), null, event);
	}

	/**
	 * The running dossiers after {@code cursor} (code order) with a deadline at or after
	 * {@code from}, or a stopped clock.
	 */
	private List<String> candidates(Date from, String cursor, int limit) {
		return this.jdbc.sql("""
				select d.code from dossier d
				where d.finished_at is null and d.code > ?
				  and (d.legal_due >= ? or d.due_at >= ? or d.paused_at is not null
				    or exists (select 1 from handoff h where h.dossier_code = d.code and h.finished_at is null
				               and (h.due_at >= ? or h.paused_at is not null)))
				order by d.code
				limit ?""")
			.params(cursor, ts(from), ts(from), ts(from), limit)
			.query(String.class)
			.list();
	}

	/**
	 * What applying {@code candidate} would change: the days and the number of running dossiers
	 * whose deadlines would move (computed from Motcua's tables, nothing is written).
	 */
	public Preview preview(CalendarView candidate) {
		CalendarView current = this.calendar.current();
		List<CalendarView.DayChange> changes = candidate.changesFrom(current);
		Date now = ClockUtil.getCurrentTime();
		int running = this.jdbc.sql("select count(*) from dossier where finished_at is null").query(Integer.class).single();
		if (changes.isEmpty()) {
			return new Preview(changes, 0, running);
		}
		Date from = affectedFrom(current, candidate);
		int moving = 0;
		String cursor = "";
		List<String> codes;
		while (!(codes = candidates(from, cursor, 1000)).isEmpty()) {
			for (String code : codes) {
				if (!this.carrier.carry(this.dossiers.get(code), current, candidate, now, new Date(Long.MAX_VALUE), false)
					.isEmpty()) {
					moving++;
				}
			}
			cursor = codes.get(codes.size() - 1);
		}
		return new Preview(changes, moving, running);
	}

	/** The first instant a change between the versions can matter: its first changed day. */
	private static Date affectedFrom(CalendarView before, CalendarView after) {
		LocalDate first = null;
		for (CalendarView.DayChange c : after.changesFrom(before)) {
			first = first == null || c.date().isBefore(first) ? c.date() : first;
		}
		for (int y : after.officialYears()) {
			if (!before.officialYears().contains(y)) {
				LocalDate jan1 = LocalDate.of(y, 1, 1);
				first = first == null || jan1.isBefore(first) ? jan1 : first;
			}
		}
		for (int y : before.officialYears()) {
			if (!after.officialYears().contains(y)) {
				LocalDate jan1 = LocalDate.of(y, 1, 1);
				first = first == null || jan1.isBefore(first) ? jan1 : first;
			}
		}
		return Date.from((first == null ? LocalDate.of(9999, 12, 31) : first).atStartOfDay(ZONE).toInstant());
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** "2027: 10/02/2027 nghỉ bù → làm việc; 12/02/2027 làm việc → day-off" in Vietnamese. */
	static String summary(List<CalendarView.DayChange> changes, CalendarView previous, CalendarView current) {
		List<String> parts = new ArrayList<>();
		for (int y : current.officialYears()) {
			if (!previous.officialYears().contains(y)) {
				parts.add("lịch chính thức năm " + y);
			}
		}
		for (int y : previous.officialYears()) {
			if (!current.officialYears().contains(y)) {
				parts.add("bỏ lịch chính thức năm " + y + " (tạm tính)");
			}
		}
		List<String> days = new ArrayList<>();
		for (CalendarView.DayChange c : changes) {
			if (c.workingChanged()) {
				days.add(c.date().format(DAY) + " " + (current.isWorkingDay(c.date()) ? "thành ngày làm việc"
						: "thành ngày nghỉ" + (c.afterReason() == null ? "" : " (" + c.afterReason() + ")")));
			}
		}
		if (!days.isEmpty()) {
			parts.add(String.join("; ", days));
		}
		String text = parts.isEmpty() ? "Sửa lý do, nguồn của ngày nghỉ" : String.join("; ", parts);
		return text.length() > 3900 ? text.substring(0, 3900) + "…" : text;
	}

	private Date leaseFrom(Date now) {
		return new Date(now.getTime() + this.properties.lease().toMillis());
	}

	private static Timestamp ts(Date d) {
		return new Timestamp(d.getTime());
	}

}
