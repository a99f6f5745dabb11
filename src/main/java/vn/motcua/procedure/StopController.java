package vn.motcua.procedure;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.motcua.documents.IssuedPdfs;
import vn.motcua.documents.PdfRenderer;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;
import vn.motcua.intake.UnknownDossierException;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * Stopping a dossier at the applicant's request and its notice (form 05 of Circular 03/2025):
 * <ul>
 * <li>{@code POST /api/dossiers/{code}/stop} {@code {"requestedOn": "2026-02-20", "reason": "..."}}
 * (JSON) and {@code POST /dossiers/{code}/stop} (the desk's form): officials of the receiving unit;</li>
 * <li>{@code GET /dossiers/{code}/documents/stop-notice} (print page) and {@code .pdf}
 * ({@code ?signed=true}): the officials of the units that handled it, auditors, administrators.</li>
 * </ul>
 */
@Controller
class StopController {

	static final String VIEW = "documents/stop-notice";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final DossierStops stops;

	private final Dossiers dossiers;

	private final DossierAccess access;

	private final Organisation organisation;

	private final IdentityService identity;

	private final PdfRenderer renderer;

	private final IssuedPdfs issued;

	private final java.time.Clock clock;

	StopController(DossierStops stops, Dossiers dossiers, DossierAccess access, Organisation organisation,
			IdentityService identity, PdfRenderer renderer, IssuedPdfs issued,
			@org.springframework.beans.factory.annotation.Qualifier("reportClock") java.time.Clock reportClock) {
		this.clock = reportClock;
		this.stops = stops;
		this.dossiers = dossiers;
		this.access = access;
		this.organisation = organisation;
		this.identity = identity;
		this.renderer = renderer;
		this.issued = issued;
	}

	record StopRequest(String requestedOn, String reason) {
	}

	@PostMapping("/api/dossiers/{code}/stop")
	@ResponseBody
	ResponseEntity<Map<String, Object>> stop(@PathVariable String code, @RequestBody StopRequest request,
			Authentication auth) {
		DossierStop stop = this.stops.stop(code, request.requestedOn(), request.reason(), auth.getName(), groups(auth));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("status", this.dossiers.get(code).status().name());
		body.put("requestedOn", stop.requestedOn().toString());
		body.put("notice", "/dossiers/" + code + "/documents/stop-notice");
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	/** The desk's form: the day and the reason of the applicant's request. */
	@GetMapping("/dossiers/{code}/stop")
	String stopForm(@PathVariable String code, Authentication auth, Model model) {
		Dossier dossier = this.dossiers.get(code);
		if (!this.access.mayRead(auth, dossier)) {
			throw new UnknownDossierException(code);
		}
		model.addAttribute("dossier", dossier);
		model.addAttribute("today", java.time.LocalDate.ofInstant(this.clock.instant(), Timeliness.ZONE).toString());
		return "documents/stop-request";
	}

	@PostMapping("/dossiers/{code}/stop")
	String stopFromDesk(@PathVariable String code, @RequestParam(required = false) String requestedOn,
			@RequestParam(required = false) String reason, Authentication auth) {
		this.stops.stop(code, requestedOn, reason, auth.getName(), groups(auth));
		return "redirect:/dossiers/" + code + "/documents/stop-notice";
	}

	@GetMapping("/dossiers/{code}/documents/stop-notice")
	String notice(@PathVariable String code, Authentication auth, Model model) {
		model.addAllAttributes(model(code, auth));
		return VIEW;
	}

	@GetMapping("/dossiers/{code}/documents/stop-notice.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(defaultValue = "false") boolean signed,
			Authentication auth) {
		Map<String, Object> model = model(code, auth);
		byte[] pdf = this.renderer.pdf(VIEW, model, VIETNAMESE);
		return this.issued.answer(pdf, "thong-bao-dung-giai-quyet-" + code + ".pdf",
				((Dossier) model.get("dossier")).receivingUnit(), "Thông báo dừng giải quyết hồ sơ " + code, signed);
	}

	private Map<String, Object> model(String code, Authentication auth) {
		Dossier dossier = this.dossiers.get(code);
		if (!this.access.mayRead(auth, dossier)) {
			throw new UnknownDossierException(code); // answered like an unknown code
		}
		DossierStop stop = this.stops.find(code)
			.orElseThrow(() -> new StopRefused(HttpStatus.NOT_FOUND, null, "paths.stop.notice.none", code));
		Unit unit = this.organisation.unit(dossier.receivingUnit());
		Map<String, Object> model = new HashMap<>();
		model.put("dossier", dossier);
		model.put("unit", unit);
		model.put("parent", unit.parent() == null ? null : this.organisation.find(unit.parent()).orElse(null));
		model.put("stop", stop);
		model.put("receivedAt", time(dossier.receivedAt()));
		model.put("appointment", time(dossier.originalDue()));
		model.put("requestedOn", DAY.format(stop.requestedOn()));
		model.put("stoppedAt", time(stop.stoppedAt()));
		model.put("stoppedOn", DAY.format(stop.stoppedAt().toInstant().atZone(Timeliness.ZONE)));
		model.put("signer", officialName(stop.stoppedBy()));
		return model;
	}

	private static String time(Date date) {
		return date == null ? "" : TIME.format(date.toInstant().atZone(Timeliness.ZONE));
	}

	private String officialName(String userId) {
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim();
	}

	static List<String> groups(Authentication auth) {
		List<String> groups = new ArrayList<>();
		if (auth != null) {
			for (GrantedAuthority authority : auth.getAuthorities()) {
				if (authority.getAuthority().startsWith("GROUP_")) {
					groups.add(authority.getAuthority().substring("GROUP_".length()));
				}
			}
		}
		return groups;
	}

}
