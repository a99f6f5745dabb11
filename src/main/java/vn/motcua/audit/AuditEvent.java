package vn.motcua.audit;

import java.util.Date;

/**
 * One link of a tamper-evident chain (table {@code audit_event}): entry {@code chainSeq} of the
 * chain {@code chainKey} (the dossier code), numbered {@code seq} across all chains.
 */
record AuditEvent(long seq, String chainKey, long chainSeq, Date recordedAt, String dossierCode, String type,
		String unitCode, String userId, String payload, String prevHash, String hash) {

	/** The content the hash covers, after the previous hash. */
	String canonical() {
		return AuditChain.canonical(this.seq, this.chainKey, this.chainSeq, this.recordedAt, this.dossierCode, this.type,
				this.unitCode, this.userId, this.payload);
	}

}
