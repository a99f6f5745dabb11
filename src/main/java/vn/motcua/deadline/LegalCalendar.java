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

	private volatile CalendarView view;

	private volatile String fingerprint;

	private volatile long nextCheck;

	private final YearFileStore store;

	LegalCalendar(CalendarProperties properties) {
		this(properties, (YearFileStore) null);
	}

	/** With the applied year files of the database when there is one (not in web slices). */
	@org.springframework.beans.factory.annotation.Autowired
	LegalCalendar(CalendarProperties properties, org.springframework.beans.factory.ObjectProvider<YearFileStore> store) {
		this(properties, store.getIfAvailable());
	}

	private LegalCalendar(CalendarProperties properties, YearFileStore store) {
		this.properties = properties;
		this.store = store;
		this.fingerprint = fingerprint();
		install(build());
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

	// --- Versions, for following calendar changes -----------------------------------

	/** The calendar in force (after checking the external directory for edits when due). */
	public CalendarView current() {
		calendar();
		return this.view;
	}

	/** Whether a year from {@code from} to {@code to} has no official schedule (deadline "tạm tính"). */
	public boolean isProvisional(Date from, Date to) {
		return current().provisional(from, to);
	}

	/** An earlier (or other node's) version, from its {@link CalendarView#json()}. */
	public CalendarView version(String json) {
		return view(CalendarView.fromJson(json));
	}

	/**
	 * The calendar in force with one year file added or replaced, validated as at startup.
	 * @throws CalendarFileException naming the file and the line when the file is invalid
	 */
	public CalendarView withYearFile(String fileName, byte[] content) {
		YearSchedule schedule = YearScheduleParser.parse(fileName, new java.io.ByteArrayInputStream(content));
		Map<Integer, YearSchedule> years = new java.util.TreeMap<>(CalendarView.fromJson(current().json()));
		years.put(schedule.year(), schedule);
		return view(years);
	}

	/** The external directory of year files, or null when none is configured. */
	public java.nio.file.Path directory() {
		String dir = this.properties.directory();
		return dir == null || dir.isBlank() ? null : java.nio.file.Path.of(dir);
	}

	/**
	 * Validates a year file and, only if it is valid, keeps it in the database, where every node
	 * reads it, and reloads the calendar. Without a database (unit tests), writes it into the
	 * external directory instead (atomically: a temporary file moved into place).
	 * @param by the administrator who applied it
	 * @throws CalendarFileException when the file is invalid (nothing is written)
	 * @throws IllegalStateException when there is neither a database nor an external directory
	 */
	public CalendarView installYearFile(String fileName, byte[] content, String by) {
		CalendarView candidate = withYearFile(fileName, content);
		int year = YearScheduleParser.parse(fileName, new java.io.ByteArrayInputStream(content)).year();
		if (this.store != null) {
			this.store.put(year, new String(content, java.nio.charset.StandardCharsets.UTF_8), by, java.time.Instant.now());
			reload();
			return candidate;
		}
		java.nio.file.Path dir = directory();
		if (dir == null) {
			throw new IllegalStateException("motcua.calendar.directory is not set");
		}
		try {
			java.nio.file.Path tmp = java.nio.file.Files.createTempFile(dir, "." + year, ".tmp");
			java.nio.file.Files.write(tmp, content);
			java.nio.file.Files.move(tmp, dir.resolve(year + ".yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		reload();
		return candidate;
	}

	/**
	 * Checks the external directory now (not waiting for the check interval); an invalid edit is
	 * logged and the previous calendar kept.
	 * @return whether the calendar changed
	 */
	public synchronized boolean reload() {
		this.nextCheck = System.nanoTime() - 1;
		String before = this.view.hash();
		reloadIfChanged();
		return !before.equals(this.view.hash());
	}

	// --- Internals -----------------------------------------------------------------

	private String fingerprint() {
		return YearFiles.fingerprint(properties.directory()) + "|" + (this.store == null ? "" : this.store.fingerprint());
	}

	private CalendarView build() {
		Map<Integer, YearSchedule> files = YearFiles.load(properties.directory(),
				this.store == null ? java.util.List.of() : this.store.all());
		log.info("Legal calendar in {}: official year files {}, other years provisional", properties.zone(),
				files.keySet());
		return view(files);
	}

	private CalendarView view(Map<Integer, YearSchedule> files) {
		Map<Integer, YearSchedule> copy = Map.copyOf(files);
		OfficeHours hours = new OfficeHours(properties.sessions().stream().map(OfficeHours.Session::parse).toList());
		return new CalendarView(new WorkingCalendar(properties.zone(), hours, properties.sameDayCutoff(),
				properties.workingWeekdays(), year -> {
					YearSchedule official = copy.get(year);
					return official != null ? official : labourCode.provisional(year);
				}), copy);
	}

	private void install(CalendarView v) {
		this.view = v;
		this.calendar = v.calendar();
	}

	private WorkingCalendar calendar() {
		if ((properties.directory() != null || this.store != null) && System.nanoTime() - nextCheck > 0) {
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
			String now = fingerprint();
			if (!now.equals(fingerprint)) {
				install(build());
				fingerprint = now;
				log.info("Legal calendar reloaded (directory {}, applied year files in the database)", properties.directory());
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
