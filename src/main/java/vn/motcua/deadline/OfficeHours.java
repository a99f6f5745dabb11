package vn.motcua.deadline;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * The office sessions of a working day, such as 07:30–11:30 and 13:00–17:00, held as
 * nanoseconds of the day for fast arithmetic. One working day is the sum of the sessions.
 */
final class OfficeHours {

	/** One session, from {@code open} (inclusive) to {@code close}. */
	record Session(LocalTime open, LocalTime close) {

		Session {
			if (!open.isBefore(close)) {
				throw new IllegalArgumentException("office session " + open + "–" + close + " is empty");
			}
		}

		static Session parse(String text) {
			String[] parts = text.strip().split("\\s*[-–]\\s*");
			if (parts.length != 2) {
				throw new IllegalArgumentException("office session '" + text + "' is not like 07:30-11:30");
			}
			return new Session(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
		}

	}

	final long[] open;

	final long[] close;

	final long dayLength;

	final int last;

	OfficeHours(List<Session> sessions) {
		if (sessions.isEmpty()) {
			throw new IllegalArgumentException("at least one office session is needed");
		}
		open = new long[sessions.size()];
		close = new long[sessions.size()];
		long total = 0;
		for (int i = 0; i < sessions.size(); i++) {
			open[i] = sessions.get(i).open().toNanoOfDay();
			close[i] = sessions.get(i).close().toNanoOfDay();
			if (i > 0 && open[i] < close[i - 1]) {
				throw new IllegalArgumentException("office sessions must be in order and not overlap: " + sessions);
			}
			total += close[i] - open[i];
		}
		dayLength = total;
		last = sessions.size() - 1;
	}

	static OfficeHours standard() {
		return new OfficeHours(List.of(Session.parse("07:30-11:30"), Session.parse("13:00-17:00")));
	}

	Duration workingDay() {
		return Duration.ofNanos(dayLength);
	}

	/** Office time of a working day from its start until {@code nanoOfDay}. */
	long elapsed(long nanoOfDay) {
		long sum = 0;
		for (int s = 0; s <= last; s++) {
			if (nanoOfDay <= open[s]) {
				break;
			}
			sum += Math.min(nanoOfDay, close[s]) - open[s];
		}
		return sum;
	}

}
