package vn.motcua.documents;

/**
 * Signs an issued PDF with the certificate of the unit that issues it (PAdES), and verifies signed PDFs.
 * Implemented by the signing capability; documents are served unsigned when no signer is configured.
 */
public interface PdfSigner {

	/**
	 * The PDF signed by the unit.
	 * @param pdf the rendered document
	 * @param unitCode the code of the issuing unit, whose certificate signs
	 * @param reason the signature's reason, in Vietnamese (e.g. the form's title)
	 */
	byte[] sign(byte[] pdf, String unitCode, String reason);

	/** What the signatures of a PDF say: whether they verify, and who signed. */
	SignatureCheck verify(byte[] pdf);

	/**
	 * The result of verifying a PDF.
	 * @param signed whether the PDF carries at least one signature
	 * @param valid whether every signature verifies and covers the whole file
	 * @param signers the signers' names (certificate subject common names)
	 * @param message a Vietnamese sentence saying the result
	 */
	record SignatureCheck(boolean signed, boolean valid, java.util.List<String> signers, String message) {
	}

}
