package vn.motcua.signing;

import java.time.Instant;
import java.util.List;

/**
 * What the signatures of a PDF say.
 *
 * @param readable whether the file could be read as a PDF at all
 * @param signatures one entry per signature, in the order of the file
 * @param outcome the one outcome that sums it up (the worst problem found)
 */
record Verification(boolean readable, List<Signature> signatures, Outcome outcome) {

	/** From the worst to the best. */
	enum Outcome {

		/** The file is no readable PDF. */
		UNREADABLE,
		/** The file carries no signature. */
		UNSIGNED,
		/** A signature does not verify: the signed bytes were changed, or the CMS is broken. */
		TAMPERED,
		/** The signatures verify but bytes were added or changed outside them. */
		NOT_WHOLE_FILE,
		/** The signer's certificate was not valid at the signing time. */
		CERTIFICATE_NOT_VALID,
		/** The signer's certificate is none of the organisation's units'. */
		UNTRUSTED,
		/** Every signature verifies, the last covers the whole file, every signer is a unit. */
		VALID;

		/** The message key of the outcome ({@code signing.outcome.*}). */
		String key() {
			return "signing.outcome." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	/**
	 * One signature.
	 * @param name the signer's name (the certificate subject's common name)
	 * @param unitCode the organisation's unit whose certificate signed, null when none
	 * @param signingTime the signing time of the signature dictionary ({@code /M})
	 * @param reason the reason of the signature dictionary
	 * @param intact the CMS signature verifies and its message digest is that of the ByteRange
	 * @param coversWholeFile the ByteRange covers the whole file except the signature value
	 * @param certificateValid the certificate was valid at the signing time
	 * @param pades SubFilter ETSI.CAdES.detached with a matching signing-certificate-v2 attribute and no
	 * CMS signing-time (PAdES baseline B)
	 */
	record Signature(String name, String unitCode, Instant signingTime, String reason, boolean intact,
			boolean coversWholeFile, boolean certificateValid, boolean pades) {

		boolean trusted() {
			return this.unitCode != null;
		}

	}

	boolean signed() {
		return !this.signatures.isEmpty();
	}

	boolean valid() {
		return this.outcome == Outcome.VALID;
	}

	List<String> signers() {
		return this.signatures.stream().map(Signature::name).toList();
	}

	/** The signing time of the last signature. */
	Instant signingTime() {
		return this.signatures.isEmpty() ? null : this.signatures.get(this.signatures.size() - 1).signingTime();
	}

}
