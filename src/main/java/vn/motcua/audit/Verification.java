package vn.motcua.audit;

import java.util.Date;
import java.util.List;

/**
 * The result of a verification. The first problem is repeated in the top-level fields:
 * {@code firstBroken} is the number ({@code seq}) of the first bad entry when it still exists,
 * {@code dossierCode} and {@code chainSeq} name the chain and the position in it. {@code headHash}
 * is the Merkle root over the current heads of all chains (compare it with a printed seal).
 *
 * @param mode {@code quick} (everything since the last seal, the structure of every chain, every
 * dossier row, the seals) or {@code full} (additionally every entry's content from the first)
 */
record Verification(boolean intact, String mode, long checked, long chains, long dossiers, Long firstBroken,
		String dossierCode, Long chainSeq, String reason, String message, String headHash, Long sealNo,
		Date sealedAt, long problemCount, List<Problem> problems, long millis) {

	/** One broken place: what ({@code reason}), where (chain, position, entry number) and a sentence. */
	record Problem(String reason, String dossierCode, Long chainSeq, Long seq, String message) {
	}

}
