package vn.motcua.intake;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.procedure.DossierAccess;

/** The printable receipt, form 01 "Giấy tiếp nhận hồ sơ và hẹn trả kết quả". */
@Controller
class ReceiptController {

	static final String VIEW = "intake/receipt";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");

	private final Dossiers dossiers;

	private final Organisation organisation;

	private final IntakeService intake;

	private final DossierAccess access;

	private final IdentityService identity;

	ReceiptController(Dossiers dossiers, Organisation organisation, IntakeService intake, DossierAccess access,
			IdentityService identity) {
		this.identity = identity;
		this.dossiers = dossiers;
		this.organisation = organisation;
		this.intake = intake;
		this.access = access;
	}

	@GetMapping("/dossiers/{code}/receipt")
	String receipt(@PathVariable String code, Model model, Authentication auth) {
		Dossier dossier = this.dossiers.get(code);
		if (!this.access.mayRead(auth, dossier)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Bạn không có quyền xem hồ sơ " + code);
		}
		Unit unit = this.organisation.unit(dossier.receivingUnit());
		Map<String, String> labels = this.intake.documentLabels(dossier.procedureKey(), dossier.procedureVersion());
		Map<String, String> documents = new LinkedHashMap<>();
		dossier.documents().forEach(d -> documents.put(d, labels.getOrDefault(d, d)));
		model.addAttribute("dossier", dossier);
		model.addAttribute("unit", unit);
		model.addAttribute("parent", unit.parent() == null ? null : this.organisation.find(unit.parent()).orElse(null));
		model.addAttribute("documents", documents);
		model.addAttribute("legalDays", dossier.legalWorkingDays().stripTrailingZeros().toPlainString().replace('.', ','));
		model.addAttribute("receivedAt", format(dossier.receivedAt()));
		model.addAttribute("receiver", officialName(dossier.receivedBy()));
		model.addAttribute("appointment", format(dossier.due()));
		model.addAttribute("channel", switch (dossier.channel()) {
			case "online" -> "Trực tuyến";
			case "postal" -> "Bưu chính công ích";
			default -> "Trực tiếp";
		});
		return VIEW;
	}

	/** The official's full name for the signature, never an engine id. */
	private String officialName(String userId) {
		if (userId == null) {
			return "";
		}
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).trim();
	}

	static String format(Date date) {
		return TIME.format(date.toInstant().atZone(Timeliness.ZONE));
	}

}
