package vn.motcua.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit/verify}: recomputes the chain (auditors and administrators). */
@RestController
class AuditApiController {

	private final AuditChain chain;

	AuditApiController(AuditChain chain) {
		this.chain = chain;
	}

	@GetMapping("/api/audit/verify")
	AuditChain.Verification verify() {
		return this.chain.verify();
	}

}
