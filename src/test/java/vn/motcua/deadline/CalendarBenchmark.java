package vn.motcua.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Measures the deadline arithmetic against a naive minute-stepping baseline, in the same run.
 * Not a unit test; run it with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=vn.motcua.deadline.CalendarBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class CalendarBenchmark {

	private static final int DEADLINES = 100_000;

	private static final int BASELINE_DEADLINES = 5_000;

	public static void main(String[] args) {
		WorkingCalendar calendar = TestCalendars.STANDARD;
		NaiveCalendar naive = new NaiveCalendar(calendar);
		LocalDateTime[] starts = new LocalDateTime[DEADLINES];
		double[] days = new double[DEADLINES];
		Random random = new Random(42);
		LocalDateTime origin = LocalDateTime.parse("2025-01-01T00:00");
		for (int i = 0; i < DEADLINES; i++) {
			starts[i] = origin.plusMinutes(random.nextInt(3 * 365 * 24 * 60));
			days[i] = (1 + random.nextInt(40)) / 4.0; // 0.25 .. 10 working days
		}
		// The two implementations agree.
		for (int i = 0; i < BASELINE_DEADLINES; i++) {
			LocalDateTime fast = calendar.due(starts[i], days[i], false);
			LocalDateTime slow = naive.due(starts[i], days[i]);
			if (!fast.equals(slow)) {
				throw new AssertionError(starts[i] + " + " + days[i] + ": " + fast + " != " + slow);
			}
		}
		long sink = 0;
		double bestFast = Double.MAX_VALUE;
		double bestNaive = Double.MAX_VALUE;
		for (int round = 0; round < 5; round++) {
			long t0 = System.nanoTime();
			for (int i = 0; i < DEADLINES; i++) {
				sink += calendar.due(starts[i], days[i], false).getMinute();
			}
			long t1 = System.nanoTime();
			for (int i = 0; i < BASELINE_DEADLINES; i++) {
				sink += naive.due(starts[i], days[i]).getMinute();
			}
			long t2 = System.nanoTime();
			double fastPerOp = (t1 - t0) / (double) DEADLINES;
			double naivePerOp = (t2 - t1) / (double) BASELINE_DEADLINES;
			bestFast = Math.min(bestFast, fastPerOp);
			bestNaive = Math.min(bestNaive, naivePerOp);
			System.out.printf("round %d: %,d deadlines in %.1f ms (%.0f ns each); naive minute-stepping %.0f ns each%n",
					round + 1, DEADLINES, (t1 - t0) / 1e6, fastPerOp, naivePerOp);
		}
		System.out.printf("best: %,d deadlines in %.1f ms (%.0f ns each); naive baseline %.0f ns each "
				+ "(%.1f s for %,d); speed-up x%.0f (sink %d)%n", DEADLINES, bestFast * DEADLINES / 1e6, bestFast,
				bestNaive, bestNaive * DEADLINES / 1e9, DEADLINES, bestNaive / bestFast, sink % 10);
	}

	/** The obvious implementation: walk minute by minute, counting office minutes. */
	static final class NaiveCalendar {

		private final Set<LocalDate> daysOff = new HashSet<>();

		private final Set<LocalDate> makeUpDays = new HashSet<>();

		NaiveCalendar(WorkingCalendar calendar) {
			for (int year = 2024; year <= 2030; year++) {
				for (CalendarDay day : calendar.schedule(year).days()) {
					(day.kind().isDayOff() ? daysOff : makeUpDays).add(day.date());
				}
			}
		}

		LocalDateTime due(LocalDateTime start, double workingDays) {
			long minutes = Math.round(workingDays * 480);
			LocalDateTime t = start;
			while (minutes > 0) {
				if (isOfficeMinute(t)) {
					minutes--;
				}
				t = t.plusMinutes(1);
			}
			return t;
		}

		private boolean isOfficeMinute(LocalDateTime t) {
			LocalDate d = t.toLocalDate();
			boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
			boolean working = makeUpDays.contains(d) || (!weekend && !daysOff.contains(d));
			if (!working) {
				return false;
			}
			LocalTime time = t.toLocalTime();
			return (!time.isBefore(LocalTime.of(7, 30)) && time.isBefore(LocalTime.of(11, 30)))
					|| (!time.isBefore(LocalTime.of(13, 0)) && time.isBefore(LocalTime.of(17, 0)));
		}

	}

}
