package vn.motcua.audit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.motcua.intake.DossierChanged;

/**
 * Every insert or update of a {@code dossier} row (the core publishes {@link DossierChanged}
 * synchronously inside the writing transaction) appends a {@code RECORD} entry with the hashes of
 * the row's protected fields to the dossier's chain, in the same transaction. A later change made
 * behind the application's back (SQL) no longer matches the chain, and verify names the field.
 */
@Component
class DossierRecordListener {

	private final AuditChain chain;

	DossierRecordListener(AuditChain chain) {
		this.chain = chain;
	}

	@EventListener
	void on(DossierChanged event) {
		this.chain.appendRecord(event.code(), ClockUtil.getCurrentTime());
	}

}
