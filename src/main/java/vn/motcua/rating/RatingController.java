package vn.motcua.rating;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.motcua.errors.ClientMistake;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.throttle.LookupRateLimit;
import vn.motcua.throttle.TooManyRequests;

/**
 * The citizen's rating: the page {@code /tra-cuu/danh-gia?code=…&secret=…} (or {@code &token=…},
 * the link of the "result ready" message) and {@code POST /api/public/dossiers/{code}/rating}.
 * Each try counts against the client's lookup allowance.
 */
@Controller
class RatingController {

	private final Ratings ratings;

	private final LookupRateLimit rateLimit;

	RatingController(Ratings ratings, LookupRateLimit rateLimit) {
		this.ratings = ratings;
		this.rateLimit = rateLimit;
	}

	/** The JSON body of the API: the form and the secret or token. */
	record RatingRequest(String secret, String token, Integer overall, Integer access, Integer procedure,
			Integer official, Integer result, Integer feedback, String comment) {
	}

	@GetMapping("/tra-cuu/danh-gia")
	String page(@RequestParam(required = false) String code, @RequestParam(required = false) String secret,
			@RequestParam(required = false) String token, Model model, HttpServletRequest request) {
		throttle(request);
		Dossier dossier = this.ratings.open(code == null ? null : code.strip(), secret, token);
		model.addAttribute("code", dossier.code());
		model.addAttribute("procedure", dossier.procedureName());
		model.addAttribute("secret", secret);
		model.addAttribute("token", token);
		model.addAttribute("returned", dossier.status() == DossierStatus.RETURNED);
		model.addAttribute("rated", this.ratings.rated(dossier.code()));
		model.addAttribute("criteria", Ratings.CRITERIA);
		return "rating/form";
	}

	@PostMapping("/tra-cuu/danh-gia")
	String submit(@RequestParam(required = false) String code, @RequestParam(required = false) String secret,
			@RequestParam(required = false) String token, @RequestParam(required = false) String overall,
			@RequestParam(required = false) String access, @RequestParam(required = false) String procedure,
			@RequestParam(required = false) String official, @RequestParam(required = false) String result,
			@RequestParam(required = false) String feedback, @RequestParam(required = false) String comment,
			Model model, HttpServletRequest request) {
		throttle(request);
		String c = code == null ? null : code.strip();
		this.ratings.rate(c, secret, token, new Ratings.Form(number(overall, "overall"), number(access, "access"),
				number(procedure, "procedure"), number(official, "official"), number(result, "result"),
				number(feedback, "feedback"), comment));
		model.addAttribute("code", c);
		return "rating/thanks";
	}

	@PostMapping("/api/public/dossiers/{code}/rating")
	@ResponseBody
	ResponseEntity<Map<String, Object>> api(@PathVariable String code, @RequestBody(required = false) RatingRequest body,
			HttpServletRequest request) {
		throttle(request);
		RatingRequest r = body == null ? new RatingRequest(null, null, null, null, null, null, null, null, null) : body;
		this.ratings.rate(code.strip(), r.secret(), r.token(),
				new Ratings.Form(r.overall(), r.access(), r.procedure(), r.official(), r.result(), r.feedback(), r.comment()));
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("code", code.strip(), "rated", true));
	}

	private void throttle(HttpServletRequest request) {
		Optional<Duration> wait = this.rateLimit.acquire(request);
		if (wait.isPresent()) {
			throw new TooManyRequests.Refused("throttle.lookup", wait.get(), new ClientMistake.Link("/tra-cuu", "lookup.title"));
		}
	}

	private static Integer number(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new RatingRefused(HttpStatus.BAD_REQUEST, "rating.error." + field, field);
		}
	}

}
