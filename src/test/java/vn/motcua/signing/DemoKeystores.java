package vn.motcua.signing;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.core.io.FileSystemResource;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * Generates the demo keystores committed under {@code src/main/resources/signing/<organisation>/}: one
 * self-signed RSA 2048 certificate per unit, CN = the unit's name, O = the province, valid 2025–2045,
 * PKCS12 protected by the demo password, alias = the unit code. Run once per organisation file:
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=vn.motcua.signing.DemoKeystores \
 *   -Dexec.args="src/main/resources/organisation/three-tier-demo.yaml src/main/resources/signing/three-tier-demo demo"
 * </pre>
 * Also used by the tests to make certificates that are not the organisation's.
 */
public final class DemoKeystores {

	static final Instant NOT_BEFORE = Instant.parse("2025-01-01T00:00:00Z");

	static final Instant NOT_AFTER = Instant.parse("2045-12-31T23:59:59Z");

	private DemoKeystores() {
	}

	public static void main(String[] args) throws Exception {
		Organisation organisation = Organisation.read(new FileSystemResource(args[0]));
		Path dir = Path.of(args[1]);
		char[] password = args[2].toCharArray();
		Files.createDirectories(dir);
		for (Unit unit : organisation.units()) {
			KeyStore store = keystore(unit.code(), unit.name(), organisation.name(), password);
			try (OutputStream out = Files.newOutputStream(dir.resolve(unit.code() + ".p12"))) {
				store.store(out, password);
			}
			System.out.println(unit.code() + ": " + unit.name());
		}
	}

	/** A PKCS12 keystore holding one self-signed signing certificate under the alias. */
	static KeyStore keystore(String alias, String commonName, String organisation, char[] password) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
			.addRDN(BCStyle.O, organisation)
			.addRDN(BCStyle.CN, commonName)
			.build();
		byte[] digest = MessageDigest.getInstance("SHA-256")
			.digest((organisation + "/" + alias).getBytes(StandardCharsets.UTF_8));
		BigInteger serial = new BigInteger(1, java.util.Arrays.copyOf(digest, 16));
		var builder = new JcaX509v3CertificateBuilder(subject, serial, Date.from(NOT_BEFORE), Date.from(NOT_AFTER),
				subject, keys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry(alias, keys.getPrivate(), password, new Certificate[] { certificate });
		return store;
	}

}
