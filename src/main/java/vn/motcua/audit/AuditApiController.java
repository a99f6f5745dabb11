package vn.motcua.audit;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/verify} recomputes the chains ({@code ?full=true}: every entry);
 * {@code GET /api/audit/seals} exports the signed roots; {@code POST /api/audit/seals/check}
 * compares an earlier export with the database (auditors and administrators).
 */
@RestController
class AuditApiController {

	private final AuditVerifier verifier;

	private final AuditSeals seals;

	private final ChainTexts texts;

	AuditApiController(AuditVerifier verifier, AuditSeals seals, ChainTexts texts) {
		this.verifier = verifier;
		this.seals = seals;
		this.texts = texts;
	}

	@GetMapping("/api/audit/verify")
	Verification verify(@RequestParam(defaultValue = "false") boolean full) {
		return full ? this.verifier.verifyFull() : this.verifier.verify();
	}

	/** The export: what to print or send to another system. */
	record Export(String algorithm, String tree, String keyId, List<AuditSeals.Seal> seals) {
	}

	@GetMapping("/api/audit/seals")
	Export seals() {
		return new Export("HMAC-SHA256(key, seal_hash); seal_hash = SHA-256(seal_no \\n sealed_at \\n tree_size \\n root_hash \\n changed \\n prev_hash \\n key_id)",
				"RFC 9162 Merkle tree hash over chain heads (chain_key \\n last_seq \\n last_hash \\n record_hash) sorted by chain_key",
				this.seals.keyId(), this.seals.all());
	}

	/** Same seal numbers, same hashes and roots: {@code intact}; otherwise the record was rewritten. */
	@PostMapping("/api/audit/seals/check")
	Map<String, Object> check(@RequestBody Export exported) {
		List<Verification.Problem> problems = this.seals.compare(exported.seals() == null ? List.of() : exported.seals(),
				this.texts);
		return Map.of("intact", problems.isEmpty(), "compared", exported.seals() == null ? 0 : exported.seals().size(),
				"problems", problems, "message", problems.isEmpty()
						? this.texts.get("chain.seals.match", exported.seals() == null ? 0 : exported.seals().size())
						: problems.get(0).message());
	}

}
