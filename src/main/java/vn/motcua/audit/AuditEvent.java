package vn.motcua.audit;

import java.util.Date;

/** One link of the tamper-evident chain (table {@code audit_event}). */
record AuditEvent(long seq, Date recordedAt, String dossierCode, String type, String unitCode, String userId,
		String payload, String prevHash, String hash) {

}
