package vn.motcua.procedure;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import vn.motcua.documents.DossierDocuments;
import vn.motcua.documents.IssuedPdfs;
import vn.motcua.documents.OfficialForm;
import vn.motcua.documents.OfficialFrames;
import vn.motcua.documents.OfficialNames;
import vn.motcua.documents.PdfRenderer;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;
import vn.motcua.intake.UnknownDossierException;

/**
 * Stopping a dossier at the applicant's request and its notice (form 05 of Circular 03/2025, on the
 * official frame of {@code documents}; a dossier received before 1/7/2025 gets the same form, as
 * Circular 01/2018 has none):
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

	private final DossierStops stops;

	private final Dossiers dossiers;

	private final DossierAccess access;

	private final OfficialFrames frames;

	private final OfficialNames names;

	private final DossierDocuments documents;

	private final PdfRenderer renderer;

	private final IssuedPdfs issued;

	private final java.time.Clock clock;

	StopController(DossierStops stops, Dossiers dossiers, DossierAccess access, OfficialFrames frames,
			OfficialNames names, DossierDocuments documents, PdfRenderer renderer, IssuedPdfs issued,
			@org.springframework.beans.factory.annotation.Qualifier("reportClock") java.time.Clock reportClock) {
		this.clock = reportClock;
		this.stops = stops;
		this.dossiers = dossiers;
		this.access = access;
		this.frames = frames;
		this.names = names;
		this.documents = documents;
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
	String notice(@PathVariable String code, Authentication auth, Model model, Locale locale) {
		model.addAllAttributes(model(code, auth, false, locale));
		return VIEW;
	}

	@GetMapping("/dossiers/{code}/documents/stop-notice.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(defaultValue = "false") boolean signed,
			Authentication auth, Locale locale) {
		Map<String, Object> model = model(code, auth, true, locale);
		Dossier dossier = (Dossier) model.get("dossier");
		byte[] pdf = this.renderer.pdf(VIEW, model, locale);
		return this.issued.answer(pdf, "thong-bao-dung-giai-quyet-" + code + ".pdf", dossier.receivingUnit(),
				this.documents.signatureReason(OfficialForm.STOP_NOTICE, dossier), signed);
	}

	private Map<String, Object> model(String code, Authentication auth, boolean pdf, Locale locale) {
		Dossier dossier = this.dossiers.get(code);
		if (!this.access.mayRead(auth, dossier)) {
			throw new UnknownDossierException(code); // answered like an unknown code
		}
		DossierStop stop = this.stops.find(code)
			.orElseThrow(() -> new StopRefused(HttpStatus.NOT_FOUND, null, "paths.stop.notice.none", code));
		Map<String, Object> model = new HashMap<>();
		model.put("pdf", pdf);
		model.put("dossier", dossier);
		model.put("frame", this.frames.of(dossier.receivingUnit(), OfficialForm.STOP_NOTICE, dossier.receivedAt(),
				java.time.LocalDate.ofInstant(stop.stoppedAt().toInstant(), Timeliness.ZONE)));
		model.put("stop", stop);
		model.put("requestedOn", DAY.format(stop.requestedOn()));
		model.put("signer", this.names.fullName(stop.stoppedBy()));
		if (!pdf) {
			model.put("documents", this.documents.available(dossier, locale));
			model.put("pdfLink", DossierDocuments.pdf(code, OfficialForm.STOP_NOTICE));
		}
		return model;
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
