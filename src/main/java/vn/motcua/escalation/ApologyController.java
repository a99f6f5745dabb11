package vn.motcua.escalation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.UnknownDossierException;
import vn.motcua.procedure.DossierAccess;

/**
 * {@code POST /api/dossiers/{code}/apology} with {@code {"reason": "...", "newAppointment":
 * "2026-03-02T17:00"}}: the unit at fault apologises and moves the appointment, once, at least one
 * working day before the appointment.
 */
@RestController
class ApologyController {

	private final Apologies apologies;

	private final Dossiers dossiers;

	private final DossierAccess access;

	private final DossierDeadlines deadlines;

	ApologyController(Apologies apologies, Dossiers dossiers, DossierAccess access, DossierDeadlines dossierDeadlines) {
		this.apologies = apologies;
		this.dossiers = dossiers;
		this.access = access;
		this.deadlines = dossierDeadlines;
	}

	record ApologyRequest(String reason, String newAppointment) {
	}

	@PostMapping("/api/dossiers/{code}/apology")
	@Transactional
	ResponseEntity<Map<String, Object>> apologise(@PathVariable String code, @RequestBody ApologyRequest request,
			Authentication auth) {
		Dossier before = this.dossiers.get(code);
		if (!this.access.handledBy(auth, before)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("message", "Chỉ cán bộ các đơn vị giải quyết hồ sơ " + code + " mới được lập văn bản xin lỗi."));
		}
		String unit = this.deadlines.unitAtFault(code, before.receivingUnit());
		Dossier after = this.apologies.issue(code, unit, request.reason(), Apologies.parse(request.newAppointment()),
				auth.getName(), true);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("oldAppointment", Apologies.format(before.due()));
		body.put("newAppointment", Apologies.format(after.due()));
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

}
