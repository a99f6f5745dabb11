package vn.motcua.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address, with a growing wait before the address may try again. Kept in
 * table {@code login_failure}, so every node of a cluster sees the same count and wait; each
 * statement commits on its own, outside any engine transaction.
 */
@Component
class LoginThrottle {

	/** How often a node deletes the addresses it may forget. */
	private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

	private static final int TRIES = 5;

	private record Failures(int count, long lastMs, long waitUntilMs) {
	}

	private final JdbcClient jdbc;

	private final ThrottleProperties.Login limits;

	private final ThrottleClock clock;

	private final AtomicLong lastSweepMs = new AtomicLong();

	LoginThrottle(JdbcClient jdbc, ThrottleProperties properties, ThrottleClock clock) {
		this.jdbc = jdbc;
		this.limits = properties.login();
		this.clock = clock;
	}

	/** How long the address must still wait before its next login attempt, if at all. */
	Optional<Duration> waitFor(String client) {
		long now = this.clock.now().toEpochMilli();
		return this.jdbc.sql("select wait_until_ms from login_failure where client = ?")
			.param(client)
			.query(Long.class)
			.optional()
			.filter(until -> until > now)
			.map(until -> Duration.ofMillis(until - now));
	}

	/** Records a failed login from the address; answers the wait it now has to observe. */
	Duration failed(String client) {
		Instant now = this.clock.now();
		sweep(now);
		for (int i = 0; i < TRIES; i++) {
			Optional<Failures> old = find(client);
			int count = old.isEmpty() || forgotten(old.get(), now) ? 1 : old.get().count() + 1;
			Duration delay = delay(count);
			long waitUntil = now.plus(delay).toEpochMilli();
			if (old.isEmpty()) {
				try {
					this.jdbc.sql("insert into login_failure (client, failures, last_ms, wait_until_ms) values (?, ?, ?, ?)")
						.params(client, count, now.toEpochMilli(), waitUntil)
						.update();
					return delay;
				}
				catch (DuplicateKeyException otherNode) {
					continue;
				}
			}
			// Compare and set: a failure counted meanwhile by another request or node is not lost.
			int updated = this.jdbc.sql("""
					update login_failure set failures = ?, last_ms = ?, wait_until_ms = ?
					where client = ? and failures = ? and last_ms = ?""")
				.params(count, now.toEpochMilli(), waitUntil, client, old.get().count(), old.get().lastMs())
				.update();
			if (updated == 1) {
				return delay;
			}
		}
		// Heavy contention on one address: count the failure without moving the wait.
		this.jdbc.sql("update login_failure set failures = failures + 1, last_ms = ? where client = ?")
			.params(now.toEpochMilli(), client)
			.update();
		return Duration.ZERO;
	}

	private Optional<Failures> find(String client) {
		return this.jdbc.sql("select failures, last_ms, wait_until_ms from login_failure where client = ?")
			.param(client)
			.query((rs, row) -> new Failures(rs.getInt(1), rs.getLong(2), rs.getLong(3)))
			.optional();
	}

	private boolean forgotten(Failures failures, Instant now) {
		long ms = now.toEpochMilli();
		return ms >= failures.lastMs() + this.limits.forgetAfter().toMillis() && ms >= failures.waitUntilMs();
	}

	private void sweep(Instant now) {
		long ms = now.toEpochMilli();
		long last = this.lastSweepMs.get();
		if (ms - last >= SWEEP_EVERY.toMillis() && this.lastSweepMs.compareAndSet(last, ms)) {
			this.jdbc.sql("delete from login_failure where last_ms <= ? and wait_until_ms <= ?")
				.params(ms - this.limits.forgetAfter().toMillis(), ms)
				.update();
		}
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
