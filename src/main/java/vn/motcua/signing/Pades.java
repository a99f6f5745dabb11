package vn.motcua.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.motcua.signing.UnitKeys.SigningKey;

/**
 * PAdES baseline B signing (ETSI EN 319 142-1): an incremental update adding a signature field whose
 * dictionary has SubFilter {@code ETSI.CAdES.detached}, the signing time in {@code /M}, and a detached
 * CMS SignedData over the ByteRange with the signed attributes content-type, message-digest and
 * signing-certificate-v2, and no CMS signing-time (the time is the PDF's, as the profile requires).
 */
final class Pades {

	static final String SUBFILTER = PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName();

	static final TimeZone ZONE = TimeZone.getTimeZone("Asia/Ho_Chi_Minh");

	private Pades() {
	}

	/** The PDF with one more signature, by the key, saved incrementally. */
	static byte[] sign(byte[] pdf, SigningKey key, String name, String location, String reason, Instant time) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(name);
			signature.setLocation(location);
			signature.setReason(reason);
			Calendar when = new GregorianCalendar(ZONE);
			when.setTimeInMillis(time.toEpochMilli());
			signature.setSignDate(when);
			document.addSignature(signature);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16384);
			ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
			external.setSignature(cms(external.getContent(), key));
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The detached CMS SignedData (CAdES-B) over the content. */
	static byte[] cms(InputStream content, SigningKey key) throws IOException {
		try {
			X509Certificate certificate = key.certificate();
			String algorithm = "EC".equals(key.privateKey().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
			AttributeTable signingCertificate = new AttributeTable(
					new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
							new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { essCertId(certificate) }))));
			DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(signingCertificate);
			CMSAttributeTableGenerator signedAttributes = parameters -> defaults.getAttributes(parameters)
				.remove(CMSAttributes.signingTime);
			SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(
					new JcaDigestCalculatorProviderBuilder().build())
				.setSignedAttributeGenerator(signedAttributes)
				.build(new JcaContentSignerBuilder(algorithm).build(key.privateKey()), certificate);
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(signer);
			generator.addCertificates(new JcaCertStore(key.chain()));
			CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
			return signed.getEncoded(ASN1Encoding.DER);
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException ex) {
			throw new IllegalStateException("Cannot sign with the key of " + key.unitCode(), ex);
		}
	}

	/** The ESS certificate identifier v2 of the signer's certificate: its SHA-256 hash and issuer/serial. */
	static ESSCertIDv2 essCertId(X509Certificate certificate) throws GeneralSecurityException {
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
		IssuerSerial issuerSerial = new IssuerSerial(
				new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
				certificate.getSerialNumber());
		return new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
	}

}
