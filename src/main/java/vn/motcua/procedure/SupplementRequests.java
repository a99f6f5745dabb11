package vn.motcua.procedure;

import java.sql.Timestamp;
import java.util.Date;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code supplement_request} (form 02): at most one per dossier and agency. */
@Repository
class SupplementRequests {

	private final JdbcClient jdbc;

	SupplementRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** When the unit already asked this dossier for a supplement. */
	Optional<Date> requestedAt(String dossierCode, String unitCode) {
		return this.jdbc.sql("select requested_at from supplement_request where dossier_code = ? and unit_code = ?")
			.params(dossierCode, unitCode)
			.query((rs, row) -> (Date) new Date(rs.getTimestamp(1).getTime()))
			.optional();
	}

	void insert(String dossierCode, long handoffId, String unitCode, Date at, String by, String items, Date citizenDue) {
		this.jdbc.sql("""
				insert into supplement_request (dossier_code, handoff_id, unit_code, requested_at, requested_by, items,
				  citizen_due) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(dossierCode, handoffId, unitCode, new Timestamp(at.getTime()), by, items,
					new Timestamp(citizenDue.getTime()))
			.update();
	}

	void resume(long handoffId, Date at) {
		this.jdbc.sql("update supplement_request set resumed_at = ? where handoff_id = ? and resumed_at is null")
			.params(new Timestamp(at.getTime()), handoffId)
			.update();
	}

}
