package vn.motcua.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * The Merkle tree hash of RFC 9162 (Certificate Transparency 2.0), section 2.1.1, computed while
 * the leaves stream by: {@code MTH({}) = SHA-256()}, leaf = {@code SHA-256(0x00 || d)}, node =
 * {@code SHA-256(0x01 || left || right)}, the left subtree being the largest power of two smaller
 * than the size. Memory: one hash per level.
 */
final class MerkleTree {

	private final Deque<long[]> sizes = new ArrayDeque<>();

	private final Deque<byte[]> hashes = new ArrayDeque<>();

	private final MessageDigest sha;

	private long size;

	MerkleTree() {
		try {
			this.sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The leaf of one chain head: {@code chain_key \n last_seq \n last_hash \n record_hash}. */
	static String leaf(String chainKey, long lastSeq, String lastHash, String recordHash) {
		return chainKey + "\n" + lastSeq + "\n" + lastHash + "\n" + (recordHash == null ? "" : recordHash);
	}

	void add(String leaf) {
		this.sha.update((byte) 0);
		byte[] hash = this.sha.digest(leaf.getBytes(StandardCharsets.UTF_8));
		long width = 1;
		while (!this.sizes.isEmpty() && this.sizes.peek()[0] == width) {
			this.sizes.pop();
			hash = node(this.hashes.pop(), hash);
			width *= 2;
		}
		this.sizes.push(new long[] { width });
		this.hashes.push(hash);
		this.size++;
	}

	long size() {
		return this.size;
	}

	/** The root in hex; the tree stays usable. */
	String root() {
		if (this.size == 0) {
			return HexFormat.of().formatHex(this.sha.digest());
		}
		byte[] acc = null;
		for (byte[] h : this.hashes) {
			acc = acc == null ? h : node(h, acc);
		}
		return HexFormat.of().formatHex(acc);
	}

	private byte[] node(byte[] left, byte[] right) {
		this.sha.update((byte) 1);
		this.sha.update(left);
		return this.sha.digest(right);
	}

}
