package vn.motcua.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims due notifications with a lease ({@link Outbox#claim}), records the
 * start of the attempt, hands the message to its channel with the notification's idempotency key,
 * then records the outcome. A failed attempt is due again after a backoff doubling from
 * {@code backoff} up to {@code max-backoff}; after {@code max-attempts}, or when the channel
 * refuses it for good, the notification is a dead letter. At least once: a node that stops after
 * the channel accepted and before recording leaves the lease to expire, and another node sends
 * again with the same key, which the channel deduplicates (docs/notifications.md).
 */
@Component
class NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	private final Outbox outbox;

	private final Channels channels;

	private final NotificationProperties.Sender settings;

	private final Clock clock;

	private final String node;

	/** Runs between the channel's acceptance and the record; tests stop the "node" there. */
	volatile Runnable afterAccepted = () -> {
	};

	NotificationSender(Outbox outbox, Channels channels, NotificationProperties properties, Clock reportClock) {
		this.outbox = outbox;
		this.channels = channels;
		this.settings = properties.sender();
		this.clock = reportClock;
		this.node = nodeName();
	}

	@Scheduled(fixedDelayString = "${motcua.notification.sender.poll-interval:10s}",
			initialDelayString = "${motcua.notification.sender.poll-interval:10s}")
	void poll() {
		if (this.settings.enabled()) {
			try {
				runOnce(this.clock.instant());
			}
			catch (RuntimeException ex) {
				log.warn("Notification sender: {}", ex.toString());
			}
		}
	}

	/** One run at {@code now}: claims and delivers a batch; answers how many were attempted. */
	int runOnce(Instant now) {
		return runOnce(this.node, now);
	}

	/** One run as node {@code node} (tests run several "nodes" in one JVM). */
	int runOnce(String node, Instant now) {
		List<Outbox.Row> claimed = this.outbox.claim(node, now, now.plus(this.settings.lease()), this.channels.enabled(),
				this.settings.batchSize());
		for (Outbox.Row row : claimed) {
			deliver(node, row, now);
		}
		return claimed.size();
	}

	private void deliver(String node, Outbox.Row row, Instant now) {
		Outbox.Attempt attempt = this.outbox.startAttempt(row.id(), node, now);
		try {
			this.channels.get(row.channel())
				.send(new Channel.Outgoing(row.idempotencyKey(), row.dossierCode(), row.recipient(), row.subject(),
						row.body()));
		}
		catch (Channel.DeliveryFailure failure) {
			failed(node, row, attempt, now, failure.getMessage(), failure.permanent());
			return;
		}
		catch (RuntimeException ex) {
			failed(node, row, attempt, now, ex.toString(), false);
			return;
		}
		this.afterAccepted.run();
		this.outbox.sent(row, attempt, node, now);
	}

	private void failed(String node, Outbox.Row row, Outbox.Attempt attempt, Instant now, String detail,
			boolean permanent) {
		int attempts = row.attempts() + 1;
		Instant next = permanent || attempts >= this.settings.maxAttempts() ? null : now.plus(backoff(attempts));
		this.outbox.failed(row, attempt, node, now, detail, next);
		if (next == null) {
			log.info("Notification {} of dossier {} ({}) is a dead letter after {} attempt(s): {}", row.id(),
					row.dossierCode(), row.channel(), attempts, detail);
		}
		else {
			log.debug("Notification {} attempt {} failed, next at {}: {}", row.id(), attempts, next, detail);
		}
	}

	/** The delay after the {@code attempts}-th failed attempt. */
	Duration backoff(int attempts) {
		Duration delay = this.settings.backoff();
		for (int i = 1; i < attempts && delay.compareTo(this.settings.maxBackoff()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(this.settings.maxBackoff()) > 0 ? this.settings.maxBackoff() : delay;
	}

	private static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "node";
		}
		String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
		return id.length() <= 100 ? id : id.substring(id.length() - 100);
	}

}
