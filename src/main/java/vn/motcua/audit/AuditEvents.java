package vn.motcua.audit;

import java.util.Date;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The public way for other capabilities to add an event to the audit chain of a dossier, in the
 * caller's transaction (the event is recorded if and only if the caller's change commits).
 */
@Component
public class AuditEvents {

	private final AuditChain chain;

	AuditEvents(AuditChain chain) {
		this.chain = chain;
	}

	/** Appends one event; must run inside a transaction. */
	public void record(Date at, String dossierCode, String type, String unitCode, String userId,
			Map<String, ?> payload) {
		this.chain.append(at, dossierCode, type, unitCode, userId, payload);
	}

}
