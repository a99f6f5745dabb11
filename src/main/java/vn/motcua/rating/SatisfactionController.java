package vn.motcua.rating;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The "Mức độ hài lòng" section of the reports: {@code /reports/satisfaction} per unit or
 * procedure, and the ratings behind a row at {@code /reports/satisfaction/dossiers}.
 */
@Controller
@RequestMapping("/reports/satisfaction")
class SatisfactionController {

	private final SatisfactionReport report;

	SatisfactionController(SatisfactionReport report) {
		this.report = report;
	}

	/** A row as the page shows it. */
	record ViewRow(String label, String href, String ratings, String overall, String access, String procedure,
			String official, String result, String feedback, String satisfied) {
	}

	@GetMapping
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, Authentication auth, Locale locale, Model model) {
		Set<String> units = this.report.visibleUnits(auth);
		LocalDate f = date(from, "from", LocalDate.of(2000, 1, 1));
		LocalDate t = date(to, "to", LocalDate.of(2999, 12, 31));
		SatisfactionReport.By grouping = by(by);
		Instant start = f.atStartOfDay(RatingTexts.ZONE).toInstant();
		Instant end = t.plusDays(1).atStartOfDay(RatingTexts.ZONE).toInstant();
		List<ViewRow> rows = this.report.rows(grouping, start, end, units)
			.stream()
			.map(r -> view(r, drill(grouping, r.key(), from, to), locale))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("total", view(this.report.total(start, end, units), drill(null, null, from, to), locale));
		model.addAttribute("from", from == null ? "" : from);
		model.addAttribute("to", to == null ? "" : to);
		model.addAttribute("by", grouping.name().toLowerCase(Locale.ROOT));
		return "rating/satisfaction";
	}

	@GetMapping("/dossiers")
	String dossiers(@RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication auth, Model model) {
		Set<String> units = this.report.visibleUnits(auth);
		if (unit != null && units != null && !units.contains(unit)) {
			throw new AccessDeniedException("unit " + unit + " is outside your units");
		}
		LocalDate f = date(from, "from", LocalDate.of(2000, 1, 1));
		LocalDate t = date(to, "to", LocalDate.of(2999, 12, 31));
		model.addAttribute("lines", this.report.lines(f.atStartOfDay(RatingTexts.ZONE).toInstant(),
				t.plusDays(1).atStartOfDay(RatingTexts.ZONE).toInstant(), units, blank(unit), blank(procedure)));
		model.addAttribute("backUrl", UriComponentsBuilder.fromPath("/reports/satisfaction")
			.queryParamIfPresent("from", java.util.Optional.ofNullable(blank(from)))
			.queryParamIfPresent("to", java.util.Optional.ofNullable(blank(to)))
			.build()
			.encode()
			.toUriString());
		return "rating/dossiers";
	}

	private static ViewRow view(SatisfactionReport.Row r, String href, Locale locale) {
		return new ViewRow(r.label(), r.ratings() == 0 ? null : href, String.valueOf(r.ratings()),
				RatingTexts.score(r.overall(), locale), RatingTexts.score(r.access(), locale),
				RatingTexts.score(r.procedure(), locale), RatingTexts.score(r.official(), locale),
				RatingTexts.score(r.result(), locale), RatingTexts.score(r.feedback(), locale),
				RatingTexts.percent(r.satisfiedShare(), locale));
	}

	private static String drill(SatisfactionReport.By by, String key, String from, String to) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/reports/satisfaction/dossiers");
		if (by != null) {
			url.queryParam(by == SatisfactionReport.By.UNIT ? "unit" : "procedure", key);
		}
		if (blank(from) != null) {
			url.queryParam("from", from);
		}
		if (blank(to) != null) {
			url.queryParam("to", to);
		}
		return url.build().encode().toUriString();
	}

	private static SatisfactionReport.By by(String value) {
		if (value == null || value.isBlank() || value.equalsIgnoreCase("unit")) {
			return SatisfactionReport.By.UNIT;
		}
		if (value.equalsIgnoreCase("procedure")) {
			return SatisfactionReport.By.PROCEDURE;
		}
		throw new RatingRefused(HttpStatus.BAD_REQUEST, "rating.error.by", "by");
	}

	private static LocalDate date(String value, String field, LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RatingRefused(HttpStatus.BAD_REQUEST, "rating.error." + field, field);
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
