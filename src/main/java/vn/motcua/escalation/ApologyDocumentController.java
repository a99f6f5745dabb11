package vn.motcua.escalation;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.documents.IssuedPdfs;
import vn.motcua.documents.PdfRenderer;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;
import vn.motcua.intake.UnknownDossierException;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.procedure.DossierAccess;

/**
 * The approved apology and extension (form 04 of Circular 03/2025, "Văn bản xin lỗi và đề nghị gia
 * hạn thời gian giải quyết"): {@code GET /dossiers/{code}/documents/apology} (print page) and
 * {@code .pdf} ({@code ?signed=true}, signed by the unit at fault), for the officials of the units
 * that handled the dossier, auditors and administrators. 404 until the head of the agency approved it.
 */
@Controller
class ApologyDocumentController {

	static final String VIEW = "documents/apology";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final JdbcClient jdbc;

	private final Dossiers dossiers;

	private final DossierAccess access;

	private final Organisation organisation;

	private final IdentityService identity;

	private final PdfRenderer renderer;

	private final IssuedPdfs issued;

	ApologyDocumentController(JdbcClient jdbc, Dossiers dossiers, DossierAccess access, Organisation organisation,
			IdentityService identity, PdfRenderer renderer, IssuedPdfs issued) {
		this.jdbc = jdbc;
		this.dossiers = dossiers;
		this.access = access;
		this.organisation = organisation;
		this.identity = identity;
		this.renderer = renderer;
		this.issued = issued;
	}

	@GetMapping("/dossiers/{code}/documents/apology")
	String page(@PathVariable String code, Authentication auth, Model model) {
		model.addAllAttributes(model(code, auth));
		return VIEW;
	}

	@GetMapping("/dossiers/{code}/documents/apology.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(defaultValue = "false") boolean signed,
			Authentication auth) {
		Map<String, Object> model = model(code, auth);
		byte[] pdf = this.renderer.pdf(VIEW, model, VIETNAMESE);
		return this.issued.answer(pdf, "van-ban-xin-loi-gia-han-" + code + ".pdf", ((Unit) model.get("unit")).code(),
				"Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ " + code, signed);
	}

	private Map<String, Object> model(String code, Authentication auth) {
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
		Unit unit = this.organisation.unit((String) apology.get("UNIT_AT_FAULT"));
		Map<String, Object> model = new HashMap<>();
		model.put("dossier", dossier);
		model.put("unit", unit);
		model.put("parent", unit.parent() == null ? null : this.organisation.find(unit.parent()).orElse(null));
		model.put("receiving", this.organisation.unit(dossier.receivingUnit()));
		model.put("receivedAt", time(dossier.receivedAt()));
		model.put("originalDue", time((Date) apology.get("OLD_APPOINTMENT")));
		model.put("newAppointment", time((Date) apology.get("NEW_APPOINTMENT")));
		model.put("reason", apology.get("REASON"));
		Date approvedAt = (Date) apology.get("APPROVED_AT");
		model.put("approvedOn", DAY.format(approvedAt.toInstant().atZone(Timeliness.ZONE)));
		model.put("approver", officialName((String) apology.get("APPROVED_BY")));
		return model;
	}

	private static String time(Date date) {
		return date == null ? "" : TIME.format(date.toInstant().atZone(Timeliness.ZONE));
	}

	private String officialName(String userId) {
		if (userId == null) {
			return "";
		}
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim();
	}

}
