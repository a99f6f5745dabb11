package vn.motcua.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The message templates, one per event and channel: a row of {@code notification_template} when an
 * administrator edited it, else the default of {@code templates/notification/defaults.properties}.
 * Placeholders are {@code {name}}; an unknown one stays as written. Rendering never fails.
 */
@Repository
class NotificationTemplates {

	/** A template: the subject is for email only. */
	record Template(NotificationEvent event, ChannelKind channel, String subject, String body, boolean edited) {
	}

	static final int MAX_SUBJECT = 500;

	static final int MAX_BODY = 4000;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

	private final JdbcClient jdbc;

	private final Properties defaults = new Properties();

	NotificationTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
		try (InputStream in = new ClassPathResource("templates/notification/defaults.properties").getInputStream()) {
			this.defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Template get(NotificationEvent event, ChannelKind channel) {
		return this.jdbc.sql("select subject, body from notification_template where event = ? and channel = ?")
			.params(event.name(), channel.name())
			.query((rs, n) -> new Template(event, channel, rs.getString(1), rs.getString(2), true))
			.optional()
			.orElseGet(() -> standard(event, channel));
	}

	Template standard(NotificationEvent event, ChannelKind channel) {
		String prefix = event.name() + "." + channel.name() + ".";
		return new Template(event, channel,
				channel == ChannelKind.EMAIL ? this.defaults.getProperty(prefix + "subject", "{code}") : null,
				this.defaults.getProperty(prefix + "body", "{code}"), false);
	}

	/** Stores an administrator's template (replacing an earlier edit). */
	void save(NotificationEvent event, ChannelKind channel, String subject, String body, String by, Instant now) {
		int updated = this.jdbc.sql("""
				update notification_template set subject = ?, body = ?, updated_at = ?, updated_by = ?
				where event = ? and channel = ?""")
			.params(subject, body, Timestamp.from(now), by, event.name(), channel.name())
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					insert into notification_template (event, channel, subject, body, updated_at, updated_by)
					values (?, ?, ?, ?, ?, ?)""")
				.params(event.name(), channel.name(), subject, body, Timestamp.from(now), by)
				.update();
		}
	}

	/** Back to the default. */
	void reset(NotificationEvent event, ChannelKind channel) {
		this.jdbc.sql("delete from notification_template where event = ? and channel = ?")
			.params(event.name(), channel.name())
			.update();
	}

	static String render(String template, Map<String, String> values) {
		if (template == null) {
			return null;
		}
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = values.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
		}
		m.appendTail(out);
		return out.toString();
	}

	static Optional<String> problem(String text, int max) {
		if (text == null || text.isBlank()) {
			return Optional.of("blank");
		}
		return text.length() > max ? Optional.of("long") : Optional.empty();
	}

}
