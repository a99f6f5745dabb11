package vn.motcua.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code motcua.notification.*} (docs/notifications.md).
 *
 * @param channelPreference the channels tried in order at intake: the first one the contact details
 * allow (an email address for EMAIL, a phone number for SMS and ZALO) and that is enabled is the
 * dossier's channel
 * @param publicUrl the address of the public lookup in messages; empty: {@code motcua.lookup.public-url}
 */
@ConfigurationProperties(prefix = "motcua.notification")
record NotificationProperties(@DefaultValue({ "EMAIL", "ZALO", "SMS" }) List<ChannelKind> channelPreference,
		@DefaultValue("") String publicUrl, @DefaultValue Sender sender, @DefaultValue Email email,
		@DefaultValue Gateway sms, @DefaultValue Gateway zalo) {

	/**
	 * @param enabled whether this node runs the scheduled sender
	 * @param pollInterval how often it looks for due notifications
	 * @param batchSize notifications claimed per run
	 * @param lease how long a claimed notification stays with its node; after it another node may
	 * take it over (a node that died between sending and recording)
	 * @param maxAttempts attempts before a notification is dead-lettered
	 * @param backoff delay after the first failed attempt, doubled after each further one
	 * @param maxBackoff the longest delay between two attempts
	 */
	record Sender(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration pollInterval,
			@DefaultValue("50") int batchSize, @DefaultValue("2m") Duration lease, @DefaultValue("6") int maxAttempts,
			@DefaultValue("1m") Duration backoff, @DefaultValue("1h") Duration maxBackoff) {
	}

	/**
	 * @param enabled whether email is sent (through {@code spring.mail.*})
	 * @param from the sender address
	 */
	record Email(@DefaultValue("false") boolean enabled, @DefaultValue("motcua@localhost") String from) {
	}

	/**
	 * An HTTP gateway of the documented contract.
	 *
	 * @param url the endpoint messages are posted to
	 * @param key the provider's key, sent as {@code Authorization: Bearer}
	 */
	record Gateway(@DefaultValue("false") boolean enabled, URI url, @DefaultValue("") String key,
			@DefaultValue("10s") Duration timeout) {
	}

}
