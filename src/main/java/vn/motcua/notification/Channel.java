package vn.motcua.notification;

/** A way to deliver a message: email, SMS or Zalo. */
interface Channel {

	ChannelKind kind();

	/** Whether this node delivers through it (configured and switched on). */
	boolean enabled();

	/**
	 * Hands the message to the channel; returns once the channel accepted it. The channel receives
	 * the message's idempotency key, the same at every attempt.
	 */
	void send(Outgoing message) throws DeliveryFailure;

	/** A rendered notification as a channel sends it. */
	record Outgoing(String idempotencyKey, String dossierCode, String recipient, String subject, String body) {
	}

	/** The channel did not accept the message; {@code permanent}: trying again will not help. */
	final class DeliveryFailure extends Exception {

		private final boolean permanent;

		DeliveryFailure(String detail, boolean permanent) {
			super(detail);
			this.permanent = permanent;
		}

		boolean permanent() {
			return this.permanent;
		}

	}

}
