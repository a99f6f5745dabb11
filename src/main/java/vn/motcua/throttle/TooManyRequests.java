package vn.motcua.throttle;

import java.time.Duration;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

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

	/**
	 * The refusal 429, answered by the error contract ({@code vn.motcua.errors.ErrorAnswers}):
	 * problem details for JSON clients, the error page for browsers, with {@code Retry-After}.
	 */
	public static final class Refused extends RuntimeException implements ClientMistake {

		private final long seconds;

		private final Link back;

		/** {@code message}: bundle code of the message, whose argument is the seconds to wait. */
		public Refused(String message, Duration wait, Link back) {
			super(message, null, false, false);
			this.seconds = seconds(wait);
			this.back = back;
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.TOO_MANY_REQUESTS;
		}

		@Override
		public Object[] arguments() {
			return new Object[] { this.seconds };
		}

		@Override
		public Map<String, String> headers() {
			return Map.of("Retry-After", Long.toString(this.seconds));
		}

		@Override
		public Link back() {
			return this.back;
		}

	}

	/** Sets the status 429 and {@code Retry-After}; answers the seconds to wait. */
	public static long prepare(HttpServletResponse response, Duration wait) {
		long seconds = seconds(wait);
		response.setStatus(STATUS);
		response.setHeader("Retry-After", Long.toString(seconds));
		return seconds;
	}

}
