package vn.motcua.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only record {@code audit_event}: one hash chain per dossier. Entry {@code n} of a
 * dossier carries the hash of entry {@code n - 1} of the same dossier and {@code hash =
 * SHA-256(prevHash + "\n" + canonical content)}. An append locks only that dossier's rows (the
 * {@code dossier} row first, then its {@code audit_head} row, always in this order) and runs in the
 * caller's transaction (the engine's, when called from {@link AuditHistoryEventHandler}), so an
 * event is recorded if and only if the change commits, and writers of different dossiers never
 * wait for each other. Entry numbers across chains come from a sequence ({@code audit_event_seq}).
 */
@Repository
class AuditChain {

	static final String GENESIS = "0".repeat(64);

	/** The chain of entries that belong to no dossier. */
	static final String SYSTEM_CHAIN = "-";

	/** Event type of the entries that record a dossier row's protected fields. */
	static final String RECORD = "RECORD";

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

	private final JdbcTemplate jdbc;

	private volatile String nextSeq;

	AuditChain(JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbcTemplate;
	}

	/** Appends one event to the chain of its dossier; must run inside a transaction. */
	AuditEvent append(Date at, String dossierCode, String type, String unitCode, String userId,
			Map<String, ?> payload) {
		return append(at, dossierCode, type, unitCode, userId, json(payload), null);
	}

	/**
	 * Appends a {@code RECORD} entry with the hashes of the dossier row's protected fields, unless
	 * the chain already holds exactly these; must run in the transaction that changed the row.
	 */
	void appendRecord(String code, Date at) {
		lockDossier(code);
		List<Map.Entry<String, Map<String, String>>> rows = this.jdbc.query(DossierRecord.SELECT + " where code = ?",
				(rs, n) -> Map.entry(DossierRecord.recordHash(rs), DossierRecord.fieldHashes(rs)), code);
		if (rows.isEmpty()) {
			return;
		}
		Map<String, String> fields = rows.get(0).getValue();
		String record = rows.get(0).getKey();
		List<String> current = this.jdbc.queryForList("select record_hash from audit_head where chain_key = ?",
				String.class, code);
		if (!current.isEmpty() && record.equals(current.get(0))) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("record", record);
		payload.put("fields", fields);
		append(at, code, RECORD, null, null, json(payload), record);
	}

	private AuditEvent append(Date at, String dossierCode, String type, String unitCode, String userId, String json,
			String recordHash) {
		String key = dossierCode == null || dossierCode.isBlank() ? SYSTEM_CHAIN : dossierCode;
		if (dossierCode != null) {
			lockDossier(dossierCode);
		}
		List<Map<String, Object>> heads = this.jdbc.queryForList(
				"select last_seq, last_hash, record_hash from audit_head where chain_key = ? for update", key);
		long chainSeq = 1;
		String prev = GENESIS;
		String record = recordHash;
		if (!heads.isEmpty()) {
			chainSeq = ((Number) heads.get(0).get("last_seq")).longValue() + 1;
			prev = (String) heads.get(0).get("last_hash");
			if (record == null) {
				record = (String) heads.get(0).get("record_hash");
			}
		}
		long seq = this.jdbc.queryForObject(nextSeqSql(), Long.class);
		Date time = new Date(at.getTime());
		AuditEvent e = new AuditEvent(seq, key, chainSeq, time, dossierCode, type, unitCode, userId, json, prev, null);
		String hash = hash(prev, e.canonical());
		Timestamp ts = new Timestamp(time.getTime());
		this.jdbc.update("""
				insert into audit_event (seq, chain_key, chain_seq, recorded_at, dossier_code, event_type, unit_code, user_id,
				  payload, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", seq, key, chainSeq, ts, dossierCode, type, unitCode, userId,
				json, prev, hash);
		if (heads.isEmpty()) {
			this.jdbc.update("""
					insert into audit_head (chain_key, last_seq, last_hash, record_hash, changed_at)
					values (?, ?, ?, ?, ?)""", key, chainSeq, hash, record, ts);
		}
		else {
			this.jdbc.update(
					"update audit_head set last_seq = ?, last_hash = ?, record_hash = ?, changed_at = ? where chain_key = ?",
					chainSeq, hash, record, ts, key);
		}
		return new AuditEvent(seq, key, chainSeq, time, dossierCode, type, unitCode, userId, json, prev, hash);
	}

	/** Every append of a dossier first locks its row, so two writers of one dossier queue in one order. */
	private void lockDossier(String code) {
		this.jdbc.queryForList("select code from dossier where code = ? for update", String.class, code);
	}

	private String nextSeqSql() {
		String sql = this.nextSeq;
		if (sql == null) {
			String product = this.jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
			sql = product != null && product.toLowerCase().contains("postgres") ? "select nextval('audit_event_seq')"
					: "select next value for audit_event_seq";
			this.nextSeq = sql;
		}
		return sql;
	}

	List<AuditEvent> ofDossier(String dossierCode) {
		return this.jdbc.query("select * from audit_event where chain_key = ? order by chain_seq", AuditChain::map,
				dossierCode);
	}

	static String canonical(long seq, String chainKey, long chainSeq, Date at, String dossierCode, String type,
			String unitCode, String userId, String payload) {
		return String.join("\n", Long.toString(seq), nz(chainKey), Long.toString(chainSeq), Long.toString(at.getTime()),
				nz(dossierCode), nz(type), nz(unitCode), nz(userId), nz(payload));
	}

	static String hash(String prevHash, String canonical) {
		return sha256(prevHash + "\n" + canonical);
	}

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

	static String sha256(String text) {
		return HexFormat.of().formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	static String json(Map<String, ?> payload) {
		try {
			return JSON.writeValueAsString(payload == null ? Map.of() : new TreeMap<>(payload));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/** The field hashes of a {@code RECORD} entry's payload (empty if it has none). */
	static Map<String, Object> recordedFields(String payload) {
		try {
			Map<String, Object> map = JSON.readValue(payload, new TypeReference<Map<String, Object>>() {
			});
			Object fields = map.get("fields");
			if (fields instanceof Map<?, ?> m) {
				Map<String, Object> out = new TreeMap<>();
				m.forEach((k, v) -> out.put(String.valueOf(k), v));
				return out;
			}
			return Map.of();
		}
		catch (JsonProcessingException ex) {
			return Map.of();
		}
	}

	/** The {@code record} hash of a {@code RECORD} entry's payload, or null. */
	static String recordedHash(String payload) {
		try {
			Object record = JSON.readValue(payload, new TypeReference<Map<String, Object>>() {
			}).get("record");
			return record == null ? null : record.toString();
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	static AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("seq"), rs.getString("chain_key"), rs.getLong("chain_seq"),
				new Date(rs.getTimestamp("recorded_at").getTime()), rs.getString("dossier_code"),
				rs.getString("event_type"), rs.getString("unit_code"), rs.getString("user_id"), rs.getString("payload"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

}
