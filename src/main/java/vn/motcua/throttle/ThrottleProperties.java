package vn.motcua.throttle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits per client address.
 *
 * @param login failed logins
 * @param lookup public dossier lookups
 */
@ConfigurationProperties("motcua.throttle")
record ThrottleProperties(@DefaultValue Login login, @DefaultValue Lookup lookup) {

	/**
	 * Failed logins: the first {@code freeFailures} cost nothing; each further one makes the address
	 * wait {@code firstDelay}, then twice as long each time, at most {@code maxDelay}. An address
	 * that has not failed for {@code forgetAfter} starts again from zero.
	 */
	record Login(@DefaultValue("5") int freeFailures, @DefaultValue("2s") Duration firstDelay,
			@DefaultValue("15m") Duration maxDelay, @DefaultValue("1h") Duration forgetAfter) {
	}

	/**
	 * Lookups: a burst of {@code burst} lookups, then {@code perMinute} a minute.
	 */
	record Lookup(@DefaultValue("10") int burst, @DefaultValue("10") int perMinute) {
	}

}
