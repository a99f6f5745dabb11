package vn.motcua.audit;

import java.util.Date;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The single global chain that {@code audit_event} was before V60 ({@code hash = SHA-256(prev +
 * "\n" + seq \n recorded_at \n dossier_code \n event_type \n unit_code \n user_id \n payload)},
 * one head row {@code audit_chain_head}). V61 verifies it with this before re-chaining the entries
 * per dossier; the verify benchmark measures it as the "before".
 */
final class LegacyChain {

	/** The outcome of the old verification: entries checked, first broken {@code seq} (or null), head. */
	record Result(long checked, Long firstBroken, String reason, String headHash) {

		boolean intact() {
			return this.firstBroken == null;
		}

	}

	private LegacyChain() {
	}

	static String canonical(long seq, Date at, String dossierCode, String type, String unitCode, String userId,
			String payload) {
		return String.join("\n", Long.toString(seq), Long.toString(at.getTime()), nz(dossierCode), nz(type),
				nz(unitCode), nz(userId), nz(payload));
	}

	/** Streams {@code events} in {@code seq} order, as the old verify did, and compares the end with {@code head}. */
	static Result verify(JdbcTemplate jdbc, String events, String head) {
		var state = new Object() {
			long expected = 1;
			String prev = AuditChain.GENESIS;
			Result broken;
		};
		jdbc.query("select seq, recorded_at, dossier_code, event_type, unit_code, user_id, payload, prev_hash, hash from "
				+ events + " order by seq", (RowCallbackHandler) rs -> {
					if (state.broken != null) {
						return;
					}
					long seq = rs.getLong("seq");
					if (seq != state.expected) {
						state.broken = new Result(state.expected - 1, state.expected, "missing", null);
						return;
					}
					if (!rs.getString("prev_hash").equals(state.prev)) {
						state.broken = new Result(seq - 1, seq, "prev-hash", null);
						return;
					}
					String recomputed = AuditChain.hash(state.prev,
							canonical(seq, new Date(rs.getTimestamp("recorded_at").getTime()), rs.getString("dossier_code"),
									rs.getString("event_type"), rs.getString("unit_code"), rs.getString("user_id"),
									rs.getString("payload")));
					if (!recomputed.equals(rs.getString("hash"))) {
						state.broken = new Result(seq - 1, seq, "hash", null);
						return;
					}
					state.prev = recomputed;
					state.expected++;
				});
		if (state.broken != null) {
			return state.broken;
		}
		long checked = state.expected - 1;
		Map<String, Object> row = jdbc.queryForMap("select last_seq, last_hash from " + head + " where id = 1");
		if (((Number) row.get("last_seq")).longValue() != checked || !state.prev.equals(row.get("last_hash"))) {
			return new Result(checked, checked + 1, "tail", null);
		}
		return new Result(checked, null, null, state.prev);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
