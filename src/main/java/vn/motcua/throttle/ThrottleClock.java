package vn.motcua.throttle;

import java.time.Clock;
import java.time.Instant;

/**
 * The time the throttles measure waits and refills on: the system clock, or in tests a clock the
 * test moves.
 */
public final class ThrottleClock {

	private final Clock clock;

	public ThrottleClock(Clock clock) {
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

}
