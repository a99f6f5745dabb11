package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.motcua.documents.IssuedPdfs;
import vn.motcua.documents.PdfSigner;
import vn.motcua.documents.PdfText;
import vn.motcua.organisation.Organisation;
import vn.motcua.signing.Verification.Outcome;

/** Signing documents rendered by the application and verifying them, changed or not. */
class PadesSignerTest extends SigningTestBase {

	@Autowired
	PdfSigner signer;

	@Autowired
	SignatureVerifier verifier;

	@Autowired
	IssuedPdfs issued;

	@Autowired
	Organisation organisation;

	@Autowired
	MessageSource messages;

	@Test
	void aSignedDocumentVerifiesWithTheUnitAsSignerAndIsPadesBaselineB() throws Exception {
		byte[] pdf = letter();
		byte[] signed = this.signer.sign(pdf, "xa-an-binh", "Giấy tiếp nhận hồ sơ");

		// incremental: the rendered document is kept byte for byte, the signature is appended
		assertThat(signed.length).isGreaterThan(pdf.length);
		assertThat(java.util.Arrays.copyOf(signed, pdf.length)).isEqualTo(pdf);
		assertThat(PdfText.of(signed).flat()).contains("GIẤY TIẾP NHẬN HỒ SƠ").contains("Nguyễn Thị Hương");

		PdfSigner.SignatureCheck check = this.signer.verify(signed);
		assertThat(check.signed()).isTrue();
		assertThat(check.valid()).isTrue();
		assertThat(check.signers()).containsExactly("UBND xã An Bình");
		assertThat(check.message()).isEqualTo(
				"Chữ ký số hợp lệ: văn bản do UBND xã An Bình ký lúc 10:00:00 20/03/2026, không bị thay đổi sau khi ký.");

		Verification verification = this.verifier.verify(signed);
		Verification.Signature signature = verification.signatures().get(0);
		assertThat(signature.unitCode()).isEqualTo("xa-an-binh");
		assertThat(signature.signingTime()).isEqualTo(NOW);
		assertThat(signature.reason()).isEqualTo("Giấy tiếp nhận hồ sơ");
		assertThat(signature.intact()).isTrue();
		assertThat(signature.coversWholeFile()).isTrue();
		assertThat(signature.pades()).isTrue();

		try (PDDocument document = Loader.loadPDF(signed)) {
			PDSignature dictionary = document.getLastSignatureDictionary();
			assertThat(dictionary.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			assertThat(dictionary.getFilter()).isEqualTo("Adobe.PPKLite");
			assertThat(dictionary.getName()).isEqualTo("UBND xã An Bình");
			assertThat(dictionary.getLocation()).isEqualTo("Tỉnh Demo");
			assertThat(dictionary.getSignDate().toInstant()).isEqualTo(NOW);
			int[] range = dictionary.getByteRange();
			assertThat(range[0]).isZero();
			assertThat((long) range[2] + range[3]).isEqualTo(signed.length);
			byte[] value = dictionary.getContents(signed);
			CMSSignedData cms = new CMSSignedData(java.util.Arrays.copyOf(value, SignatureVerifier.derLength(value)));
			assertThat(cms.isDetachedSignature()).isTrue();
			SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
			assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
			assertThat(info.getSignedAttributes().get(CMSAttributes.messageDigest)).isNotNull();
			assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
			assertThat(info.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1");
		}
	}

	@Test
	void oneByteChangedAnywhereMakesTheSignatureInvalid() {
		byte[] signed = this.signer.sign(letter(), "xa-an-binh", "Giấy tiếp nhận hồ sơ");
		int[] range = byteRange(signed);

		// in a content stream of the document (inside the first signed range)
		int stream = indexOf(signed, "stream", 0);
		int inContent = indexOf(signed, "\n", stream) + 20;
		assertThat(inContent).isLessThan(range[1]);
		Verification content = this.verifier.verify(flip(signed, inContent));
		assertThat(content.valid()).isFalse();
		assertThat(content.outcome()).isEqualTo(Outcome.TAMPERED);
		assertThat(this.signer.verify(flip(signed, inContent)).message())
			.isEqualTo("Chữ ký số không hợp lệ: nội dung tệp đã bị thay đổi sau khi ký.");

		// in the signature dictionary after the value (inside the second signed range)
		int afterValue = range[2] + 5;
		assertThat(this.verifier.verify(flip(signed, afterValue)).valid()).isFalse();

		// in the signature value itself and in its zero padding
		assertThat(this.verifier.verify(flip(signed, range[1] + 200)).outcome()).isEqualTo(Outcome.TAMPERED);
		assertThat(this.verifier.verify(flip(signed, range[2] - 3)).outcome()).isEqualTo(Outcome.TAMPERED);

		// and at 64 places spread over the whole file, first and last byte included
		List<Integer> valid = new ArrayList<>();
		for (int i = 0; i < 64; i++) {
			int position = (int) ((long) (signed.length - 1) * i / 63);
			if (this.verifier.verify(flip(signed, position)).valid()) {
				valid.add(position);
			}
		}
		assertThat(valid).as("positions where a changed byte still verifies").isEmpty();

		// bytes appended after the signature: not covered
		byte[] appended = java.util.Arrays.copyOf(signed, signed.length + 1);
		appended[signed.length] = '\n';
		Verification extended = this.verifier.verify(appended);
		assertThat(extended.valid()).isFalse();
		assertThat(extended.outcome()).isEqualTo(Outcome.NOT_WHOLE_FILE);

		// the untouched file still verifies (the flips worked on copies)
		assertThat(this.verifier.verify(signed).valid()).isTrue();
	}

	@Test
	void anUnsignedDocumentIsNotSigned() {
		PdfSigner.SignatureCheck check = this.signer.verify(letter());
		assertThat(check.signed()).isFalse();
		assertThat(check.valid()).isFalse();
		assertThat(check.signers()).isEmpty();
		assertThat(check.message()).isEqualTo("Tệp PDF chưa ký số.");
	}

	@Test
	void aCertificateThatIsNotTheOrganisationsIsNotTrustedEvenUnderAUnitsName() throws Exception {
		// an impostor: a self-signed certificate with the very name of a unit
		char[] password = "x".toCharArray();
		KeyStore store = DemoKeystores.keystore("impostor", "UBND xã An Bình", "Tỉnh Demo", password);
		UnitKeys.SigningKey impostor = new UnitKeys.SigningKey("impostor", (PrivateKey) store.getKey("impostor", password),
				List.of((X509Certificate) store.getCertificate("impostor")));
		byte[] signed = Pades.sign(letter(), impostor, "UBND xã An Bình", "Tỉnh Demo", "Giả mạo", NOW);

		Verification verification = this.verifier.verify(signed);
		assertThat(verification.signed()).isTrue();
		assertThat(verification.signatures().get(0).intact()).isTrue();
		assertThat(verification.signatures().get(0).trusted()).isFalse();
		assertThat(verification.outcome()).isEqualTo(Outcome.UNTRUSTED);
		PdfSigner.SignatureCheck check = this.signer.verify(signed);
		assertThat(check.valid()).isFalse();
		assertThat(check.message()).isEqualTo(
				"Chữ ký số không tin cậy: chứng thư số của UBND xã An Bình không phải của đơn vị nào thuộc Tỉnh Demo.");
	}

	@Test
	void aSecondUnitCountersignsIncrementallyAndBothSignaturesVerify() {
		byte[] once = this.signer.sign(letter(), "xa-an-binh", "Giấy tiếp nhận hồ sơ");
		byte[] twice = this.signer.sign(once, "huyen-bac-son", "Phê duyệt");
		Verification verification = this.verifier.verify(twice);
		assertThat(verification.valid()).isTrue();
		assertThat(verification.signers()).containsExactly("UBND xã An Bình", "UBND huyện Bắc Sơn");
		assertThat(verification.signatures().get(0).coversWholeFile()).isFalse();
		assertThat(verification.signatures().get(1).coversWholeFile()).isTrue();
	}

	@Test
	void issuedPdfsSignsVerifiesAndSaysSoInAnAsciiHeader() {
		byte[] pdf = letter();
		ResponseEntity<byte[]> signed = this.issued.answer(pdf, "giay-tiep-nhan.pdf", "xa-an-binh", "Giấy tiếp nhận",
				true);
		String header = signed.getHeaders().getFirst(IssuedPdfs.SIGNATURE_HEADER);
		assertThat(header).isEqualTo("valid; signer*=UTF-8''UBND%20x%C3%A3%20An%20B%C3%ACnh");
		assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(header)).isTrue();
		assertThat(this.signer.verify(signed.getBody()).valid()).isTrue();

		ResponseEntity<byte[]> plain = this.issued.answer(pdf, "giay-tiep-nhan.pdf", "xa-an-binh", "Giấy tiếp nhận",
				false);
		assertThat(plain.getHeaders().getFirst(IssuedPdfs.SIGNATURE_HEADER)).isEqualTo("unsigned");
		assertThat(plain.getBody()).isEqualTo(pdf);
	}

	@Test
	void aUnitWithoutKeystoreIsRefusedWith409NamingTheUnit(@TempDir Path dir) throws Exception {
		Files.copy(new DefaultResourceLoader().getResource("classpath:signing/three-tier-demo/xa-an-binh.p12")
			.getInputStream(), dir.resolve("xa-an-binh.p12"));
		// xa-my-loc has its own file configured, which does not exist; the others fall back to the directory
		UnitKeys keys = new UnitKeys(new SigningProperties(dir.toUri().toString(), "demo",
				Map.of("xa-my-loc", new SigningProperties.UnitKeystore(dir.resolve("missing.p12").toUri().toString(),
						"demo", null))),
				new DefaultResourceLoader(), this.organisation);
		assertThat(keys.key("xa-an-binh").certificate().getSubjectX500Principal().getName()).contains("An B");
		for (String unit : List.of("xa-hoa-phu", "xa-my-loc")) {
			assertThatThrownBy(() -> keys.key(unit)).isInstanceOfSatisfying(NoSigningKey.class, refusal -> {
				assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(this.messages.getMessage(refusal.getMessage(), refusal.arguments(), VI))
					.startsWith("Đơn vị " + this.organisation.unit(unit).name() + " chưa có chứng thư số");
			});
		}
		// a wrong password is no key either (and no 500)
		UnitKeys wrong = new UnitKeys(new SigningProperties(dir.toUri().toString(), "not-the-password", Map.of()),
				new DefaultResourceLoader(), this.organisation);
		assertThatThrownBy(() -> wrong.key("xa-an-binh")).isInstanceOf(NoSigningKey.class);
		// only the configured certificates are trusted
		assertThat(keys.unitOf(keys.key("xa-an-binh").certificate())).isPresent();
	}

	@Test
	void everyUnitOfBothDemoOrganisationsHasADemoKeystoreNamedAfterIt() {
		for (String name : List.of("three-tier-demo", "two-tier-example")) {
			Organisation organisation = Organisation
				.read(new DefaultResourceLoader().getResource("classpath:organisation/" + name + ".yaml"));
			UnitKeys keys = new UnitKeys(new SigningProperties("classpath:signing/" + name + "/", "demo", Map.of()),
					new DefaultResourceLoader(), organisation);
			assertThat(organisation.units()).hasSizeGreaterThan(10);
			organisation.units().forEach(unit -> {
				X509Certificate certificate = keys.key(unit.code()).certificate();
				assertThat(certificate.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253))
					.as(unit.code())
					.isEqualTo("CN=" + unit.name() + ",O=" + organisation.name() + ",C=VN");
				assertThat(certificate.getNotAfter().toInstant()).isAfter(java.time.Instant.parse("2045-01-01T00:00:00Z"));
				assertThat(keys.unitOf(certificate)).get().isEqualTo(unit);
			});
		}
	}

	static int[] byteRange(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getLastSignatureDictionary().getByteRange();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
