package vn.motcua.deadline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The legal calendar of the procedures, as the bean {@code legalCalendar} for BPMN
 * expressions and delegates, for example
 * {@code timeDate="${legalCalendar.due(execution, 1.5)}"} or
 * {@code camunda:dueDate="${legalCalendar.due(task, 2)}"}.
 * <p>
 * Deadlines are counted in working days of office time in Asia/Ho_Chi_Minh (see
 * {@code docs/calendar.md}). {@code workingDays} must be finite, non-negative and a multiple
 * of 0.25, else {@link IllegalArgumentException}. Year files in the external directory
 * ({@code motcua.calendar.directory}) are re-read when they change; an invalid edit is logged
 * and the previous calendar kept.
 */
@Component("legalCalendar")
public class LegalCalendar {

	private static final Logger log = LoggerFactory.getLogger(LegalCalendar.class);

	private final CalendarProperties properties;

	private final LabourCodeSchedule labourCode = new LabourCodeSchedule(new LunarCalendar(LunarCalendar.VIETNAM));

	private volatile WorkingCalendar calendar;

	private volatile String fingerprint;

	private volatile long nextCheck;

	LegalCalendar(CalendarProperties properties) {
		this.properties = properties;
		this.fingerprint = YearFiles.fingerprint(properties.directory());
		this.calendar = build();
		this.nextCheck = System.nanoTime() + properties.reloadCheckInterval().toNanos();
	}

	// --- For BPMN expressions: start is the engine's clock ---------------------------

	/** Due instant of {@code workingDays} from the engine's current time. */
	public Date due(VariableScope scope, double workingDays) {
		return dueFrom(ClockUtil.getCurrentTime(), workingDays);
	}

	/** As {@link #due(VariableScope, double)}, with the 15:00 cut-off of same-day steps. */
	public Date dueSameDay(VariableScope scope, double workingDays) {
		return dueFromSameDay(ClockUtil.getCurrentTime(), workingDays);
	}

	// --- Plain arithmetic ----------------------------------------------------------

	/** Due instant of {@code workingDays} received at {@code start}. */
	public Date dueFrom(Date start, double workingDays) {
		WorkingCalendar c = calendar();
		return toDate(c, c.due(toLocal(c, start), workingDays, false));
	}

	/** As {@link #dueFrom(Date, double)}, with the 15:00 cut-off of same-day steps. */
	public Date dueFromSameDay(Date start, double workingDays) {
		WorkingCalendar c = calendar();
		return toDate(c, c.due(toLocal(c, start), workingDays, true));
	}

	/** The instant {@code workingDays} of office time before {@code due}, e.g. for a warning timer. */
	public Date before(Date due, double workingDays) {
		WorkingCalendar c = calendar();
		return toDate(c, c.before(toLocal(c, due), c.officeTime(workingDays)));
	}

	/** Office time between two instants in working days; zero or negative if {@code to <= from}. */
	public double workingDaysBetween(Date from, Date to) {
		WorkingCalendar c = calendar();
		return c.workingDaysBetween(toLocal(c, from), toLocal(c, to));
	}

	/** Office time between two instants; zero or negative if {@code to <= from}. */
	public Duration officeTimeBetween(Date from, Date to) {
		WorkingCalendar c = calendar();
		return c.officeTimeBetween(toLocal(c, from), toLocal(c, to));
	}

	/**
	 * The new due instant of a paused clock: {@code officeTimeLeft} (from
	 * {@code officeTimeBetween(pausedAt, due)}) counted again from {@code resumedAt}.
	 */
	public Date resume(Date resumedAt, Duration officeTimeLeft) {
		WorkingCalendar c = calendar();
		Objects.requireNonNull(officeTimeLeft, "officeTimeLeft");
		return toDate(c, c.due(toLocal(c, resumedAt), officeTimeLeft, false));
	}

	/** Whether the year has no official schedule file and is computed from the Labour Code. */
	public boolean isProvisional(int year) {
		return calendar().isProvisional(year);
	}

	/** A deadline in local date-times of the calendar's zone, for the REST layer. */
	public Deadline deadline(LocalDateTime start, double workingDays, boolean sameDay) {
		WorkingCalendar c = calendar();
		LocalDateTime effective = c.effectiveStart(start, sameDay);
		LocalDateTime due = c.due(start, workingDays, sameDay);
		boolean provisional = false;
		for (int y = Math.min(start.getYear(), effective.getYear()); y <= due.getYear(); y++) {
			provisional |= c.isProvisional(y);
		}
		return new Deadline(start, effective, due, workingDays, provisional);
	}

	// --- Package API for the views -------------------------------------------------

	YearSchedule schedule(int year) {
		return calendar().schedule(year);
	}

	boolean isWorkingDay(java.time.LocalDate date) {
		return calendar().isWorkingDay(date);
	}

	/** The office sessions as configured, such as "07:30-11:30, 13:00-17:00". */
	String sessions() {
		return String.join(", ", properties.sessions());
	}

	LocalDateTime now() {
		WorkingCalendar c = calendar();
		return toLocal(c, ClockUtil.getCurrentTime());
	}

	// --- Internals -----------------------------------------------------------------

	private WorkingCalendar build() {
		Map<Integer, YearSchedule> files = YearFiles.load(properties.directory());
		log.info("Legal calendar in {}: official year files {}, other years provisional", properties.zone(),
				files.keySet());
		OfficeHours hours = new OfficeHours(properties.sessions().stream().map(OfficeHours.Session::parse).toList());
		return new WorkingCalendar(properties.zone(), hours, properties.sameDayCutoff(), properties.workingWeekdays(),
				year -> {
					YearSchedule official = files.get(year);
					return official != null ? official : labourCode.provisional(year);
				});
	}

	private WorkingCalendar calendar() {
		if (properties.directory() != null && System.nanoTime() - nextCheck > 0) {
			reloadIfChanged();
		}
		return calendar;
	}

	private synchronized void reloadIfChanged() {
		if (System.nanoTime() - nextCheck <= 0) {
			return;
		}
		nextCheck = System.nanoTime() + properties.reloadCheckInterval().toNanos();
		try {
			String now = YearFiles.fingerprint(properties.directory());
			if (!now.equals(fingerprint)) {
				calendar = build();
				fingerprint = now;
				log.info("Legal calendar reloaded from {}", properties.directory());
			}
		}
		catch (RuntimeException ex) {
			log.error("Legal calendar not reloaded, keeping the previous one: {}", ex.getMessage());
		}
	}

	private static LocalDateTime toLocal(WorkingCalendar c, Date date) {
		return c.toLocal(Objects.requireNonNull(date, "date").toInstant());
	}

	private static Date toDate(WorkingCalendar c, LocalDateTime local) {
		return Date.from(c.toInstant(local));
	}

}
