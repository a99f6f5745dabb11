package vn.motcua.throttle;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

/** The answer 429 "Too Many Requests" and its {@code Retry-After} header, in whole seconds. */
public final class TooManyRequests {

	public static final int STATUS = 429;

	private TooManyRequests() {
	}

	/** Whole seconds, rounded up, at least one. */
	public static long seconds(Duration wait) {
		long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
		return Math.max(1, seconds);
	}

	/** Sets the status 429 and {@code Retry-After}; answers the seconds to wait. */
	public static long prepare(HttpServletResponse response, Duration wait) {
		long seconds = seconds(wait);
		response.setStatus(STATUS);
		response.setHeader("Retry-After", Long.toString(seconds));
		return seconds;
	}

}
