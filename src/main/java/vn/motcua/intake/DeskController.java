package vn.motcua.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.motcua.errors.Refused;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * The desk's own pages: {@code /desk} lists the dossiers one of the official's desks received on
 * a day (today unless chosen), searchable by code and applicant, each with its receipt; and
 * {@code GET /api/desk/process-instances/{id}}, with which Tasklist's custom script turns the
 * instance an official just started into the dossier code and the receipt's link. Officials see
 * only their own desks' dossiers: another unit is 403, a dossier of another desk 404.
 */
@Controller
class DeskController {

	static final String VIEW = "intake/desk";

	/** Rows shown at most; beyond, the page asks to narrow the search. */
	static final int MAX_ROWS = 500;

	private final Dossiers dossiers;

	private final ReceivingDesks desks;

	private final Organisation organisation;

	private final MessageSource messages;

	private final Clock clock;

	/** @param clock the engine's clock (dossiers are received by it) */
	DeskController(Dossiers dossiers, ReceivingDesks desks, Organisation organisation, MessageSource messages,
			Clock clock) {
		this.dossiers = dossiers;
		this.desks = desks;
		this.organisation = organisation;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/desk")
	String desk(@RequestParam(required = false) String unit, @RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Authentication auth, Model model) {
		List<Unit> own = ownDesks(auth);
		Unit chosen = choose(own, unit);
		LocalDate today = LocalDate.now(this.clock.withZone(Timeliness.ZONE));
		LocalDate shown = day == null ? today : day;
		Date from = Date.from(shown.atStartOfDay(Timeliness.ZONE).toInstant());
		Date to = Date.from(shown.plusDays(1).atStartOfDay(Timeliness.ZONE).toInstant());
		String text = q == null ? null : q.strip();
		if (text != null && text.length() > 100) {
			throw new Refused(HttpStatus.BAD_REQUEST, "pages.desk.queryTooLong", 100);
		}
		List<Dossier> rows = this.dossiers.receivedBy(chosen.code(), from, to, text, MAX_ROWS + 1);
		model.addAttribute("desks", own);
		model.addAttribute("unit", chosen);
		model.addAttribute("q", text);
		model.addAttribute("day", shown);
		model.addAttribute("today", shown.equals(today));
		model.addAttribute("truncated", rows.size() > MAX_ROWS);
		model.addAttribute("rows", rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows);
		model.addAttribute("max", MAX_ROWS);
		return VIEW;
	}

	/** The dossier an official of its receiving desk just started in Tasklist. */
	@GetMapping("/api/desk/process-instances/{processInstanceId}")
	@ResponseBody
	Map<String, Object> started(@PathVariable String processInstanceId, Authentication auth) {
		List<Unit> own = ownDesks(auth);
		Dossier dossier = this.dossiers.findByProcessInstance(processInstanceId)
			.filter(d -> own.stream().anyMatch(u -> u.code().equals(d.receivingUnit())))
			.orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "pages.desk.started.unknown"));
		String receipt = "/dossiers/" + dossier.code() + "/receipt";
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", dossier.code());
		body.put("receipt", receipt);
		body.put("desk", "/desk?unit=" + dossier.receivingUnit());
		body.put("message", text("pages.desk.started.message", dossier.code()));
		body.put("link", text("pages.desk.started.link"));
		return body;
	}

	private List<Unit> ownDesks(Authentication auth) {
		List<String> groups = auth == null ? List.of() : auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("GROUP_"))
			.map(a -> a.substring("GROUP_".length()))
			.toList();
		List<Unit> own = this.desks.of(groups);
		if (own.isEmpty()) {
			throw new Refused(HttpStatus.FORBIDDEN, "pages.desk.notDesk");
		}
		return own;
	}

	private Unit choose(List<Unit> own, String unit) {
		if (unit == null || unit.isBlank()) {
			return own.get(0);
		}
		String code = unit.strip();
		return own.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow(() -> {
			if (this.organisation.find(code).isEmpty()) {
				return new Refused(HttpStatus.NOT_FOUND, "pages.unknownUnit");
			}
			return new Refused(HttpStatus.FORBIDDEN, "pages.desk.otherUnit", this.organisation.unit(code).name());
		});
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
