package vn.motcua.intake;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

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

	private final LookupSecrets secrets;

	private final String publicUrl;

	ReceiptController(Dossiers dossiers, Organisation organisation, IntakeService intake, DossierAccess access,
			IdentityService identity, LookupSecrets secrets, @Value("${motcua.lookup.public-url:}") String publicUrl) {
		this.identity = identity;
		this.secrets = secrets;
		this.publicUrl = publicUrl;
		this.dossiers = dossiers;
		this.organisation = organisation;
		this.intake = intake;
		this.access = access;
	}

	/**
	 * The receipt. The lookup secret is shown when the link carries it (the answer of
	 * {@code POST /api/dossiers}) or when the receiving desk prints the receipt for the first time
	 * (a dossier received in Tasklist); otherwise the desk may issue a new one.
	 */
	@GetMapping("/dossiers/{code}/receipt")
	String receipt(@PathVariable String code, @RequestParam(required = false) String secret, Model model,
			Authentication auth) {
		Dossier dossier = readable(code, auth);
		Optional<String> shown = secret != null && this.secrets.matches(code, secret)
				? Optional.of(LookupSecrets.format(LookupSecrets.normalise(secret)))
				: mayIssue(auth, dossier) ? this.secrets.issueIfNone(code, auth.getName()) : Optional.empty();
		return receipt(dossier, shown, mayIssue(auth, dossier), model);
	}

	/** A new lookup secret for a reprinted receipt: the previous receipt no longer opens the lookup. */
	@PostMapping("/dossiers/{code}/receipt")
	String reissue(@PathVariable String code, Model model, Authentication auth) {
		Dossier dossier = readable(code, auth);
		if (!mayIssue(auth, dossier)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Chỉ bộ phận tiếp nhận của hồ sơ " + code + " được cấp lại mã tra cứu");
		}
		return receipt(dossier, Optional.of(this.secrets.issue(code, auth.getName())), true, model);
	}

	private Dossier readable(String code, Authentication auth) {
		Dossier dossier = this.dossiers.get(code);
		if (!this.access.mayRead(auth, dossier)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Bạn không có quyền xem hồ sơ " + code);
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

	private String receipt(Dossier dossier, Optional<String> secret, boolean mayIssue, Model model) {
		secret.ifPresent(s -> {
			String lookup = lookupUrl(dossier.code(), s);
			model.addAttribute("lookupSecret", s);
			model.addAttribute("lookupUrl", lookup);
			model.addAttribute("lookupQr", QrCodes.svg(lookup, 30));
		});
		model.addAttribute("mayIssueSecret", mayIssue);
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

	/** The public lookup opened with code and secret, as the QR code carries it. */
	private String lookupUrl(String code, String secret) {
		UriComponentsBuilder base = this.publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
				: UriComponentsBuilder.fromUriString(this.publicUrl);
		return base.path("/tra-cuu").queryParam("code", code).queryParam("secret", secret).build().encode().toUriString();
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
