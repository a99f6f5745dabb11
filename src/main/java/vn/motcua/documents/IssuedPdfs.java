package vn.motcua.documents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers a rendered document as a PDF download, signed by the issuing unit when asked. A signed
 * document is verified before it is answered; the header {@value #SIGNATURE_HEADER} says the result
 * in ASCII: {@code valid}, {@code invalid} or {@code unsigned}, with the signer's name as an RFC 8187
 * extended value, e.g. {@code valid; signer*=UTF-8''UBND%20x%C3%A3%20An%20B%C3%ACnh}.
 */
@Component
public class IssuedPdfs {

	public static final String SIGNATURE_HEADER = "X-Motcua-Signature";

	private static final Logger log = LoggerFactory.getLogger(IssuedPdfs.class);

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
	 * @param signed whether to sign it; a unit without a keystore is refused (409, naming the unit)
	 */
	public ResponseEntity<byte[]> answer(byte[] pdf, String fileName, String issuingUnit, String reason,
			boolean signed) {
		PdfSigner available = this.signer.getIfAvailable();
		byte[] body = pdf;
		String signature = "unsigned";
		if (signed && available != null) {
			body = available.sign(pdf, issuingUnit, reason);
			PdfSigner.SignatureCheck check = available.verify(body);
			if (!check.valid()) {
				log.error("Document {} signed by {} does not verify: {}", fileName, issuingUnit, check.message());
			}
			signature = (check.valid() ? "valid" : "invalid") + check.signers()
				.stream()
				.map(name -> "; signer*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
				.reduce("", String::concat);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
			.header(SIGNATURE_HEADER, signature)
			.body(body);
	}

}
