package vn.motcua.intake;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import vn.motcua.documents.DossierDocuments;
import vn.motcua.documents.IssuedPdfs;
import vn.motcua.documents.OfficialForm;
import vn.motcua.documents.OfficialFrames;
import vn.motcua.documents.OfficialNames;
import vn.motcua.documents.PdfRenderer;
import vn.motcua.errors.Refused;
import vn.motcua.procedure.DossierAccess;

/**
 * The receipt, form 01 "Giấy tiếp nhận hồ sơ và hẹn trả kết quả": the print page
 * ({@code /dossiers/{code}/documents/receipt}, also {@code /dossiers/{code}/receipt}) and its A4 PDF
 * ({@code /dossiers/{code}/documents/receipt.pdf}), on the form of the dossier's legal basis.
 */
@Controller
class ReceiptController {

	static final String VIEW = "intake/receipt";

	private final Dossiers dossiers;

	private final DossierAccess access;

	private final LookupSecrets secrets;

	private final ReceivedDocuments received;

	private final LogbookNumbers logbook;

	private final OfficialFrames frames;

	private final OfficialNames names;

	private final DossierDocuments documents;

	private final PdfRenderer renderer;

	private final IssuedPdfs pdfs;

	private final String publicUrl;

	ReceiptController(Dossiers dossiers, DossierAccess access, LookupSecrets secrets, ReceivedDocuments received,
			LogbookNumbers logbook, OfficialFrames frames, OfficialNames names, DossierDocuments documents,
			PdfRenderer renderer, IssuedPdfs pdfs, @Value("${motcua.lookup.public-url:}") String publicUrl) {
		this.dossiers = dossiers;
		this.access = access;
		this.secrets = secrets;
		this.received = received;
		this.logbook = logbook;
		this.frames = frames;
		this.names = names;
		this.documents = documents;
		this.renderer = renderer;
		this.pdfs = pdfs;
		this.publicUrl = publicUrl;
	}

	/**
	 * The receipt. The lookup secret is shown when the link carries it (the answer of
	 * {@code POST /api/dossiers}) or when the receiving desk prints the receipt for the first time
	 * (a dossier received in Tasklist); otherwise the desk may issue a new one.
	 */
	@GetMapping({ "/dossiers/{code}/receipt", "/dossiers/{code}/documents/receipt" })
	String receipt(@PathVariable String code, @RequestParam(required = false) String secret, Model model,
			Authentication auth, Locale locale) {
		Dossier dossier = readable(code, auth);
		model.addAllAttributes(model(dossier, shown(dossier, secret, auth), mayIssue(auth, dossier), false, locale));
		return VIEW;
	}

	/** The receipt as an A4 PDF, with the QR code when the secret is known as for the page. */
	@GetMapping("/dossiers/{code}/documents/receipt.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(required = false) String secret,
			@RequestParam(defaultValue = "false") boolean signed, Authentication auth, Locale locale) {
		Dossier dossier = readable(code, auth);
		Map<String, Object> model = model(dossier, shown(dossier, secret, auth), mayIssue(auth, dossier), true, locale);
		byte[] pdf = this.renderer.pdf(VIEW, model, locale);
		return this.pdfs.answer(pdf, "giay-tiep-nhan-" + code + ".pdf", dossier.receivingUnit(),
				this.documents.signatureReason(OfficialForm.RECEIPT, dossier), signed);
	}

	/** A new lookup secret for a reprinted receipt: the previous receipt no longer opens the lookup. */
	@PostMapping("/dossiers/{code}/receipt")
	String reissue(@PathVariable String code, Model model, Authentication auth, Locale locale) {
		Dossier dossier = readable(code, auth);
		if (!mayIssue(auth, dossier)) {
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.FORBIDDEN,
					"Chỉ bộ phận tiếp nhận của hồ sơ " + code + " được cấp lại mã tra cứu");
		}
		model.addAllAttributes(model(dossier, Optional.of(this.secrets.issue(code, auth.getName())), true, false, locale));
		return VIEW;
	}

	private Optional<String> shown(Dossier dossier, String secret, Authentication auth) {
		String code = dossier.code();
		return secret != null && this.secrets.matches(code, secret)
				? Optional.of(LookupSecrets.format(LookupSecrets.normalise(secret)))
				: mayIssue(auth, dossier) ? this.secrets.issueIfNone(code, auth.getName()) : Optional.empty();
	}

	private Dossier readable(String code, Authentication auth) {
		Dossier dossier = this.dossiers.get(code);
		if (!this.access.mayRead(auth, dossier)) {
			throw new Refused(HttpStatus.FORBIDDEN, "documents.error.forbidden", code);
		}
		return dossier;
	}

	/** Officials of the receiving unit (its desk) issue lookup secrets. */
	private static boolean mayIssue(Authentication auth, Dossier dossier) {
		String unit = dossier.receivingUnit();
		return auth != null && auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(a -> a.equals("GROUP_" + unit + "-officers") || a.equals("GROUP_" + unit + "-supervisors"));
	}

	private Map<String, Object> model(Dossier dossier, Optional<String> secret, boolean mayIssue, boolean pdf,
			Locale locale) {
		Map<String, Object> model = new HashMap<>();
		String pdfPath = DossierDocuments.pdf(dossier.code(), OfficialForm.RECEIPT);
		UriComponentsBuilder pdfLink = UriComponentsBuilder.fromPath(pdfPath);
		secret.ifPresent(s -> {
			String lookup = lookupUrl(dossier.code(), s);
			model.put("lookupSecret", s);
			model.put("lookupUrl", lookup);
			if (pdf) {
				model.put("lookupPng", QrCodes.pngDataUri(lookup));
			}
			else {
				model.put("lookupQr", QrCodes.svg(lookup, 30));
			}
			pdfLink.queryParam("secret", s);
		});
		if (!pdf) {
			String context = ServletUriComponentsBuilder.fromCurrentContextPath().build().getPath();
			String base = (context == null ? "" : context) + pdfLink.build().encode().toUriString();
			model.put("pdfLink", base);
			model.put("signedPdfLink", base + (base.contains("?") ? "&" : "?") + "signed=true");
			model.put("documents", this.documents.available(dossier, locale));
		}
		model.put("pdf", pdf);
		model.put("mayIssueSecret", mayIssue);
		model.put("dossier", dossier);
		model.put("frame", this.frames.of(dossier.receivingUnit(), OfficialForm.RECEIPT, dossier.receivedAt(),
				LocalDate.ofInstant(dossier.receivedAt().toInstant(), Timeliness.ZONE)));
		model.put("receivedDocuments", this.received.of(dossier));
		model.put("receiver", this.names.fullName(dossier.receivedBy()));
		model.put("logbookYear", String.valueOf(LogbookNumbers.year(dossier.receivedAt())));
		model.put("logbookNumber", String.valueOf(this.logbook.number(dossier.code()).orElse(0)));
		model.put("rescheduled", this.documents.rescheduledAppointment(dossier.code()).orElse(null));
		model.put("channel", switch (dossier.channel()) {
			case "online" -> "online";
			case "postal" -> "postal";
			default -> "in-person";
		});
		return model;
	}

	/** The public lookup opened with code and secret, as the QR code carries it. */
	private String lookupUrl(String code, String secret) {
		UriComponentsBuilder base = this.publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
				: UriComponentsBuilder.fromUriString(this.publicUrl);
		return base.path("/tra-cuu").queryParam("code", code).queryParam("secret", secret).build().encode().toUriString();
	}

}
