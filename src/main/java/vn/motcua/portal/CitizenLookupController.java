package vn.motcua.portal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
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

import vn.motcua.throttle.LookupRateLimit;
import vn.motcua.throttle.TooManyRequests;

/**
 * The public lookup: the page {@code /tra-cuu?code=…&secret=…} (what the receipt's QR code opens)
 * and {@code GET /api/public/dossiers/{code}?secret=…}. A malformed code or a missing secret
 * answers 400; an unknown code and a wrong secret answer the same 404; each client address has a
 * limited number of lookups, then 429 with {@code Retry-After}. The code is matched whatever its
 * case and surrounding spaces ({@link CitizenLookup#canonical}).
 */
@Controller
class CitizenLookupController {

	private final CitizenLookup lookup;

	private final MessageSource messages;

	private final LookupRateLimit rateLimit;

	CitizenLookupController(CitizenLookup lookup, MessageSource messages, LookupRateLimit rateLimit) {
		this.lookup = lookup;
		this.messages = messages;
		this.rateLimit = rateLimit;
	}

	@GetMapping("/tra-cuu")
	String page(@RequestParam(required = false) String code, @RequestParam(required = false) String secret,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		String trimmed = this.lookup.canonical(code);
		model.addAttribute("code", trimmed);
		model.addAttribute("secret", secret == null ? null : secret.trim());
		if (trimmed == null || trimmed.isEmpty()) {
			return "portal/lookup";
		}
		Refusal refusal = refusal(trimmed, secret, request, response);
		if (refusal != null) {
			response.setStatus(refusal.status());
			model.addAttribute("error", refusal.message());
			return "portal/lookup";
		}
		this.lookup.find(trimmed, secret).ifPresentOrElse(view -> model.addAttribute("dossier", view), () -> {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("error", message("lookup.noMatch"));
		});
		return "portal/lookup";
	}

	@GetMapping("/api/public/dossiers/{code}")
	@ResponseBody
	ResponseEntity<?> api(@PathVariable String code, @RequestParam(required = false) String secret,
			HttpServletRequest request, HttpServletResponse response) {
		String canonical = this.lookup.canonical(code);
		Refusal refusal = refusal(canonical, secret, request, response);
		if (refusal != null) {
			return ResponseEntity.status(refusal.status()).body(Map.of("message", refusal.message()));
		}
		return this.lookup.find(canonical, secret)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("message", message("lookup.noMatch"))));
	}

	private record Refusal(int status, String message) {
	}

	/**
	 * Why the lookup is not even tried: a malformed code, no secret, or the client's allowance used
	 * up. Only lookups that reach the database count against the allowance.
	 */
	private Refusal refusal(String code, String secret, HttpServletRequest request, HttpServletResponse response) {
		if (!CitizenLookup.wellFormed(code)) {
			return new Refusal(HttpStatus.BAD_REQUEST.value(), message("lookup.malformed", code));
		}
		if (secret == null || secret.isBlank()) {
			return new Refusal(HttpStatus.BAD_REQUEST.value(), message("lookup.secretMissing"));
		}
		Optional<Duration> wait = this.rateLimit.acquire(request);
		if (wait.isPresent()) {
			long seconds = TooManyRequests.prepare(response, wait.get());
			return new Refusal(TooManyRequests.STATUS, message("throttle.lookup", seconds));
		}
		return null;
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
