package vn.motcua.escalation;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.documents.DossierDocuments;
import vn.motcua.documents.IssuedPdfs;
import vn.motcua.documents.LegalBasis;
import vn.motcua.documents.OfficialForm;
import vn.motcua.documents.OfficialFrame;
import vn.motcua.documents.OfficialFrames;
import vn.motcua.documents.OfficialNames;
import vn.motcua.documents.PdfRenderer;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;
import vn.motcua.intake.UnknownDossierException;
import vn.motcua.organisation.Organisation;
import vn.motcua.procedure.DossierAccess;

/**
 * The approved apology and extension (form 04 of Circular 03/2025, "Văn bản xin lỗi và đề nghị gia
 * hạn thời gian giải quyết"; for a dossier received before 1/7/2025 form 04 of Circular 01/2018,
 * "Phiếu xin lỗi và hẹn lại ngày trả kết quả") on the official frame of {@code documents}: {@code GET /dossiers/{code}/documents/apology} (print page) and
 * {@code .pdf} ({@code ?signed=true}, signed by the unit at fault), for the officials of the units
 * that handled the dossier, auditors and administrators. 404 until the head of the agency approved it.
 */
@Controller
class ApologyDocumentController {

	static final String VIEW = "documents/apology";

	private final JdbcClient jdbc;

	private final Dossiers dossiers;

	private final DossierAccess access;

	private final Organisation organisation;

	private final OfficialFrames frames;

	private final OfficialNames names;

	private final DossierDocuments documents;

	private final PdfRenderer renderer;

	private final IssuedPdfs issued;

	ApologyDocumentController(JdbcClient jdbc, Dossiers dossiers, DossierAccess access, Organisation organisation,
			OfficialFrames frames, OfficialNames names, DossierDocuments documents, PdfRenderer renderer,
			IssuedPdfs issued) {
		this.jdbc = jdbc;
		this.dossiers = dossiers;
		this.access = access;
		this.organisation = organisation;
		this.frames = frames;
		this.names = names;
		this.documents = documents;
		this.renderer = renderer;
		this.issued = issued;
	}

	@GetMapping("/dossiers/{code}/documents/apology")
	String page(@PathVariable String code, Authentication auth, Model model, Locale locale) {
		model.addAllAttributes(model(code, auth, false, locale));
		return VIEW;
	}

	@GetMapping("/dossiers/{code}/documents/apology.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(defaultValue = "false") boolean signed,
			Authentication auth, Locale locale) {
		Map<String, Object> model = model(code, auth, true, locale);
		Dossier dossier = (Dossier) model.get("dossier");
		byte[] pdf = this.renderer.pdf(VIEW, model, locale);
		return this.issued.answer(pdf, "van-ban-xin-loi-gia-han-" + code + ".pdf", (String) model.get("issuingUnit"),
				this.documents.signatureReason(OfficialForm.APOLOGY, dossier), signed);
	}

	private Map<String, Object> model(String code, Authentication auth, boolean pdf, Locale locale) {
		Dossier dossier = this.dossiers.get(code);
		if (!this.access.mayRead(auth, dossier)) {
			throw new UnknownDossierException(code); // answered like an unknown code
		}
		Map<String, Object> apology = this.jdbc.sql("select * from apology where dossier_code = ? and approved_at is not null")
			.param(code)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new ApologyRefused("Hồ sơ " + code
					+ " chưa có văn bản xin lỗi, đề nghị gia hạn được thủ trưởng cơ quan duyệt.", false) {

				@Override
				public org.springframework.http.HttpStatus status() {
					return org.springframework.http.HttpStatus.NOT_FOUND;
				}

			});
		String unit = (String) apology.get("UNIT_AT_FAULT");
		Date approvedAt = (Date) apology.get("APPROVED_AT");
		OfficialFrame frame = this.frames.of(unit, OfficialForm.APOLOGY, dossier.receivedAt(),
				LocalDate.ofInstant(approvedAt.toInstant(), Timeliness.ZONE));
		Map<String, Object> model = new HashMap<>();
		model.put("pdf", pdf);
		model.put("dossier", dossier);
		model.put("frame", frame);
		model.put("issuingUnit", unit);
		model.put("receivingUnit", this.organisation.unit(dossier.receivingUnit()).name());
		model.put("originalDue", (Date) apology.get("OLD_APPOINTMENT"));
		model.put("newAppointment", (Date) apology.get("NEW_APPOINTMENT"));
		model.put("reason", apology.get("REASON"));
		model.put("textCode", "documents.apology.text."
				+ (frame.basis() == LegalBasis.CIRCULAR_01_2018 ? "2018" : "2025"));
		model.put("approver", this.names.fullName((String) apology.get("APPROVED_BY")));
		if (!pdf) {
			model.put("documents", this.documents.available(dossier, locale));
			model.put("pdfLink", DossierDocuments.pdf(code, OfficialForm.APOLOGY));
		}
		return model;
	}

}
