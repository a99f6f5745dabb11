package vn.motcua.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming tree hash equals the recursive definition of RFC 9162, 2.1.1, for every size. */
class MerkleTreeTests {

	@Test
	void streamingRootEqualsTheRecursiveDefinition() throws Exception {
		List<String> leaves = new ArrayList<>();
		for (int n = 0; n <= 70; n++) {
			MerkleTree tree = new MerkleTree();
			leaves.forEach(tree::add);
			assertThat(tree.root()).as("size %d", n).isEqualTo(HexFormat.of().formatHex(mth(leaves)));
			assertThat(tree.size()).isEqualTo(n);
			leaves.add(MerkleTree.leaf("XA-" + n, n + 1, "h" + n, n % 3 == 0 ? null : "r" + n));
		}
	}

	@Test
	void emptyTreeIsTheHashOfNothingAndOneLeafIsItsLeafHash() throws Exception {
		assertThat(new MerkleTree().root())
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		MerkleTree one = new MerkleTree();
		one.add("");
		// RFC 9162 / RFC 6962 test vector: the leaf hash of the empty string
		assertThat(one.root()).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
	}

	private static byte[] mth(List<String> d) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		if (d.isEmpty()) {
			return sha.digest();
		}
		if (d.size() == 1) {
			sha.update((byte) 0);
			return sha.digest(d.get(0).getBytes(StandardCharsets.UTF_8));
		}
		int k = Integer.highestOneBit(d.size() - 1);
		byte[] left = mth(d.subList(0, k));
		byte[] right = mth(d.subList(k, d.size()));
		sha.update((byte) 1);
		sha.update(left);
		return sha.digest(right);
	}

}
