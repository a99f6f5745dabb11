package vn.motcua.documents;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.errors.Refused;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.organisation.Organisation;
import vn.motcua.procedure.DossierAccess;
import vn.motcua.procedure.Handoff;
import vn.motcua.procedure.Handoffs;

/**
 * Forms 02 (supplement request) and 03 (refusal) of a dossier: print page
 * {@code /dossiers/{code}/documents/{kind}} and A4 PDF {@code …/{kind}.pdf}, signed by the issuing
 * unit with {@code signed=true}. Any other kind without its own page answers 404.
 */
@Controller
class OfficialDocumentsController {

	static final String SUPPLEMENT_VIEW = "documents/supplement-request";

	static final String REFUSAL_VIEW = "documents/refusal";

	private final Dossiers dossiers;

	private final DossierAccess access;

	private final DossierDocuments documents;

	private final OfficialFrames frames;

	private final OfficialNames names;

	private final Organisation organisation;

	private final Handoffs handoffs;

	private final PdfRenderer renderer;

	private final IssuedPdfs pdfs;

	OfficialDocumentsController(Dossiers dossiers, DossierAccess access, DossierDocuments documents,
			OfficialFrames frames, OfficialNames names, Organisation organisation, Handoffs handoffs,
			PdfRenderer renderer, IssuedPdfs pdfs) {
		this.dossiers = dossiers;
		this.access = access;
		this.documents = documents;
		this.frames = frames;
		this.names = names;
		this.organisation = organisation;
		this.handoffs = handoffs;
		this.renderer = renderer;
		this.pdfs = pdfs;
	}

	@GetMapping("/dossiers/{code}/documents/supplement-request")
	String supplementRequest(@PathVariable String code, @RequestParam(required = false) String unit, Model model,
			Authentication auth, Locale locale) {
		model.addAllAttributes(supplementModel(readable(code, auth), unit, false, locale));
		return SUPPLEMENT_VIEW;
	}

	@GetMapping("/dossiers/{code}/documents/supplement-request.pdf")
	ResponseEntity<byte[]> supplementRequestPdf(@PathVariable String code, @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "false") boolean signed, Authentication auth, Locale locale) {
		Dossier dossier = readable(code, auth);
		Map<String, Object> model = supplementModel(dossier, unit, true, locale);
		DossierDocuments.Supplement request = (DossierDocuments.Supplement) model.get("request");
		return this.pdfs.answer(this.renderer.pdf(SUPPLEMENT_VIEW, model, locale),
				"phieu-yeu-cau-bo-sung-" + code + ".pdf", request.unitCode(),
				this.documents.signatureReason(OfficialForm.SUPPLEMENT_REQUEST, dossier), signed);
	}

	@GetMapping("/dossiers/{code}/documents/refusal")
	String refusal(@PathVariable String code, Model model, Authentication auth, Locale locale) {
		model.addAllAttributes(refusalModel(readable(code, auth), false, locale));
		return REFUSAL_VIEW;
	}

	@GetMapping("/dossiers/{code}/documents/refusal.pdf")
	ResponseEntity<byte[]> refusalPdf(@PathVariable String code, @RequestParam(defaultValue = "false") boolean signed,
			Authentication auth, Locale locale) {
		Dossier dossier = readable(code, auth);
		Map<String, Object> model = refusalModel(dossier, true, locale);
		return this.pdfs.answer(this.renderer.pdf(REFUSAL_VIEW, model, locale), "phieu-tu-choi-" + code + ".pdf",
				(String) model.get("issuingUnit"), this.documents.signatureReason(OfficialForm.REFUSAL, dossier), signed);
	}

	/** Kinds without a page of their own (mapped literally elsewhere): 404 once the dossier is readable. */
	@GetMapping({ "/dossiers/{code}/documents/{kind}", "/dossiers/{code}/documents/{kind}.pdf" })
	String unknown(@PathVariable String code, @PathVariable String kind, Authentication auth) {
		readable(code, auth);
		throw new Refused(HttpStatus.NOT_FOUND, "documents.error.unknownKind",
				kind.length() > 40 ? kind.substring(0, 40) + "…" : kind);
	}

	private Dossier readable(String code, Authentication auth) {
		Dossier dossier = this.dossiers.get(code);
		if (!this.access.mayRead(auth, dossier)) {
			throw new Refused(HttpStatus.FORBIDDEN, "documents.error.forbidden", code);
		}
		return dossier;
	}

	private Map<String, Object> supplementModel(Dossier dossier, String unit, boolean pdf, Locale locale) {
		List<DossierDocuments.Supplement> requests = this.documents.supplements(dossier.code());
		if (requests.isEmpty()) {
			throw new Refused(HttpStatus.CONFLICT, "documents.error.noSupplement", dossier.code());
		}
		DossierDocuments.Supplement request = unit == null || unit.isBlank() ? requests.get(requests.size() - 1)
				: requests.stream()
					.filter(r -> r.unitCode().equals(unit))
					.findFirst()
					.orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "documents.error.unitSupplement",
							dossier.code(), this.organisation.find(unit).map(u -> u.name()).orElse(shorten(unit))));
		Map<String, Object> model = common(dossier, OfficialForm.SUPPLEMENT_REQUEST, request.unitCode(),
				request.requestedAt(), pdf, locale);
		model.put("request", request);
		if (!pdf) {
			model.put("pdfLink", org.springframework.web.util.UriComponentsBuilder
				.fromPath(DossierDocuments.pdf(dossier.code(), OfficialForm.SUPPLEMENT_REQUEST))
				.queryParam("unit", request.unitCode())
				.build()
				.encode()
				.toUriString());
		}
		model.put("requestingUnit", this.organisation.unit(request.unitCode()).name());
		model.put("receivingUnit", this.organisation.unit(dossier.receivingUnit()).name());
		model.put("signer", this.names.fullName(request.requestedBy()));
		model.put("items", lines(request.items()));
		model.put("others", requests.stream().filter(r -> r != request)
			.map(r -> Map.of("name", this.organisation.unit(r.unitCode()).name(), "unit", r.unitCode()))
			.toList());
		return model;
	}

	private Map<String, Object> refusalModel(Dossier dossier, boolean pdf, Locale locale) {
		if (!DossierDocuments.refused(dossier)) {
			throw new Refused(HttpStatus.CONFLICT, "documents.error.noRefusal", dossier.code());
		}
		Handoff refusing = this.handoffs.ofDossier(dossier.code())
			.stream()
			.filter(h -> "refuse".equals(h.stepOutcome()))
			.max(Comparator.comparing(h -> h.finishedAt() == null ? new Date(0) : h.finishedAt()))
			.orElse(null);
		List<DossierDocuments.Supplement> supplements = this.documents.supplements(dossier.code());
		String unit;
		String signer;
		Date at;
		if (refusing != null) {
			unit = refusing.toUnit();
			signer = refusing.finishedBy();
			at = refusing.finishedAt();
		}
		else if (!supplements.isEmpty()) {
			// refused because the citizen did not bring the supplement in time
			DossierDocuments.Supplement last = supplements.get(supplements.size() - 1);
			unit = last.unitCode();
			signer = last.requestedBy();
			at = dossier.finishedAt();
		}
		else {
			unit = dossier.receivingUnit();
			signer = dossier.receivedBy();
			at = dossier.finishedAt();
		}
		if (at == null) {
			at = dossier.finishedAt() != null ? dossier.finishedAt() : dossier.receivedAt();
		}
		Map<String, Object> model = common(dossier, OfficialForm.REFUSAL, unit, at, pdf, locale);
		model.put("issuingUnit", unit);
		model.put("refusingUnit", this.organisation.unit(unit).name());
		model.put("receivingUnit", this.organisation.unit(dossier.receivingUnit()).name());
		model.put("signer", this.names.fullName(signer));
		model.put("reasons", lines(dossier.refusalReason()));
		return model;
	}

	private Map<String, Object> common(Dossier dossier, OfficialForm form, String issuingUnit, Date issuedAt,
			boolean pdf, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("pdf", pdf);
		model.put("dossier", dossier);
		model.put("frame", this.frames.of(issuingUnit, form, dossier.receivedAt(),
				LocalDate.ofInstant(issuedAt.toInstant(), LegalBasis.ZONE)));
		if (!pdf) {
			model.put("documents", this.documents.available(dossier, locale));
			model.put("pdfLink", DossierDocuments.pdf(dossier.code(), form));
		}
		return model;
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static String shorten(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

}
