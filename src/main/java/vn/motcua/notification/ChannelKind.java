package vn.motcua.notification;

import java.util.Locale;

/** How a citizen is reached. */
public enum ChannelKind {

	EMAIL, SMS, ZALO;

	static ChannelKind parse(String text) {
		return valueOf(text.strip().toUpperCase(Locale.ROOT));
	}

}
