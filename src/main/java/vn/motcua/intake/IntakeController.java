package vn.motcua.intake;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import vn.motcua.organisation.UnknownUnitException;

/** {@code POST /api/dossiers}: a desk officer receives a dossier (same rules as the Tasklist start form). */
@RestController
class IntakeController {

	private final IntakeService intake;

	IntakeController(IntakeService intake) {
		this.intake = intake;
	}

	@PostMapping("/api/dossiers")
	ResponseEntity<Map<String, Object>> receive(@RequestBody IntakeRequest request, Authentication authentication) {
		IntakeService.Received received = this.intake.receiveWithSecret(request, authentication.getName(),
				groups(authentication));
		Dossier dossier = received.dossier();
		String secret = received.lookupSecret();
		String receipt = UriComponentsBuilder.fromPath("/dossiers/{code}/receipt")
			.queryParam("secret", secret)
			.buildAndExpand(dossier.code())
			.encode()
			.toUriString();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", dossier.code());
		body.put("procedure", dossier.procedureName());
		body.put("receivingUnit", dossier.receivingUnit());
		body.put("receivedAt", local(dossier.receivedAt()).toString());
		body.put("appointment", local(dossier.due()).toString());
		body.put("status", dossier.status().name());
		body.put("lookupSecret", secret);
		body.put("receipt", receipt);
		return ResponseEntity.created(URI.create("/api/dossiers/" + dossier.code())).body(body);
	}

	static List<String> groups(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("GROUP_"))
			.map(a -> a.substring("GROUP_".length()))
			.toList();
	}

	static LocalDateTime local(java.util.Date date) {
		return LocalDateTime.ofInstant(date.toInstant(), Timeliness.ZONE);
	}

}
