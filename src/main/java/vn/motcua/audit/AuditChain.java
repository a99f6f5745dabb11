package vn.motcua.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The append-only record {@code audit_event}: every entry carries the hash of the previous one, and
 * {@code hash = SHA-256(prevHash + "\n" + canonical content)}. Appends are serialised by locking the
 * single row of {@code audit_chain_head} ({@code select ... for update}) and run in the caller's
 * transaction (the engine's, when called from {@link AuditHistoryEventHandler}), so an event is
 * recorded if and only if the engine change commits.
 */
@Repository
class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

	private final JdbcTemplate jdbc;

	AuditChain(JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbcTemplate;
	}

	/** Appends one event; must run inside a transaction (the head row stays locked until commit). */
	AuditEvent append(Date at, String dossierCode, String type, String unitCode, String userId,
			Map<String, ?> payload) {
		Map<String, Object> head = this.jdbc
			.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1 for update");
		long seq = ((Number) head.get("last_seq")).longValue() + 1;
		String prev = (String) head.get("last_hash");
		Date time = new Date(at.getTime());
		String json = json(payload);
		String hash = hash(prev, canonical(seq, time, dossierCode, type, unitCode, userId, json));
		this.jdbc.update("""
				insert into audit_event (seq, recorded_at, dossier_code, event_type, unit_code, user_id, payload, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", seq, new Timestamp(time.getTime()), dossierCode, type, unitCode,
				userId, json, prev, hash);
		this.jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
		return new AuditEvent(seq, time, dossierCode, type, unitCode, userId, json, prev, hash);
	}

	List<AuditEvent> ofDossier(String dossierCode) {
		return this.jdbc.query("select * from audit_event where dossier_code = ? order by seq", AuditChain::map,
				dossierCode);
	}

	/**
	 * Recomputes the whole chain in order: numbering without gaps from 1, each entry's previous
	 * hash equal to the hash before it, each hash equal to the recomputed one, and the last entry
	 * equal to the head. Reports the first entry that breaks.
	 */
	Verification verify() {
		long started = System.nanoTime();
		var state = new Object() {
			long expected = 1;
			String prev = GENESIS;
			Verification broken;
		};
		this.jdbc.query("select * from audit_event order by seq", (RowCallbackHandler) rs -> {
			if (state.broken != null) {
				return;
			}
			AuditEvent e = map(rs, 0);
			if (e.seq() != state.expected) {
				state.broken = Verification.broken(state.expected - 1, state.expected, "missing",
						"Thiếu mục số " + state.expected + " (mục tiếp theo là " + e.seq() + ")");
				return;
			}
			if (!e.prevHash().equals(state.prev)) {
				state.broken = Verification.broken(e.seq() - 1, e.seq(), "prev-hash",
						"Mục " + e.seq() + " không nối với mục trước (prev_hash khác)");
				return;
			}
			String recomputed = hash(e.prevHash(), canonical(e.seq(), e.recordedAt(), e.dossierCode(), e.type(),
					e.unitCode(), e.userId(), e.payload()));
			if (!recomputed.equals(e.hash())) {
				state.broken = Verification.broken(e.seq() - 1, e.seq(), "hash",
						"Nội dung mục " + e.seq() + " đã bị sửa (hash không khớp)");
				return;
			}
			state.prev = e.hash();
			state.expected++;
		});
		long checked = state.expected - 1;
		long ms = (System.nanoTime() - started) / 1_000_000;
		if (state.broken != null) {
			return state.broken.took(ms);
		}
		Map<String, Object> head = this.jdbc.queryForMap("select last_seq, last_hash from audit_chain_head where id = 1");
		long lastSeq = ((Number) head.get("last_seq")).longValue();
		if (lastSeq != checked || !state.prev.equals(head.get("last_hash"))) {
			return Verification.broken(checked, checked + 1, "tail",
					"Chuỗi dừng ở mục " + checked + " nhưng mục cuối đã ghi là " + lastSeq + " (mất các mục cuối)")
				.took(ms);
		}
		return Verification.intact(checked, state.prev, ms);
	}

	static String canonical(long seq, Date at, String dossierCode, String type, String unitCode, String userId,
			String payload) {
		return String.join("\n", Long.toString(seq), Long.toString(at.getTime()), nz(dossierCode), nz(type),
				nz(unitCode), nz(userId), nz(payload));
	}

	static String hash(String prevHash, String canonical) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) '\n');
			sha.update(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String json(Map<String, ?> payload) {
		try {
			return JSON.writeValueAsString(payload == null ? Map.of() : new TreeMap<>(payload));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static AuditEvent map(ResultSet rs, int row) throws SQLException {
		return new AuditEvent(rs.getLong("seq"), new Date(rs.getTimestamp("recorded_at").getTime()),
				rs.getString("dossier_code"), rs.getString("event_type"), rs.getString("unit_code"),
				rs.getString("user_id"), rs.getString("payload"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	/** The result of {@link #verify()}; {@code firstBroken} is the sequence number of the first bad entry. */
	record Verification(boolean intact, long checked, Long firstBroken, String reason, String message,
			String headHash, long millis) {

		static Verification intact(long checked, String headHash, long millis) {
			return new Verification(true, checked, null, null, "Chuỗi nguyên vẹn: " + checked + " mục", headHash,
					millis);
		}

		static Verification broken(long checked, long firstBroken, String reason, String message) {
			return new Verification(false, checked, firstBroken, reason, message, null, 0);
		}

		Verification took(long ms) {
			return new Verification(this.intact, this.checked, this.firstBroken, this.reason, this.message,
					this.headHash, ms);
		}

	}

}
