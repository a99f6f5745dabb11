package vn.motcua.notification;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** A request of the notification pages the server refuses; the message is a bundle code. */
class NotificationRefused extends RuntimeException implements ClientMistake {

	private final HttpStatus status;

	private final String field;

	private final transient Object[] arguments;

	NotificationRefused(HttpStatus status, String code, String field, Object... arguments) {
		super(code, null, false, false);
		this.status = status;
		this.field = field;
		this.arguments = arguments;
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public Object[] arguments() {
		return this.arguments;
	}

	@Override
	public String field() {
		return this.field;
	}

	@Override
	public Link back() {
		return new Link("/notifications", "notification.admin.title");
	}

}
