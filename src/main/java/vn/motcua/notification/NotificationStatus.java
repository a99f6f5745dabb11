package vn.motcua.notification;

/** Where a notification stands. */
public enum NotificationStatus {

	/** Waiting for its (next) attempt. */
	PENDING,

	/** Accepted by the channel. */
	SENT,

	/** Given up on: the attempts are used up or the channel refused it for good; an administrator may retry. */
	DEAD

}
