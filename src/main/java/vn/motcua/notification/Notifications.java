package vn.motcua.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.rating.RatingInvitations;

/**
 * Telling citizens: {@link #enqueue} is called by the dossier change that causes a notification,
 * in its transaction (the engine's); {@link #forDossier} is what a dossier's timeline shows.
 */
@Service
public class Notifications {

	/** Keys of {@link #enqueue}'s details. */
	public static final String ITEMS = "items";

	public static final String SUPPLEMENT_DUE = "supplementDue";

	public static final String REASON = "reason";

	public static final String OLD_APPOINTMENT = "oldAppointment";

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	/**
	 * A notification as a timeline shows it, with Vietnamese labels.
	 *
	 * @param sentAt when the channel accepted it; null while pending or dead
	 */
	public record Item(String event, String channel, String status, LocalDateTime createdAt, LocalDateTime sentAt,
			int attempts, String lastError) {
	}

	private final Outbox outbox;

	private final NotificationTemplates templates;

	private final Dossiers dossiers;

	private final Organisation organisation;

	private final Channels channels;

	private final NotificationProperties properties;

	private final RatingInvitations invitations;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MessageSource messages;

	private final String lookupPublicUrl;

	Notifications(Outbox outbox, NotificationTemplates templates, Dossiers dossiers, Organisation organisation,
			Channels channels, NotificationProperties properties, RatingInvitations invitations, JdbcClient jdbc,
			Clock reportClock, MessageSource messages, @Value("${motcua.lookup.public-url:}") String lookupPublicUrl) {
		this.outbox = outbox;
		this.templates = templates;
		this.dossiers = dossiers;
		this.organisation = organisation;
		this.channels = channels;
		this.properties = properties;
		this.invitations = invitations;
		this.jdbc = jdbc;
		this.clock = reportClock;
		this.messages = messages;
		this.lookupPublicUrl = lookupPublicUrl;
	}

	/**
	 * Appends the notification of {@code event} for the dossier to the outbox, in the caller's
	 * transaction: it is sent if and only if the change commits. The dossier row must already
	 * show the change (the appointment in force, the status). Nothing is appended when the citizen
	 * gave no contact a channel can use. {@code details} fill the event's placeholders
	 * ({@link #ITEMS}, {@link #SUPPLEMENT_DUE}, {@link #REASON}, {@link #OLD_APPOINTMENT}: a text,
	 * or a {@link Date} shown in Vietnam time).
	 */
	@Transactional
	public void enqueue(String dossierCode, NotificationEvent event, Map<String, ?> details) {
		Dossier dossier = this.dossiers.get(dossierCode);
		Instant now = this.clock.instant();
		Optional<Contact> contact = event == NotificationEvent.RECEIVED ? choose(dossier, now) : contactOf(dossier);
		if (contact.isEmpty()) {
			log.debug("Dossier {}: no contact for the {} notification", dossierCode, event);
			return;
		}
		Map<String, String> values = new HashMap<>();
		values.put("code", dossier.code());
		values.put("procedure", dossier.procedureName());
		values.put("unit", this.organisation.find(dossier.receivingUnit()).map(Unit::name).orElse(dossier.receivingUnit()));
		values.put("receivedAt", time(dossier.receivedAt()));
		values.put("appointment", time(dossier.due()));
		values.put("newAppointment", time(dossier.due()));
		values.put("lookupUrl", url("/tra-cuu").queryParam("code", dossier.code()).build().encode().toUriString());
		if (details != null) {
			details.forEach((k, v) -> values.put(k, v instanceof Date d ? time(d) : v == null ? "" : v.toString()));
		}
		if (event == NotificationEvent.RESULT_READY) {
			String token = this.invitations.invite(dossier.code(), now);
			values.put("ratingUrl", url("/tra-cuu/danh-gia").queryParam("code", dossier.code())
				.queryParam("token", token).build().encode().toUriString());
		}
		NotificationTemplates.Template template = this.templates.get(event, contact.get().channel());
		String subject = clip(NotificationTemplates.render(template.subject(), values), NotificationTemplates.MAX_SUBJECT);
		String body = clip(NotificationTemplates.render(template.body(), values), NotificationTemplates.MAX_BODY);
		this.outbox.append(dossier.code(), event, contact.get().channel(), contact.get().address(), subject, body, now);
	}

	/** What was sent to the citizen of the dossier, and what is pending or given up, oldest first. */
	public List<Item> forDossier(String dossierCode) {
		return this.outbox.ofDossier(dossierCode)
			.stream()
			.map(r -> new Item(label("notification.event." + r.event()), label("notification.channel." + r.channel()),
					label("notification.status." + r.status()), local(r.createdAt()), local(r.sentAt()), r.attempts(),
					r.lastError()))
			.toList();
	}

	record Contact(ChannelKind channel, String address) {
	}

	/**
	 * The dossier's channel, chosen at intake: the first of the preference that the contact details
	 * allow, among the enabled channels if any is, and recorded with the dossier.
	 */
	private Optional<Contact> choose(Dossier dossier, Instant now) {
		List<ChannelKind> enabled = this.channels.enabled();
		Optional<Contact> chosen = this.properties.channelPreference()
			.stream()
			.filter(c -> enabled.isEmpty() || enabled.contains(c))
			.map(c -> addressFor(c, dossier).map(a -> new Contact(c, a)))
			.flatMap(Optional::stream)
			.findFirst();
		chosen.ifPresent(c -> this.jdbc
			.sql("insert into notification_contact (dossier_code, channel, address, chosen_at) values (?, ?, ?, ?)")
			.params(dossier.code(), c.channel().name(), c.address(), Timestamp.from(now))
			.update());
		return chosen;
	}

	private Optional<Contact> contactOf(Dossier dossier) {
		return this.jdbc.sql("select channel, address from notification_contact where dossier_code = ?")
			.param(dossier.code())
			.query((rs, n) -> new Contact(ChannelKind.valueOf(rs.getString(1)), rs.getString(2)))
			.optional();
	}

	static Optional<String> addressFor(ChannelKind channel, Dossier dossier) {
		if (channel == ChannelKind.EMAIL) {
			String email = dossier.applicantEmail();
			return email != null && email.contains("@") ? Optional.of(email.strip()) : Optional.empty();
		}
		String phone = dossier.applicantPhone() == null ? "" : dossier.applicantPhone().replaceAll("[\\s.-]", "");
		return phone.matches("\\+?\\d{9,15}") ? Optional.of(phone) : Optional.empty();
	}

	private UriComponentsBuilder url(String path) {
		String base = !this.properties.publicUrl().isBlank() ? this.properties.publicUrl()
				: !this.lookupPublicUrl.isBlank() ? this.lookupPublicUrl : "http://localhost:8080";
		return UriComponentsBuilder.fromUriString(base).path(path);
	}

	static String time(Date date) {
		return date == null ? "" : TIME.format(date.toInstant().atZone(ZONE));
	}

	static LocalDateTime local(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private String label(String key) {
		return this.messages.getMessage(key, null, key, VI);
	}

}
