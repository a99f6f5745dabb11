package vn.motcua.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Public lookups per client address: a token bucket of {@code burst} lookups refilled at
 * {@code perMinute} a minute. Held in the memory of each node.
 */
@Component
public class LookupRateLimit {

	private static final int SWEEP_ABOVE = 10_000;

	private record Bucket(double tokens, Instant at, boolean granted) {
	}

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final double burst;

	private final double perNano;

	private final ThrottleClock clock;

	LookupRateLimit(ThrottleProperties properties, ThrottleClock clock) {
		this.burst = Math.max(1, properties.lookup().burst());
		this.perNano = Math.max(1, properties.lookup().perMinute()) / (double) Duration.ofMinutes(1).toNanos();
		this.clock = clock;
	}

	/**
	 * Takes one lookup from the client's allowance: empty when allowed, otherwise how long the
	 * client must wait for the next one.
	 */
	public Optional<Duration> acquire(HttpServletRequest request) {
		return acquire(ClientAddress.of(request));
	}

	Optional<Duration> acquire(String client) {
		Instant now = this.clock.now();
		if (this.buckets.size() > SWEEP_ABOVE) {
			this.buckets.values().removeIf(b -> refilled(b, now) >= this.burst);
		}
		Bucket bucket = this.buckets.compute(client, (key, old) -> {
			double tokens = old == null ? this.burst : refilled(old, now);
			return tokens >= 1 ? new Bucket(tokens - 1, now, true) : new Bucket(tokens, now, false);
		});
		if (bucket.granted()) {
			return Optional.empty();
		}
		long nanos = (long) Math.ceil((1 - bucket.tokens()) / this.perNano);
		return Optional.of(Duration.ofNanos(nanos));
	}

	private double refilled(Bucket bucket, Instant now) {
		long elapsed = Math.max(0, Duration.between(bucket.at(), now).toNanos());
		return Math.min(this.burst, bucket.tokens() + elapsed * this.perNano);
	}

}
