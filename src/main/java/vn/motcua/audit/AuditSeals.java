package vn.motcua.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The signed tree heads ({@code audit_seal}): seal {@code n} holds the RFC 9162 Merkle root over
 * the heads of all chains at that moment, the hash of seal {@code n - 1} and an HMAC-SHA256
 * signature of its own hash. Printed or sent elsewhere, the seals make a rewrite of the whole
 * database detectable: a rewritten history cannot reproduce a root held outside.
 */
@Repository
class AuditSeals {

	private final JdbcTemplate jdbc;

	private final SealKey key;

	AuditSeals(JdbcTemplate jdbc, SealKey key) {
		this.jdbc = jdbc;
		this.key = key;
	}

	/** One signed tree head. */
	record Seal(long sealNo, Date sealedAt, long treeSize, String rootHash, long changed, String prevHash,
			String sealHash, String keyId, String signature) {

		String canonical() {
			return String.join("\n", Long.toString(this.sealNo), Long.toString(this.sealedAt.getTime()),
					Long.toString(this.treeSize), this.rootHash, Long.toString(this.changed), this.prevHash, this.keyId);
		}

	}

	List<Seal> all() {
		return this.jdbc.query("select * from audit_seal order by seal_no", (rs, n) -> new Seal(rs.getLong("seal_no"),
				new Date(rs.getTimestamp("sealed_at").getTime()), rs.getLong("tree_size"), rs.getString("root_hash"),
				rs.getLong("changed"), rs.getString("prev_hash"), rs.getString("seal_hash"), rs.getString("key_id"),
				rs.getString("signature")));
	}

	Optional<Seal> last() {
		List<Seal> all = this.jdbc.query("select * from audit_seal where seal_no = (select max(seal_no) from audit_seal)",
				(rs, n) -> new Seal(rs.getLong("seal_no"), new Date(rs.getTimestamp("sealed_at").getTime()),
						rs.getLong("tree_size"), rs.getString("root_hash"), rs.getLong("changed"),
						rs.getString("prev_hash"), rs.getString("seal_hash"), rs.getString("key_id"),
						rs.getString("signature")));
		return all.stream().findFirst();
	}

	/** Builds, signs and stores the next seal (inside the sealer's transaction, under its lock). */
	Seal add(Optional<Seal> previous, Date at, long treeSize, String root, long changed) {
		long no = previous.map(s -> s.sealNo() + 1).orElse(1L);
		String prev = previous.map(Seal::sealHash).orElse(AuditChain.GENESIS);
		Seal unsigned = new Seal(no, new Date(at.getTime()), treeSize, root, changed, prev, null, this.key.id(), null);
		String hash = AuditChain.sha256(unsigned.canonical());
		Seal seal = new Seal(no, unsigned.sealedAt(), treeSize, root, changed, prev, hash, unsigned.keyId(),
				this.key.sign(hash));
		this.jdbc.update("""
				insert into audit_seal (seal_no, sealed_at, tree_size, root_hash, changed, prev_hash, seal_hash, key_id, signature)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", seal.sealNo(), new Timestamp(seal.sealedAt().getTime()),
				seal.treeSize(), seal.rootHash(), seal.changed(), seal.prevHash(), seal.sealHash(), seal.keyId(),
				seal.signature());
		return seal;
	}

	/** Checks numbering, links, hashes and signatures of all seals; the problems found. */
	List<Verification.Problem> verifyChain(List<Seal> seals, ChainTexts texts) {
		List<Verification.Problem> problems = new ArrayList<>();
		long expected = 1;
		String prev = AuditChain.GENESIS;
		String keyId = seals.isEmpty() ? null : this.key.id();
		for (Seal s : seals) {
			String reason = null;
			if (s.sealNo() != expected) {
				reason = "seal-missing";
			}
			else if (!s.prevHash().equals(prev)) {
				reason = "seal-link";
			}
			else if (!AuditChain.sha256(s.canonical()).equals(s.sealHash())) {
				reason = "seal-hash";
			}
			else if (!s.keyId().equals(keyId)) {
				reason = "seal-key";
			}
			else if (!this.key.sign(s.sealHash()).equals(s.signature())) {
				reason = "seal-signature";
			}
			if (reason != null) {
				problems.add(new Verification.Problem(reason, null, expected, null,
						texts.get("chain.problem." + reason, expected, s.sealNo())));
				return problems;
			}
			prev = s.sealHash();
			expected++;
		}
		return problems;
	}

	/**
	 * Compares seals exported earlier with the database: each must still be there, unchanged. The
	 * problems found (a rewritten or removed seal means the record was rewritten).
	 */
	List<Verification.Problem> compare(List<Seal> exported, ChainTexts texts) {
		List<Verification.Problem> problems = new ArrayList<>();
		java.util.Map<Long, Seal> stored = new java.util.HashMap<>();
		all().forEach(s -> stored.put(s.sealNo(), s));
		for (Seal e : exported) {
			Seal s = stored.get(e.sealNo());
			if (s == null) {
				problems.add(new Verification.Problem("seal-removed", null, e.sealNo(), null,
						texts.get("chain.problem.seal-removed", e.sealNo())));
			}
			else if (!s.sealHash().equals(e.sealHash()) || !s.rootHash().equals(e.rootHash())) {
				problems.add(new Verification.Problem("seal-rewritten", null, e.sealNo(), null,
						texts.get("chain.problem.seal-rewritten", e.sealNo(), e.rootHash(), s.rootHash())));
			}
		}
		return problems;
	}

	String keyId() {
		return this.key.id();
	}

}
