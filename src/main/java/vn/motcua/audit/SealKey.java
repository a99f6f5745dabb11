package vn.motcua.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The HMAC-SHA256 key that signs the seals. {@code motcua.audit.seal.key} (Base64, at least 32
 * bytes) wins; otherwise the key is read from {@code motcua.audit.seal.key-file}, and for the
 * embedded default a random demo key is generated into that file on first use (owner-only
 * permissions where the file system allows). Production installations configure their own key
 * and keep it away from the database.
 */
@Component
class SealKey {

	private static final Logger log = LoggerFactory.getLogger(SealKey.class);

	private final String configured;

	private final String file;

	private volatile byte[] key;

	SealKey(@Value("${motcua.audit.seal.key:}") String configured,
			@Value("${motcua.audit.seal.key-file:./data/audit-seal.key}") String file) {
		this.configured = configured;
		this.file = file;
	}

	/** The first 16 hex digits of SHA-256(key): tells which key signed a seal, reveals nothing. */
	String id() {
		return HexFormat.of().formatHex(sha256(key())).substring(0, 16);
	}

	String sign(String sealHash) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(sealHash.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] k = this.key;
		if (k == null) {
			synchronized (this) {
				k = this.key;
				if (k == null) {
					k = load();
					this.key = k;
				}
			}
		}
		return k;
	}

	private byte[] load() {
		if (this.configured != null && !this.configured.isBlank()) {
			return checked(Base64.getDecoder().decode(this.configured.trim()));
		}
		Path path = Path.of(this.file);
		try {
			if (Files.exists(path)) {
				return checked(Base64.getDecoder().decode(Files.readString(path).trim()));
			}
			byte[] generated = new byte[32];
			new SecureRandom().nextBytes(generated);
			if (path.getParent() != null) {
				Files.createDirectories(path.getParent());
			}
			Files.writeString(path, Base64.getEncoder().encodeToString(generated) + "\n");
			try {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
			}
			log.warn("Audit seals are signed with a demo key generated into {}; configure motcua.audit.seal.key "
					+ "for production and keep it outside the database", path.toAbsolutePath());
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] checked(byte[] key) {
		if (key.length < 32) {
			throw new IllegalStateException("motcua.audit.seal.key must be at least 32 bytes (Base64)");
		}
		return key;
	}

	private static byte[] sha256(byte[] data) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
