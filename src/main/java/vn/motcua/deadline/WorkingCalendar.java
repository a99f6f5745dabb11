package vn.motcua.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Working-day arithmetic on office time, without Spring or Camunda.
 * <p>
 * A position is a local date-time in the calendar's zone. A deadline of N working days is N
 * times the office time of one working day, counted from the effective start (the given
 * instant, or the next opening if it is outside office hours). The due instant is where that
 * office time runs out; time that runs out exactly at a closing is due at the closing.
 * <p>
 * Working days come from a per-year table (built once per year and cached): a boolean per day
 * of the year, the rank of each day among the working days and the list of working days, so
 * that skipping any number of whole working days costs O(1) per year crossed.
 */
final class WorkingCalendar {

	static final int MIN_YEAR = 1901;

	static final int MAX_YEAR = 2199;

	private static final int MAX_WORKING_DAYS = 10_000;

	private final ZoneId zone;

	private final OfficeHours hours;

	private final long cutoff;

	private final Set<DayOfWeek> workingWeekdays;

	private final IntFunction<YearSchedule> schedules;

	private final YearTable[] tables = new YearTable[MAX_YEAR - MIN_YEAR + 1];

	WorkingCalendar(ZoneId zone, OfficeHours hours, LocalTime sameDayCutoff, Set<DayOfWeek> workingWeekdays,
			IntFunction<YearSchedule> schedules) {
		this.zone = zone;
		this.hours = hours;
		this.cutoff = sameDayCutoff.toNanoOfDay();
		this.workingWeekdays = EnumSet.copyOf(workingWeekdays);
		this.schedules = schedules;
	}

	/** Monday to Friday, 07:30–11:30 and 13:00–17:00, cut-off 15:00, in Asia/Ho_Chi_Minh. */
	static WorkingCalendar standard(IntFunction<YearSchedule> schedules) {
		return new WorkingCalendar(ZoneId.of("Asia/Ho_Chi_Minh"), OfficeHours.standard(), LocalTime.of(15, 0),
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), schedules);
	}

	ZoneId zone() {
		return zone;
	}

	Duration workingDay() {
		return hours.workingDay();
	}

	// --- Public arithmetic --------------------------------------------------

	/**
	 * The office time of {@code workingDays} working days.
	 * @throws IllegalArgumentException unless finite, non-negative and a multiple of 0.25
	 */
	Duration officeTime(double workingDays) {
		return Duration.ofNanos(officeNanos(workingDays));
	}

	long officeNanos(double workingDays) {
		if (!Double.isFinite(workingDays) || workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
			throw new IllegalArgumentException(
					"workingDays must be a finite number from 0 to " + MAX_WORKING_DAYS + ", got " + workingDays);
		}
		double quarters = workingDays * 4;
		if (quarters != Math.rint(quarters)) {
			throw new IllegalArgumentException(
					"workingDays must be a multiple of 0.25 (a quarter day), got " + workingDays);
		}
		long q = (long) quarters;
		return q / 4 * hours.dayLength + (q % 4) * hours.dayLength / 4;
	}

	/** Where counting starts for a deadline received at {@code start}. */
	LocalDateTime effectiveStart(LocalDateTime start, boolean sameDay) {
		long pos = forward(start.toLocalDate().toEpochDay(), start.toLocalTime().toNanoOfDay(), sameDay);
		return at(Math.floorDiv(pos, NANOS_PER_DAY), Math.floorMod(pos, NANOS_PER_DAY));
	}

	/** The due instant of {@code officeTime} received at {@code start}. */
	LocalDateTime due(LocalDateTime start, Duration officeTime, boolean sameDay) {
		return plus(start, nonNegative(officeTime), sameDay);
	}

	LocalDateTime due(LocalDateTime start, double workingDays, boolean sameDay) {
		return plus(start, officeNanos(workingDays), sameDay);
	}

	/** The instant {@code officeTime} of office time before {@code due} (for warning timers). */
	LocalDateTime before(LocalDateTime due, Duration officeTime) {
		long amount = nonNegative(officeTime);
		if (amount == 0) {
			return due;
		}
		long day = due.toLocalDate().toEpochDay();
		long t = due.toLocalTime().toNanoOfDay();
		if (!isWorking(day) || t <= hours.open[0]) {
			day = previousWorkingDay(day, 1);
			t = hours.close[hours.last];
		}
		for (int s = hours.last; s >= 0; s--) {
			if (t > hours.open[s]) {
				long to = Math.min(t, hours.close[s]);
				long avail = to - hours.open[s];
				if (amount <= avail) {
					return at(day, to - amount);
				}
				amount -= avail;
			}
		}
		long skip = (amount - 1) / hours.dayLength;
		long rest = amount - skip * hours.dayLength;
		day = previousWorkingDay(day, skip + 1);
		for (int s = hours.last; s >= 0; s--) {
			long len = hours.close[s] - hours.open[s];
			if (rest <= len) {
				return at(day, hours.close[s] - rest);
			}
			rest -= len;
		}
		throw new IllegalStateException("unreachable");
	}

	/** Office time between two positions; negative if {@code to} is before {@code from}. */
	Duration officeTimeBetween(LocalDateTime from, LocalDateTime to) {
		return Duration.ofNanos(officeNanosBetween(from, to));
	}

	long officeNanosBetween(LocalDateTime from, LocalDateTime to) {
		if (to.isBefore(from)) {
			return -officeNanosBetween(to, from);
		}
		long fromDay = from.toLocalDate().toEpochDay();
		long toDay = to.toLocalDate().toEpochDay();
		long fromElapsed = isWorking(fromDay) ? hours.elapsed(from.toLocalTime().toNanoOfDay()) : 0;
		long toElapsed = isWorking(toDay) ? hours.elapsed(to.toLocalTime().toNanoOfDay()) : 0;
		if (fromDay == toDay) {
			return toElapsed - fromElapsed;
		}
		long firstDay = isWorking(fromDay) ? hours.dayLength - fromElapsed : 0;
		return firstDay + workingDaysStrictlyBetween(fromDay, toDay) * hours.dayLength + toElapsed;
	}

	double workingDaysBetween(LocalDateTime from, LocalDateTime to) {
		return (double) officeNanosBetween(from, to) / hours.dayLength;
	}

	/** Whether the day is worked: a working weekday that is not a day off, or a make-up day. */
	boolean isWorkingDay(LocalDate date) {
		return isWorking(date.toEpochDay());
	}

	boolean isProvisional(int year) {
		return table(year).schedule.provisional();
	}

	YearSchedule schedule(int year) {
		return table(year).schedule;
	}

	LocalDateTime toLocal(Instant instant) {
		return LocalDateTime.ofInstant(instant, zone);
	}

	Instant toInstant(LocalDateTime local) {
		return local.atZone(zone).toInstant();
	}

	// --- Internals ----------------------------------------------------------

	private LocalDateTime plus(LocalDateTime start, long amount, boolean sameDay) {
		long pos = forward(start.toLocalDate().toEpochDay(), start.toLocalTime().toNanoOfDay(), sameDay);
		long day = Math.floorDiv(pos, NANOS_PER_DAY);
		long t = Math.floorMod(pos, NANOS_PER_DAY);
		if (amount == 0) {
			return at(day, t);
		}
		for (int s = 0; s <= hours.last; s++) {
			if (t < hours.close[s]) {
				long from = Math.max(t, hours.open[s]);
				long avail = hours.close[s] - from;
				if (amount <= avail) {
					return at(day, from + amount);
				}
				amount -= avail;
			}
		}
		long skip = (amount - 1) / hours.dayLength;
		long rest = amount - skip * hours.dayLength;
		day = nextWorkingDay(day, skip + 1);
		for (int s = 0; s <= hours.last; s++) {
			long len = hours.close[s] - hours.open[s];
			if (rest <= len) {
				return at(day, hours.open[s] + rest);
			}
			rest -= len;
		}
		throw new IllegalStateException("unreachable");
	}

	private static final long NANOS_PER_DAY = 86_400_000_000_000L;

	/**
	 * The effective start, as epochDay * NANOS_PER_DAY + nanoOfDay: the position itself if it
	 * is inside a session (and, for same-day steps, not after the cut-off), else the next
	 * opening.
	 */
	private long forward(long day, long t, boolean sameDay) {
		if (isWorking(day) && !(sameDay && t > cutoff)) {
			for (int s = 0; s <= hours.last; s++) {
				if (t < hours.close[s]) {
					return day * NANOS_PER_DAY + Math.max(t, hours.open[s]);
				}
			}
		}
		return nextWorkingDay(day, 1) * NANOS_PER_DAY + hours.open[0];
	}

	private static LocalDateTime at(long epochDay, long nanoOfDay) {
		return LocalDateTime.of(LocalDate.ofEpochDay(epochDay), LocalTime.ofNanoOfDay(nanoOfDay));
	}

	private static long nonNegative(Duration d) {
		if (d.isNegative()) {
			throw new IllegalArgumentException("office time must not be negative, got " + d);
		}
		return d.toNanos();
	}

	private boolean isWorking(long epochDay) {
		YearTable t = tableOf(epochDay);
		return t.working[(int) (epochDay - t.firstDay)];
	}

	/** The n-th working day after {@code epochDay} (n >= 1). */
	private long nextWorkingDay(long epochDay, long n) {
		YearTable t = tableOf(epochDay);
		long target = t.rankThrough[(int) (epochDay - t.firstDay)] + n;
		while (target > t.count) {
			target -= t.count;
			t = table(t.year + 1);
		}
		return t.firstDay + t.workingDays[(int) target - 1];
	}

	/** The n-th working day before {@code epochDay} (n >= 1). */
	private long previousWorkingDay(long epochDay, long n) {
		YearTable t = tableOf(epochDay);
		int i = (int) (epochDay - t.firstDay);
		long target = t.rankThrough[i] - (t.working[i] ? 1 : 0) - n + 1;
		while (target < 1) {
			t = table(t.year - 1);
			target += t.count;
		}
		return t.firstDay + t.workingDays[(int) target - 1];
	}

	/** Working days d with from < d < to (from < to). */
	private long workingDaysStrictlyBetween(long fromDay, long toDay) {
		YearTable a = tableOf(fromDay);
		YearTable b = tableOf(toDay);
		int j = (int) (toDay - b.firstDay);
		long beforeTo = b.rankThrough[j] - (b.working[j] ? 1 : 0);
		long throughFrom = a.rankThrough[(int) (fromDay - a.firstDay)];
		if (a == b) {
			return beforeTo - throughFrom;
		}
		long sum = a.count - throughFrom + beforeTo;
		for (int y = a.year + 1; y < b.year; y++) {
			sum += table(y).count;
		}
		return sum;
	}

	private YearTable tableOf(long epochDay) {
		// Fast path: most lookups fall in the year of the previous one.
		YearTable last = lastTable;
		if (last != null && epochDay >= last.firstDay && epochDay < last.firstDay + last.working.length) {
			return last;
		}
		YearTable t = table(LocalDate.ofEpochDay(epochDay).getYear());
		lastTable = t;
		return t;
	}

	private volatile YearTable lastTable;

	private YearTable table(int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new IllegalArgumentException("year " + year + " is outside the calendar (" + MIN_YEAR + "–"
					+ MAX_YEAR + ")");
		}
		YearTable t = tables[year - MIN_YEAR];
		if (t == null) {
			synchronized (tables) {
				t = tables[year - MIN_YEAR];
				if (t == null) {
					t = new YearTable(year, schedules.apply(year), workingWeekdays);
					tables[year - MIN_YEAR] = t;
				}
			}
		}
		return t;
	}

	/** The working days of one year, immutable once built. */
	private static final class YearTable {

		final int year;

		final YearSchedule schedule;

		final long firstDay;

		final boolean[] working;

		/** Number of working days from 1 January through day i. */
		final int[] rankThrough;

		/** Day-of-year index (0-based) of the k-th working day. */
		final int[] workingDays;

		final int count;

		YearTable(int year, YearSchedule schedule, Set<DayOfWeek> workingWeekdays) {
			if (schedule.year() != year) {
				throw new IllegalStateException("schedule of " + schedule.year() + " given for " + year);
			}
			this.year = year;
			this.schedule = schedule;
			LocalDate jan1 = LocalDate.of(year, 1, 1);
			this.firstDay = jan1.toEpochDay();
			int length = jan1.lengthOfYear();
			working = new boolean[length];
			for (int i = 0; i < length; i++) {
				working[i] = workingWeekdays.contains(jan1.plusDays(i).getDayOfWeek());
			}
			for (CalendarDay day : schedule.days()) {
				working[day.date().getDayOfYear() - 1] = !day.kind().isDayOff();
			}
			rankThrough = new int[length];
			int[] list = new int[length];
			int k = 0;
			for (int i = 0; i < length; i++) {
				if (working[i]) {
					list[k++] = i;
				}
				rankThrough[i] = k;
			}
			count = k;
			workingDays = java.util.Arrays.copyOf(list, k);
			if (count == 0) {
				throw new IllegalStateException("year " + year + " has no working day");
			}
		}

	}

}
