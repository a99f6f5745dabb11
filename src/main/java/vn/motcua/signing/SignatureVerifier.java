package vn.motcua.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.springframework.stereotype.Component;

import vn.motcua.organisation.Unit;
import vn.motcua.signing.Verification.Outcome;

/**
 * Verifies the signatures of a PDF: for each signature, that its ByteRange starts the file and
 * leaves out exactly the hexadecimal signature value, that the CMS signature verifies over the
 * bytes of the ByteRange (message digest and signature value), that the certificate was valid at
 * the signing time, and that it is the certificate of one of the organisation's units; the last
 * signature must cover the whole file, so nothing was added after it.
 */
@Component
class SignatureVerifier {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignatureVerifier.class);

	private final UnitKeys keys;

	SignatureVerifier(UnitKeys keys) {
		this.keys = keys;
	}

	Verification verify(byte[] pdf) {
		List<PDSignature> dictionaries;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			dictionaries = document.getSignatureDictionaries();
		}
		catch (IOException | RuntimeException ex) {
			return new Verification(false, List.of(), Outcome.UNREADABLE);
		}
		if (dictionaries.isEmpty()) {
			return new Verification(true, List.of(), Outcome.UNSIGNED);
		}
		List<Verification.Signature> signatures = new ArrayList<>();
		long end = -1;
		boolean lastCovers = false;
		for (PDSignature dictionary : dictionaries) {
			Verification.Signature signature = check(pdf, dictionary);
			signatures.add(signature);
			int[] range = dictionary.getByteRange();
			long thisEnd = range.length == 4 ? (long) range[2] + range[3] : -1;
			if (thisEnd >= end) {
				end = thisEnd;
				lastCovers = signature.coversWholeFile();
			}
		}
		Outcome outcome;
		if (signatures.stream().anyMatch(s -> !s.intact())) {
			outcome = Outcome.TAMPERED;
		}
		else if (!lastCovers) {
			outcome = Outcome.NOT_WHOLE_FILE;
		}
		else if (signatures.stream().anyMatch(s -> !s.certificateValid())) {
			outcome = Outcome.CERTIFICATE_NOT_VALID;
		}
		else if (signatures.stream().anyMatch(s -> !s.trusted())) {
			outcome = Outcome.UNTRUSTED;
		}
		else {
			outcome = Outcome.VALID;
		}
		return new Verification(true, List.copyOf(signatures), outcome);
	}

	private Verification.Signature check(byte[] pdf, PDSignature dictionary) {
		Instant time = dictionary.getSignDate() == null ? null : dictionary.getSignDate().toInstant();
		String fallbackName = dictionary.getName();
		int[] range = dictionary.getByteRange();
		if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || range[3] < 0
				|| (long) range[2] + range[3] > pdf.length) {
			return new Verification.Signature(fallbackName, null, time, dictionary.getReason(), false, false, false,
					false);
		}
		boolean gapIsValue = pdf[range[1]] == '<' && pdf[range[2] - 1] == '>' && hex(pdf, range[1] + 1, range[2] - 1);
		boolean covers = gapIsValue && (long) range[2] + range[3] == pdf.length;
		if (!gapIsValue) {
			return new Verification.Signature(fallbackName, null, time, dictionary.getReason(), false, false, false,
					false);
		}
		byte[] value = HexFormat.of().parseHex(new String(pdf, range[1] + 1, range[2] - range[1] - 2,
				java.nio.charset.StandardCharsets.US_ASCII));
		int derLength = derLength(value);
		if (derLength < 0) {
			// the value is the DER CMS followed by zeros only: any other byte in the gap is a change
			return new Verification.Signature(fallbackName, null, time, dictionary.getReason(), false, covers, false,
					false);
		}
		byte[] signed = new byte[range[1] + range[3]];
		System.arraycopy(pdf, 0, signed, 0, range[1]);
		System.arraycopy(pdf, range[2], signed, range[1], range[3]);
		try {
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed),
					Arrays.copyOf(value, derLength));
			Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				return new Verification.Signature(fallbackName, null, time, dictionary.getReason(), false, covers,
						false, false);
			}
			SignerInformation signer = signers.iterator().next();
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
			if (matches.isEmpty()) {
				return new Verification.Signature(fallbackName, null, time, dictionary.getReason(), false, covers,
						false, false);
			}
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
			boolean intact = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
			boolean certificateValid = time != null && validAt(certificate, time);
			Optional<Unit> unit = this.keys.unitOf(certificate);
			boolean pades = Pades.SUBFILTER.equals(dictionary.getSubFilter()) && signingCertificateMatches(signer, certificate)
					&& (signer.getSignedAttributes() == null
							|| signer.getSignedAttributes().get(CMSAttributes.signingTime) == null);
			return new Verification.Signature(commonName(certificate, fallbackName), unit.map(Unit::code).orElse(null),
					time, dictionary.getReason(), intact, covers, certificateValid, pades);
		}
		catch (CMSException | CertificateException | OperatorCreationException | RuntimeException ex) {
			log.debug("Signature does not verify", ex);
			return new Verification.Signature(fallbackName, null, time, dictionary.getReason(), false, covers, false,
					false);
		}
	}

	private static boolean validAt(X509Certificate certificate, Instant time) {
		try {
			certificate.checkValidity(Date.from(time));
			return true;
		}
		catch (CertificateException ex) {
			return false;
		}
	}

	private static boolean signingCertificateMatches(SignerInformation signer, X509Certificate certificate) {
		AttributeTable attributes = signer.getSignedAttributes();
		Attribute attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
		if (attribute == null || attribute.getAttrValues().size() != 1) {
			return false;
		}
		try {
			ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
			ESSCertIDv2[] ids = SigningCertificateV2.getInstance(value).getCerts();
			if (ids.length == 0) {
				return false;
			}
			String algorithm = ids[0].getHashAlgorithm().getAlgorithm().getId();
			byte[] hash = MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
			return Arrays.equals(hash, ids[0].getCertHash());
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static String commonName(X509Certificate certificate, String fallback) {
		X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
		RDN[] names = subject.getRDNs(BCStyle.CN);
		return names.length == 0 ? fallback : IETFUtils.valueToString(names[0].getFirst().getValue());
	}

	/**
	 * The length of the DER object (a SEQUENCE of definite length) the value starts with, when only
	 * zero bytes follow it; else -1.
	 */
	static int derLength(byte[] value) {
		if (value.length < 2 || value[0] != 0x30) {
			return -1;
		}
		int first = value[1] & 0xff;
		long length;
		int header;
		if (first < 0x80) {
			length = first;
			header = 2;
		}
		else {
			int n = first & 0x7f;
			if (n == 0 || n > 3 || value.length < 2 + n) {
				return -1;
			}
			length = 0;
			for (int i = 0; i < n; i++) {
				length = (length << 8) | (value[2 + i] & 0xff);
			}
			header = 2 + n;
		}
		long end = header + length;
		if (end > value.length) {
			return -1;
		}
		for (long i = end; i < value.length; i++) {
			if (value[(int) i] != 0) {
				return -1;
			}
		}
		return (int) end;
	}

	private static boolean hex(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F')) {
				return false;
			}
		}
		return to > from && (to - from) % 2 == 0;
	}

}
