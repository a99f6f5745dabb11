package vn.motcua.audit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The protected fields of a {@code dossier} row: what the search, the reports, the logbook and the
 * citizen lookup read. A {@code RECORD} entry of the dossier's chain carries one short hash per
 * field (salted with the dossier code, so equal values of two dossiers do not look alike) and the
 * hash over all of them; verify recomputes both from the current row and names the fields that
 * differ.
 */
final class DossierRecord {

	/** Columns and their kind: t = timestamp (epoch ms), n = number, s = text. */
	static final Map<String, Character> FIELDS;

	static {
		Map<String, Character> f = new LinkedHashMap<>();
		f.put("code", 's');
		f.put("process_instance_id", 's');
		f.put("procedure_key", 's');
		f.put("procedure_name", 's');
		f.put("procedure_version", 'n');
		f.put("receiving_unit", 's');
		f.put("received_by", 's');
		f.put("applicant_name", 's');
		f.put("applicant_id_number", 's');
		f.put("applicant_phone", 's');
		f.put("applicant_email", 's');
		f.put("applicant_address", 's');
		f.put("channel", 's');
		f.put("legal_working_days", 'n');
		f.put("received_at", 't');
		f.put("original_due", 't');
		f.put("legal_due", 't');
		f.put("due_at", 't');
		f.put("status", 's');
		f.put("finished_at", 't');
		f.put("timeliness", 's');
		f.put("paused_at", 't');
		FIELDS = java.util.Collections.unmodifiableMap(f);
	}

	/** {@code select <fields> from dossier} (callers add the where / order by). */
	static final String SELECT = "select " + String.join(", ", FIELDS.keySet()) + " from dossier";

	private DossierRecord() {
	}

	/** Field name → 16 hex digits of SHA-256(code, field, value), in column order. */
	static Map<String, String> fieldHashes(ResultSet rs) throws SQLException {
		String code = rs.getString("code");
		Map<String, String> hashes = new TreeMap<>();
		for (Map.Entry<String, Character> field : FIELDS.entrySet()) {
			String value = value(rs, field.getKey(), field.getValue());
			hashes.put(field.getKey(), AuditChain.sha256(code + "\n" + field.getKey() + "\n" + value).substring(0, 16));
		}
		return hashes;
	}

	/**
	 * The hash over all protected values ({@code field=value} lines in column order): the head's
	 * {@code record_hash}. One SHA-256 per row, so verify can afford it for every dossier.
	 */
	static String recordHash(ResultSet rs) throws SQLException {
		StringBuilder canonical = new StringBuilder(512);
		for (Map.Entry<String, Character> field : FIELDS.entrySet()) {
			canonical.append(field.getKey()).append('=').append(value(rs, field.getKey(), field.getValue())).append('\n');
		}
		return AuditChain.sha256(canonical.toString());
	}

	/** Fields whose hash differs between the recorded and the current row. */
	static List<String> differing(Map<String, ?> recorded, Map<String, String> current) {
		return current.entrySet()
			.stream()
			.filter(e -> !e.getValue().equals(recorded.get(e.getKey())))
			.map(Map.Entry::getKey)
			.toList();
	}

	private static String value(ResultSet rs, String column, char kind) throws SQLException {
		return switch (kind) {
			case 't' -> value(rs.getTimestamp(column), kind);
			case 'n' -> value(rs.getBigDecimal(column), kind);
			default -> value(rs.getString(column), kind);
		};
	}

	/** The canonical text of one value: a kind letter and the value, or ∅ for null. */
	static String value(Object v, char kind) {
		if (v == null) {
			return "\u2205";
		}
		return switch (kind) {
			case 't' -> "t" + ((java.util.Date) v).getTime();
			case 'n' -> "n" + new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
			default -> "s" + v;
		};
	}

}
