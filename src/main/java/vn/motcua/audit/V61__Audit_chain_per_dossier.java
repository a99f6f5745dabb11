package vn.motcua.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 61 (a bean, which Spring Boot hands to Flyway): turns the entries of the old
 * global chain into per-dossier chains. It first verifies the old chain as it stood and records
 * the outcome (intact or the first broken entry, the old head hash) as an {@code UPGRADE} entry of
 * the system chain (when there were entries); then it renumbers and re-hashes every entry within its dossier (order kept),
 * writes the heads, and appends a first {@code RECORD} entry for every existing dossier row.
 */
@Component
class V61__Audit_chain_per_dossier extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection c = context.getConnection();
		JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
		LegacyChain.Result legacy = LegacyChain.verify(jdbc, "audit_event", "audit_chain_head");
		Date now = new Date();
		long max = 0;
		try (PreparedStatement read = c.prepareStatement("select * from audit_event order by dossier_code, seq");
				PreparedStatement update = c.prepareStatement(
						"update audit_event set chain_key = ?, chain_seq = ?, prev_hash = ?, hash = ? where seq = ?");
				PreparedStatement head = c.prepareStatement("""
						insert into audit_head (chain_key, last_seq, last_hash, record_hash, changed_at)
						values (?, ?, ?, null, ?)""");
				ResultSet rs = read.executeQuery()) {
			String key = null;
			long chainSeq = 0;
			String prev = AuditChain.GENESIS;
			int batch = 0;
			while (rs.next()) {
				String code = rs.getString("dossier_code");
				String k = code == null || code.isBlank() ? AuditChain.SYSTEM_CHAIN : code;
				if (!k.equals(key)) {
					if (key != null) {
						addHead(head, key, chainSeq, prev, now);
					}
					key = k;
					chainSeq = 0;
					prev = AuditChain.GENESIS;
				}
				chainSeq++;
				long seq = rs.getLong("seq");
				max = Math.max(max, seq);
				AuditEvent e = new AuditEvent(seq, k, chainSeq, new Date(rs.getTimestamp("recorded_at").getTime()), code,
						rs.getString("event_type"), rs.getString("unit_code"), rs.getString("user_id"),
						rs.getString("payload"), prev, null);
				String hash = AuditChain.hash(prev, e.canonical());
				update.setString(1, k);
				update.setLong(2, chainSeq);
				update.setString(3, prev);
				update.setString(4, hash);
				update.setLong(5, seq);
				update.addBatch();
				if (++batch % 1000 == 0) {
					update.executeBatch();
				}
				prev = hash;
			}
			if (key != null) {
				addHead(head, key, chainSeq, prev, now);
			}
			update.executeBatch();
			head.executeBatch();
		}
		jdbc.execute("alter sequence audit_event_seq restart with " + (max + 1));
		AuditChain chain = new AuditChain(jdbc);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("legacyChecked", legacy.checked());
		payload.put("legacyIntact", legacy.intact());
		if (legacy.intact()) {
			payload.put("legacyHead", legacy.headHash());
		}
		else {
			payload.put("legacyFirstBroken", legacy.firstBroken());
			payload.put("legacyReason", legacy.reason());
		}
		if (max > 0) {
			chain.append(now, null, "UPGRADE", null, null, payload);
		}
		List<String> codes = new ArrayList<>(jdbc.queryForList("select code from dossier order by code", String.class));
		for (String code : codes) {
			chain.appendRecord(code, now);
		}
	}

	private static void addHead(PreparedStatement head, String key, long lastSeq, String lastHash, Date at)
			throws java.sql.SQLException {
		head.setString(1, key);
		head.setLong(2, lastSeq);
		head.setString(3, lastHash);
		head.setTimestamp(4, new java.sql.Timestamp(at.getTime()));
		head.addBatch();
	}

}
