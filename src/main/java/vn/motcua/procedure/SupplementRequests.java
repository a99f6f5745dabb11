package vn.motcua.procedure;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code supplement_request} (form 02): at most one per dossier and agency. */
@Repository
public class SupplementRequests {

	/**
	 * A supplement the citizen still has to bring (form 02).
	 *
	 * @param unitCode the unit that asked for it
	 * @param items what to bring, as the official wrote it
	 * @param citizenDue the instant by which to bring it
	 */
	public record Pending(String unitCode, Date requestedAt, String items, Date citizenDue) {
	}

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

	/** The supplements of the dossier not brought yet, the earliest due first. */
	public List<Pending> pending(String dossierCode) {
		return this.jdbc.sql("""
				select unit_code, requested_at, items, citizen_due from supplement_request
				where dossier_code = ? and resumed_at is null order by citizen_due""")
			.param(dossierCode)
			.query((rs, row) -> new Pending(rs.getString(1), new Date(rs.getTimestamp(2).getTime()), rs.getString(3),
					new Date(rs.getTimestamp(4).getTime())))
			.list();
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
