package vn.motcua.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Failed logins per client address, with a growing wait before the address may try again. Held in
 * the memory of each node: see {@code docs/login-and-lookup.md} for clusters.
 */
@Component
class LoginThrottle {

	/** Beyond this many addresses, the forgotten ones are swept out on the next failure. */
	private static final int SWEEP_ABOVE = 10_000;

	private record Failures(int count, Instant last, Instant waitUntil) {
	}

	private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

	private final ThrottleProperties.Login limits;

	private final ThrottleClock clock;

	LoginThrottle(ThrottleProperties properties, ThrottleClock clock) {
		this.limits = properties.login();
		this.clock = clock;
	}

	/** How long the address must still wait before its next login attempt, if at all. */
	Optional<Duration> waitFor(String client) {
		Failures state = this.failures.get(client);
		Instant now = this.clock.now();
		if (state == null || !now.isBefore(state.waitUntil())) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, state.waitUntil()));
	}

	/** Records a failed login from the address; answers the wait it now has to observe. */
	Duration failed(String client) {
		Instant now = this.clock.now();
		if (this.failures.size() > SWEEP_ABOVE) {
			this.failures.values().removeIf(f -> forgotten(f, now));
		}
		Failures state = this.failures.compute(client, (key, old) -> {
			int count = old == null || forgotten(old, now) ? 1 : old.count() + 1;
			return new Failures(count, now, now.plus(delay(count)));
		});
		return delay(state.count());
	}

	private boolean forgotten(Failures state, Instant now) {
		return !now.isBefore(state.last().plus(this.limits.forgetAfter())) && !now.isBefore(state.waitUntil());
	}

	/** No wait for the first free failures, then the first delay doubled each time up to the cap. */
	Duration delay(int failureCount) {
		int beyond = failureCount - this.limits.freeFailures();
		if (beyond <= 0) {
			return Duration.ZERO;
		}
		Duration max = this.limits.maxDelay();
		Duration delay = this.limits.firstDelay();
		for (int i = 1; i < beyond && delay.compareTo(max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(max) > 0 ? max : delay;
	}

}
