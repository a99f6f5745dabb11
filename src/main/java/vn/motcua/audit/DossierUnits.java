package vn.motcua.audit;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.intake.DossierChanged;
import vn.motcua.procedure.HandoffChanged;

/**
 * Keeps {@code dossier_unit} (V31) current: the receiving unit and every handoff unit of a
 * dossier. The core publishes its events synchronously inside the writing transaction, so the
 * rows are written (or not) with the dossier / handoff itself.
 */
@Component
class DossierUnits {

	private static final String INSERT = """
			insert into dossier_unit (unit_code, received_at, dossier_code)
			select ?, d.received_at, d.code from dossier d where d.code = ?
			  and not exists (select 1 from dossier_unit du where du.unit_code = ? and du.dossier_code = d.code)""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate savepoint;

	DossierUnits(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@EventListener
	void on(DossierChanged event) {
		this.jdbc.query("select receiving_unit from dossier where code = ?", rs -> {
			add(rs.getString(1), event.code());
		}, event.code());
	}

	@EventListener
	void on(HandoffChanged event) {
		this.jdbc.query("select to_unit, dossier_code from handoff where id = ?", rs -> {
			add(rs.getString(1), rs.getString(2));
		}, event.id());
	}

	/**
	 * Insert-if-absent under a savepoint: a concurrent transaction may insert the same row first,
	 * and PostgreSQL aborts the whole transaction on a failed statement unless it is rolled back to
	 * a savepoint.
	 */
	private void add(String unit, String code) {
		if (unit == null || code == null) {
			return;
		}
		try {
			this.savepoint.executeWithoutResult(status -> this.jdbc.update(INSERT, unit, code, unit));
		}
		catch (DuplicateKeyException ex) {
			// already there
		}
	}

}
