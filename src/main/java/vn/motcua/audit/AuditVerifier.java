package vn.motcua.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the per-dossier chains, the dossier rows and the seals in one pass over four streams
 * sorted by chain key ({@code audit_head}, {@code audit_sealed_head}, {@code dossier} and
 * {@code audit_event}), inside one repeatable-read snapshot, so it runs beside live writers.
 *
 * <p>Quick (the default): the seal chain and its signatures; the sealed heads against the last
 * seal's Merkle root; every head against its sealed copy; the content of every entry written since
 * the last seal; the numbering of every entry of every chain (an index-only count per chain: finds
 * deleted, inserted and truncated entries anywhere); every dossier row against the last
 * {@code RECORD} of its chain. Full: also the content of every entry from the first, and each
 * sealed head against the entry it names. Without a seal, quick is full.
 */
@Component
class AuditVerifier {

	/** Problems kept in a result (all are counted). */
	static final int MAX_PROBLEMS = 100;

	/** Above this many chains changed since the last seal, their entries are read in one stream. */
	private static final int PROBE_LIMIT = 20_000;

	private final DataSource dataSource;

	private final AuditSeals seals;

	private final ChainTexts texts;

	private final TransactionTemplate snapshot;

	AuditVerifier(DataSource dataSource, AuditSeals seals, ChainTexts texts, PlatformTransactionManager transactions) {
		this.dataSource = dataSource;
		this.seals = seals;
		this.texts = texts;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	Verification verify() {
		return run(false);
	}

	Verification verifyFull() {
		return run(true);
	}

	private Verification run(boolean full) {
		return this.snapshot.execute(status -> scan(connection(), full).result());
	}

	Connection connection() {
		return DataSourceUtils.getConnection(this.dataSource);
	}

	/** A chain head or a sealed head. */
	record Head(String key, long lastSeq, String lastHash, String recordHash) {

		String leaf() {
			return MerkleTree.leaf(this.key, this.lastSeq, this.lastHash, this.recordHash);
		}

		boolean same(Head o) {
			return o != null && this.lastSeq == o.lastSeq && this.lastHash.equals(o.lastHash)
					&& Objects.equals(this.recordHash, o.recordHash);
		}

	}

	/** What one pass found, and what a seal needs: the heads changed since the last seal and the new root. */
	final class Scan {

		final boolean full;

		final long started = System.nanoTime();

		final Optional<AuditSeals.Seal> seal;

		final List<Verification.Problem> problems = new ArrayList<>();

		long problemCount;

		long checked;

		long chains;

		long dossiers;

		/** Entries in the table, and the sum of the heads' lengths: equal unless entries were deleted or inserted. */
		long entryCount;

		long headCount;

		final MerkleTree current = new MerkleTree();

		final MerkleTree sealed = new MerkleTree();

		/** Heads changed since the last seal (new chains included), with whether a sealed copy exists. */
		final List<Head> changed = new ArrayList<>();

		final List<Boolean> changedHadSeal = new ArrayList<>();

		/** Changed chains whose new entries are still to be read: key → sealed head (null: from the first). */
		final Map<String, Head> pending = new HashMap<>();

		final Map<String, Head> pendingHeads = new HashMap<>();

		Scan(boolean full, Optional<AuditSeals.Seal> seal) {
			this.full = full;
			this.seal = seal;
		}

		void problem(String reason, String key, Long chainSeq, Long seq, Object... args) {
			this.problemCount++;
			if (this.problems.size() < MAX_PROBLEMS) {
				this.problems.add(new Verification.Problem(reason, key, chainSeq, seq,
						AuditVerifier.this.texts.get("chain.problem." + reason, args)));
			}
		}

		Verification result() {
			long ms = (System.nanoTime() - this.started) / 1_000_000;
			String mode = this.full ? "full" : "quick";
			Long sealNo = this.seal.map(AuditSeals.Seal::sealNo).orElse(null);
			Date sealedAt = this.seal.map(AuditSeals.Seal::sealedAt).orElse(null);
			if (this.problems.isEmpty()) {
				return new Verification(true, mode, this.checked, this.chains, this.dossiers, null, null, null, null,
						AuditVerifier.this.texts.get("chain.intact", s(this.chains), s(this.dossiers), s(this.checked)),
						this.current.root(), sealNo, sealedAt, 0, List.of(), ms);
			}
			Verification.Problem first = this.problems.get(0);
			return new Verification(false, mode, this.checked, this.chains, this.dossiers, first.seq(),
					first.dossierCode(), first.chainSeq(), first.reason(), first.message(), this.current.root(), sealNo,
					sealedAt, this.problemCount, List.copyOf(this.problems), ms);
		}

	}

	/** One pass over everything, in the caller's transaction on {@code c}. */
	Scan scan(Connection c, boolean full) {
		Scan quick = scan(c, full, false);
		if (!quick.full && quick.entryCount != quick.headCount) {
			// entries were deleted or inserted somewhere: read the numbering of every chain to name them
			return scan(c, false, true);
		}
		return quick;
	}

	/**
	 * {@code structure}: also the numbering of every chain (an index-only count per chain), which
	 * a quick pass replaces by comparing the number of entries with the sum of the heads.
	 */
	private Scan scan(Connection c, boolean full, boolean structure) {
		List<AuditSeals.Seal> all = this.seals.all();
		Optional<AuditSeals.Seal> last = all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
		Scan scan = new Scan(full || last.isEmpty(), last);
		for (Verification.Problem p : this.seals.verifyChain(all, this.texts)) {
			scan.problemCount++;
			scan.problems.add(p);
		}
		try {
			String collate = collation(c);
			String entriesSql = scan.full ? "select * from audit_event order by chain_key" + collate + ", chain_seq"
					: structure ? "select chain_key, count(*) n, min(chain_seq) lo, max(chain_seq) hi from audit_event"
							+ " group by chain_key order by chain_key" + collate : null;
			if (!scan.full && !structure) {
				try (PreparedStatement ps = c.prepareStatement("select count(*) from audit_event");
						ResultSet rs = ps.executeQuery()) {
					rs.next();
					scan.entryCount = rs.getLong(1);
				}
			}
			try (Cursor heads = new Cursor(c, "chain_key", "select chain_key, last_seq, last_hash, record_hash from audit_head order by chain_key" + collate);
					Cursor sealedHeads = new Cursor(c, "chain_key",
							"select chain_key, last_seq, last_hash, record_hash from audit_sealed_head order by chain_key" + collate);
					Cursor rows = new Cursor(c, "code", DossierRecord.SELECT + " order by code" + collate);
					Cursor entries = entriesSql == null ? Cursor.EMPTY : new Cursor(c, "chain_key", entriesSql)) {
				while (true) {
					String key = min(heads.key(), sealedHeads.key(), rows.key(), entries.key());
					if (key == null) {
						break;
					}
					Head h = key.equals(heads.key()) ? head(heads) : null;
					Head p = key.equals(sealedHeads.key()) ? head(sealedHeads) : null;
					boolean row = key.equals(rows.key());
					String rowHash = null;
					Map<String, String> fields = null;
					if (row) {
						rowHash = DossierRecord.recordHash(rows.rs);
						if (h == null || !rowHash.equals(h.recordHash())) {
							fields = DossierRecord.fieldHashes(rows.rs);
						}
						rows.next();
						scan.dossiers++;
					}
					List<AuditEvent> chain = null;
					long[] shape = null;
					if (key.equals(entries.key())) {
						if (scan.full) {
							chain = new ArrayList<>();
							while (key.equals(entries.key())) {
								chain.add(AuditChain.map(entries.rs, 0));
								entries.next();
							}
						}
						else {
							shape = new long[] { entries.rs.getLong("n"), entries.rs.getLong("lo"), entries.rs.getLong("hi") };
							entries.next();
						}
					}
					else if (!scan.full && !structure && h != null) {
						// a quick pass trusts the numbering when the totals agree (checked after the loop)
						shape = new long[] { h.lastSeq(), h.lastSeq() == 0 ? 0 : 1, h.lastSeq() };
					}
					if (h != null) {
						scan.headCount += h.lastSeq();
					}
					chain(scan, c, key, h, p, chain, shape);
					record(scan, c, key, h, row, rowHash, fields);
				}
			}
			readPending(scan, c);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		if (structure || scan.full) {
			scan.entryCount = scan.headCount;
		}
		last.ifPresent(s -> {
			if (s.treeSize() != scan.sealed.size() || !s.rootHash().equals(scan.sealed.root())) {
				scan.problem("sealed-heads", null, null, null, s(s.sealNo()), s(s.treeSize()), s(scan.sealed.size()));
			}
		});
		if (last.isEmpty() && scan.sealed.size() > 0) {
			scan.problem("sealed-heads", null, null, null, "0", "0", s(scan.sealed.size()));
		}
		return scan;
	}

	private void chain(Scan scan, Connection c, String key, Head h, Head p, List<AuditEvent> entries, long[] shape)
			throws SQLException {
		if (p != null) {
			scan.sealed.add(p.leaf());
		}
		if (h == null) {
			if (p != null) {
				scan.problem("deleted-chain", key, 1L, null, key, s(p.lastSeq()));
			}
			else if (entries != null || shape != null) {
				Long seq = entries != null && !entries.isEmpty() ? entries.get(0).seq() : null;
				scan.problem("orphan", key, 1L, seq, key);
			}
			return;
		}
		scan.chains++;
		scan.current.add(h.leaf());
		if (!h.same(p)) {
			scan.changed.add(h);
			scan.changedHadSeal.add(p != null);
		}
		if (p != null && h.lastSeq() < p.lastSeq()) {
			scan.problem("truncated-sealed", key, h.lastSeq() + 1, null, key, s(h.lastSeq()), s(p.lastSeq()));
			return;
		}
		if (p != null && h.lastSeq() == p.lastSeq() && !h.same(p)) {
			scan.problem("head", key, h.lastSeq(), null, key, s(h.lastSeq()));
			return;
		}
		if (scan.full) {
			verifyEntries(scan, key, entries == null ? List.of() : entries, 1, AuditChain.GENESIS, null, h, p);
			return;
		}
		long n = shape == null ? 0 : shape[0];
		long lo = shape == null ? 0 : shape[1];
		long hi = shape == null ? 0 : shape[2];
		boolean shaped = n == h.lastSeq() && (n == 0 || (lo == 1 && hi == n));
		if (!shaped) {
			// something was deleted, inserted or cut off: read the whole chain to name the entry
			verifyEntries(scan, key, entries(c, key, 0), 1, AuditChain.GENESIS, null, h, p);
		}
		else if (!h.same(p)) {
			scan.pending.put(key, p);
			scan.pendingHeads.put(key, h);
		}
	}

	/** The entries of the chains changed since the last seal, from their sealed head on. */
	private void readPending(Scan scan, Connection c) throws SQLException {
		if (scan.pending.isEmpty()) {
			return;
		}
		if (scan.pending.size() <= PROBE_LIMIT) {
			for (Map.Entry<String, Head> e : scan.pending.entrySet()) {
				Head p = e.getValue();
				long from = p == null ? 0 : p.lastSeq();
				verifyEntries(scan, e.getKey(), entries(c, e.getKey(), from), from + 1,
						p == null ? AuditChain.GENESIS : p.lastHash(), p == null ? null : p.recordHash(),
						scan.pendingHeads.get(e.getKey()), p);
			}
			return;
		}
		try (Cursor all = new Cursor(c, "chain_key", "select * from audit_event order by chain_key" + collation(c) + ", chain_seq")) {
			while (all.key() != null) {
				String key = all.key();
				boolean wanted = scan.pending.containsKey(key);
				Head p = scan.pending.get(key);
				long from = p == null ? 0 : p.lastSeq();
				List<AuditEvent> chain = new ArrayList<>();
				while (key.equals(all.key())) {
					if (wanted && all.rs.getLong("chain_seq") > from) {
						chain.add(AuditChain.map(all.rs, 0));
					}
					all.next();
				}
				if (wanted) {
					verifyEntries(scan, key, chain, from + 1, p == null ? AuditChain.GENESIS : p.lastHash(),
							p == null ? null : p.recordHash(), scan.pendingHeads.get(key), p);
				}
			}
		}
	}

	private static List<AuditEvent> entries(Connection c, String key, long after) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"select * from audit_event where chain_key = ? and chain_seq > ? order by chain_seq")) {
			ps.setString(1, key);
			ps.setLong(2, after);
			List<AuditEvent> out = new ArrayList<>();
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					out.add(AuditChain.map(rs, 0));
				}
			}
			return out;
		}
	}

	/**
	 * Recomputes a run of entries: numbering without gaps from {@code expected}, each previous hash
	 * equal to the hash before it, each hash equal to the recomputed one, the last entry equal to
	 * the head, the head's record hash equal to the last {@code RECORD}; in a full pass also the
	 * entry at the sealed position equal to the sealed head. Reports the first break of the chain.
	 */
	void verifyEntries(Scan scan, String key, List<AuditEvent> entries, long expected, String prev, String record,
			Head h, Head p) {
		for (AuditEvent e : entries) {
			scan.checked++;
			if (e.chainSeq() > expected) {
				scan.problem("missing", key, expected, null, key, s(expected), s(e.chainSeq()), s(e.seq()));
				return;
			}
			if (e.chainSeq() < expected || !e.prevHash().equals(prev)) {
				scan.problem("prev-hash", key, e.chainSeq(), e.seq(), key, s(e.chainSeq()), s(e.seq()));
				return;
			}
			if (!AuditChain.hash(e.prevHash(), e.canonical()).equals(e.hash())) {
				scan.problem("hash", key, e.chainSeq(), e.seq(), key, s(e.chainSeq()), s(e.seq()));
				return;
			}
			if (p != null && e.chainSeq() == p.lastSeq() && !e.hash().equals(p.lastHash())) {
				scan.problem("rewritten", key, e.chainSeq(), e.seq(), key, s(e.chainSeq()), s(e.seq()));
				return;
			}
			if (AuditChain.RECORD.equals(e.type())) {
				record = AuditChain.recordedHash(e.payload());
			}
			prev = e.hash();
			expected++;
		}
		long last = expected - 1;
		if (last < h.lastSeq()) {
			scan.problem("truncated", key, expected, null, key, s(last), s(h.lastSeq()));
		}
		else if (last > h.lastSeq()) {
			AuditEvent extra = entries.stream().filter(e -> e.chainSeq() == h.lastSeq() + 1).findFirst().orElse(null);
			scan.problem("extra", key, h.lastSeq() + 1, extra == null ? null : extra.seq(), key, s(h.lastSeq() + 1),
					s(h.lastSeq()));
		}
		else if (!prev.equals(h.lastHash()) || !Objects.equals(record, h.recordHash())) {
			scan.problem("head", key, h.lastSeq(), null, key, s(h.lastSeq()));
		}
	}

	private void record(Scan scan, Connection c, String key, Head h, boolean row, String rowHash,
			Map<String, String> fields) throws SQLException {
		if (AuditChain.SYSTEM_CHAIN.equals(key)) {
			return;
		}
		if (!row) {
			if (h != null && h.recordHash() != null) {
				scan.problem("record-deleted", key, null, null, key);
			}
			return;
		}
		if (h == null || h.recordHash() == null) {
			scan.problem("unrecorded", key, null, null, key);
			return;
		}
		if (rowHash.equals(h.recordHash())) {
			return;
		}
		try (PreparedStatement ps = c.prepareStatement("""
				select seq, chain_seq, payload from audit_event where chain_key = ? and event_type = ?
				order by chain_seq desc""")) {
			ps.setString(1, key);
			ps.setString(2, AuditChain.RECORD);
			ps.setMaxRows(1);
			try (ResultSet rs = ps.executeQuery()) {
				if (!rs.next()) {
					scan.problem("unrecorded", key, null, null, key);
					return;
				}
				List<String> names = DossierRecord.differing(AuditChain.recordedFields(rs.getString("payload")), fields)
					.stream()
					.map(this.texts::field)
					.toList();
				scan.problem("record", key, rs.getLong("chain_seq"), rs.getLong("seq"), key,
						names.isEmpty() ? "?" : String.join(", ", names), s(rs.getLong("chain_seq")));
			}
		}
	}

	private static Head head(Cursor cursor) throws SQLException {
		ResultSet rs = cursor.rs;
		Head h = new Head(rs.getString("chain_key"), rs.getLong("last_seq"), rs.getString("last_hash"),
				rs.getString("record_hash"));
		cursor.next();
		return h;
	}

	/** PostgreSQL sorts by byte (collation "C"), as Java compares the keys; H2 already does. */
	static String collation(Connection c) throws SQLException {
		String product = c.getMetaData().getDatabaseProductName();
		return product != null && product.toLowerCase().contains("postgres") ? " collate \"C\"" : "";
	}

	private static String min(String... keys) {
		String m = null;
		for (String k : keys) {
			if (k != null && (m == null || k.compareTo(m) < 0)) {
				m = k;
			}
		}
		return m;
	}

	private static String s(long n) {
		return Long.toString(n);
	}

	/** A forward-only result set read in order of its first column. */
	static final class Cursor implements AutoCloseable {

		/** A cursor over nothing. */
		static final Cursor EMPTY = new Cursor();

		final PreparedStatement ps;

		final ResultSet rs;

		private String key;

		private final String column;

		Cursor(Connection c, String column, String sql) throws SQLException {
			this.column = column;
			this.ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
			this.ps.setFetchSize(1000);
			this.rs = this.ps.executeQuery();
			next();
		}

		private Cursor() {
			this.column = null;
			this.ps = null;
			this.rs = null;
		}

		String key() {
			return this.key;
		}

		void next() throws SQLException {
			this.key = this.rs.next() ? this.rs.getString(this.column) : null;
		}

		@Override
		public void close() throws SQLException {
			if (this.ps != null) {
				this.rs.close();
				this.ps.close();
			}
		}

	}

}
