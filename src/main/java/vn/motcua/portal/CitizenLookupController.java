package vn.motcua.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public lookup: the page {@code /tra-cuu?code=…} and {@code GET /api/public/dossiers/{code}}.
 * An unknown or malformed code answers 404 or 400 with a message, and says nothing more.
 */
@Controller
class CitizenLookupController {

	private final CitizenLookup lookup;

	private final MessageSource messages;

	CitizenLookupController(CitizenLookup lookup, MessageSource messages) {
		this.lookup = lookup;
		this.messages = messages;
	}

	@GetMapping("/tra-cuu")
	String page(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
		String trimmed = code == null ? null : code.trim();
		model.addAttribute("code", trimmed);
		if (trimmed == null || trimmed.isEmpty()) {
			return "portal/lookup";
		}
		if (!CitizenLookup.wellFormed(trimmed)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", message("lookup.malformed", trimmed));
			return "portal/lookup";
		}
		this.lookup.find(trimmed).ifPresentOrElse(view -> model.addAttribute("dossier", view), () -> {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("error", message("lookup.notFound", trimmed));
		});
		return "portal/lookup";
	}

	@GetMapping("/api/public/dossiers/{code}")
	@ResponseBody
	ResponseEntity<?> api(@PathVariable String code) {
		if (!CitizenLookup.wellFormed(code)) {
			return ResponseEntity.badRequest().body(Map.of("message", message("lookup.malformed", code)));
		}
		return this.lookup.find(code)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("message", message("lookup.notFound", code))));
	}

	private String message(String key, String code) {
		return this.messages.getMessage(key, new Object[] { code }, LocaleContextHolder.getLocale());
	}

}
