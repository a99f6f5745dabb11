package vn.motcua.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.errors.Refused;

/**
 * {@code /notifications}: administrators and auditors list the notifications by dossier, status
 * and channel; administrators retry dead letters and edit the templates.
 */
@Controller
@RequestMapping("/notifications")
class NotificationAdminController {

	static final int LIMIT = 500;

	private final Outbox outbox;

	private final NotificationTemplates templates;

	private final Channels channels;

	private final MessageSource messages;

	private final Clock clock;

	NotificationAdminController(Outbox outbox, NotificationTemplates templates, Channels channels,
			MessageSource messages, Clock reportClock) {
		this.outbox = outbox;
		this.templates = templates;
		this.channels = channels;
		this.messages = messages;
		this.clock = reportClock;
	}

	/** A row of the list as the page shows it. */
	record Line(long id, String dossierCode, String event, String channel, String recipient, String status,
			boolean dead, LocalDateTime createdAt, LocalDateTime sentAt, int attempts, String lastError) {
	}

	/** A template as the page shows it. */
	record TemplateView(String event, String eventLabel, String channel, String channelLabel, boolean email,
			String subject, String body, boolean edited) {
	}

	@GetMapping
	String list(@RequestParam(required = false) String code, @RequestParam(required = false) String status,
			@RequestParam(required = false) String channel, Authentication auth, Locale locale, Model model) {
		requireReader(auth, locale);
		NotificationStatus s = parse(NotificationStatus.class, status, "status");
		ChannelKind c = parse(ChannelKind.class, channel, "channel");
		List<Line> lines = this.outbox.search(code, s, c, LIMIT)
			.stream()
			.map(r -> new Line(r.id(), r.dossierCode(), text("notification.event." + r.event(), locale),
					text("notification.channel." + r.channel(), locale), r.recipient(),
					text("notification.status." + r.status(), locale), r.status() == NotificationStatus.DEAD,
					Notifications.local(r.createdAt()), Notifications.local(r.sentAt()), r.attempts(), r.lastError()))
			.toList();
		List<ChannelKind> enabled = this.channels.enabled();
		String off = Arrays.stream(ChannelKind.values())
			.filter(k -> !enabled.contains(k))
			.map(k -> text("notification.channel." + k, locale))
			.collect(Collectors.joining(", "));
		model.addAttribute("lines", lines);
		model.addAttribute("code", code == null ? "" : code.strip());
		model.addAttribute("status", s == null ? "" : s.name());
		model.addAttribute("channel", c == null ? "" : c.name());
		model.addAttribute("statuses", NotificationStatus.values());
		model.addAttribute("channels", ChannelKind.values());
		model.addAttribute("channelsOff", off.isEmpty() ? null : off);
		model.addAttribute("mayRetry", isAdmin(auth));
		return "notification/list";
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable long id, Authentication auth, Locale locale, RedirectAttributes redirect) {
		requireAdmin(auth, locale);
		Outbox.Row row = this.outbox.find(id)
			.orElseThrow(() -> Refused.ofField(HttpStatus.NOT_FOUND, "notification.error.unknown", null, id));
		if (!this.outbox.retry(id, this.clock.instant())) {
			throw Refused.ofField(HttpStatus.CONFLICT, "notification.admin.notDead", null, id);
		}
		redirect.addFlashAttribute("notice", this.messages.getMessage("notification.admin.retried",
				new Object[] { String.valueOf(id) }, locale));
		redirect.addAttribute("code", row.dossierCode());
		return "redirect:/notifications";
	}

	@GetMapping("/templates")
	String templates(Authentication auth, Locale locale, Model model) {
		requireReader(auth, locale);
		List<TemplateView> views = new ArrayList<>();
		for (NotificationEvent event : NotificationEvent.values()) {
			for (ChannelKind channel : ChannelKind.values()) {
				NotificationTemplates.Template t = this.templates.get(event, channel);
				views.add(new TemplateView(event.name(), text("notification.event." + event, locale), channel.name(),
						text("notification.channel." + channel, locale), channel == ChannelKind.EMAIL, t.subject(),
						t.body(), t.edited()));
			}
		}
		model.addAttribute("templates", views);
		model.addAttribute("mayEdit", isAdmin(auth));
		return "notification/templates";
	}

	@PostMapping("/templates")
	String save(@RequestParam(required = false) String event, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String body,
			@RequestParam(required = false) String reset, Authentication auth, Locale locale,
			RedirectAttributes redirect) {
		requireAdmin(auth, locale);
		NotificationEvent e = required(NotificationEvent.class, event, "event");
		ChannelKind c = required(ChannelKind.class, channel, "channel");
		if (reset != null) {
			this.templates.reset(e, c);
		}
		else {
			if (c == ChannelKind.EMAIL
					&& NotificationTemplates.problem(subject, NotificationTemplates.MAX_SUBJECT).isPresent()) {
				throw Refused.ofField(HttpStatus.BAD_REQUEST, "notification.error.subject", "subject");
			}
			if (NotificationTemplates.problem(body, NotificationTemplates.MAX_BODY).isPresent()) {
				throw Refused.ofField(HttpStatus.BAD_REQUEST, "notification.error.body", "body");
			}
			this.templates.save(e, c, c == ChannelKind.EMAIL ? subject.strip() : null, body.strip(), auth.getName(),
					this.clock.instant());
		}
		redirect.addFlashAttribute("notice", text("notification.templates.saved", locale));
		return "redirect:/notifications/templates#" + e + "-" + c;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return required(type, value, field);
	}

	private static <E extends Enum<E>> E required(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Refused.ofField(HttpStatus.BAD_REQUEST, "notification.error." + field, field);
		}
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static boolean has(Authentication auth, String role) {
		return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(role::equals);
	}

	private static boolean isAdmin(Authentication auth) {
		return has(auth, "ROLE_ADMIN");
	}

	private void requireReader(Authentication auth, Locale locale) {
		if (!isAdmin(auth) && !has(auth, "ROLE_AUDITOR")) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, text("notification.admin.forbidden", locale));
		}
	}

	private void requireAdmin(Authentication auth, Locale locale) {
		if (!isAdmin(auth)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, text("notification.admin.forbidden", locale));
		}
	}

}
