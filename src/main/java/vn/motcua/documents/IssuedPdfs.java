package vn.motcua.documents;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Answers a rendered document as a PDF download, signed by the issuing unit when asked and possible. */
@Component
public class IssuedPdfs {

	private final ObjectProvider<PdfSigner> signer;

	IssuedPdfs(ObjectProvider<PdfSigner> signer) {
		this.signer = signer;
	}

	/**
	 * The PDF answer.
	 * @param pdf the rendered document
	 * @param fileName the download's file name
	 * @param issuingUnit the code of the unit that issues the document (signs it)
	 * @param reason the signature's reason (the document's title)
	 * @param signed whether to sign it
	 */
	public ResponseEntity<byte[]> answer(byte[] pdf, String fileName, String issuingUnit, String reason,
			boolean signed) {
		PdfSigner available = this.signer.getIfAvailable();
		byte[] body = signed && available != null ? available.sign(pdf, issuingUnit, reason) : pdf;
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
			.body(body);
	}

}
