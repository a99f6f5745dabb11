package vn.motcua.calendarfollow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import vn.motcua.deadline.CalendarFileException;
import vn.motcua.deadline.CalendarView;
import vn.motcua.deadline.LegalCalendar;

/**
 * {@code /admin/calendar}, administrators only: upload or paste one year file, see the changed
 * days and how many running dossiers will move, then apply it (kept in the database for every
 * node, recorded as a calendar version, dossiers recomputed in the background). The same
 * validation as at startup; an invalid file changes nothing.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

	private static final Logger log = LoggerFactory.getLogger(CalendarAdminController.class);

	static final String VIEW = "calendar-follow/admin";

	private final LegalCalendar calendar;

	private final CalendarFollow follow;

	private final MessageSource messages;

	CalendarAdminController(LegalCalendar legalCalendar, CalendarFollow follow, MessageSource messageSource) {
		this.calendar = legalCalendar;
		this.follow = follow;
		this.messages = messageSource;
	}

	@GetMapping
	String page(Model model, Authentication auth) {
		requireAdmin(auth);
		return show(model);
	}

	@PostMapping("/preview")
	String preview(@RequestParam(required = false) Integer year, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String content, Model model, Authentication auth, Locale locale)
			throws IOException {
		requireAdmin(auth);
		String text = text(file, content);
		model.addAttribute("year", year);
		model.addAttribute("content", text);
		if (text == null) {
			model.addAttribute("error", this.messages.getMessage("calendar-follow.admin.empty", null, locale));
			return show(model);
		}
		try {
			CalendarView candidate = this.calendar.withYearFile(fileName(year, file), text.getBytes(StandardCharsets.UTF_8));
			CalendarFollow.Preview preview = this.follow.preview(candidate);
			model.addAttribute("preview", preview);
			model.addAttribute("candidate", candidate);
		}
		catch (CalendarFileException ex) {
			model.addAttribute("error", this.messages.getMessage("calendar-follow.admin.invalid",
					new Object[] { ex.getMessage() }, locale));
		}
		return show(model);
	}

	@PostMapping("/apply")
	String apply(@RequestParam(required = false) Integer year, @RequestParam String content, Model model,
			Authentication auth, Locale locale) {
		requireAdmin(auth);
		model.addAttribute("year", year);
		model.addAttribute("content", content);
		try {
			String name = fileName(year, null);
			if (year == null) {
				model.addAttribute("error", this.messages.getMessage("calendar-follow.admin.empty", null, locale));
				return show(model);
			}
			CalendarView candidate = this.calendar.withYearFile(name, content.getBytes(StandardCharsets.UTF_8));
			int moving = this.follow.preview(candidate).dossiersMoving();
			this.calendar.installYearFile(name, content.getBytes(StandardCharsets.UTF_8), auth.getName());
			this.follow.sync(auth.getName());
			CompletableFuture.runAsync(() -> {
				try {
					this.follow.runPending();
				}
				catch (RuntimeException ex) {
					log.error("Calendar recomputation failed, the poller will retry: {}", ex.toString());
				}
			});
			model.addAttribute("applied", this.messages.getMessage("calendar-follow.admin.applied",
					new Object[] { String.valueOf(year), moving }, locale));
			model.addAttribute("content", null);
		}
		catch (CalendarFileException ex) {
			model.addAttribute("error", this.messages.getMessage("calendar-follow.admin.invalid",
					new Object[] { ex.getMessage() }, locale));
		}
		return show(model);
	}

	private String show(Model model) {
		model.addAttribute("versions", this.follow.recentVersions());
		model.addAttribute("directory", this.calendar.directory());
		model.addAttribute("current", this.calendar.current());
		return VIEW;
	}

	private static String fileName(Integer year, MultipartFile file) {
		if (year == null && file != null && file.getOriginalFilename() != null
				&& file.getOriginalFilename().matches("\\d{4}\\.ya?ml")) {
			return file.getOriginalFilename();
		}
		return year == null ? "calendar.yaml" : year + ".yaml";
	}

	private static String text(MultipartFile file, String content) throws IOException {
		if (file != null && !file.isEmpty()) {
			return new String(file.getBytes(), StandardCharsets.UTF_8);
		}
		return content == null || content.isBlank() ? null : content;
	}

	private void requireAdmin(Authentication auth) {
		boolean admin = auth != null
				&& auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch("ROLE_ADMIN"::equals);
		if (!admin) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					this.messages.getMessage("calendar-follow.admin.forbidden", null, Locale.forLanguageTag("vi")));
		}
	}

}
