package vn.motcua.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lookup secret printed on a dossier's receipt (and in its QR code): the citizen's lookup needs
 * it besides the dossier code, so sequential codes reveal nothing. Ten characters from an alphabet
 * without look-alikes (50 bits), shown as {@code ABCDE-FGHJK}; only a SHA-256 hash is stored, in
 * table {@code dossier_lookup_secret}. Issuing a new secret invalidates the previous one.
 */
@Repository
public class LookupSecrets {

	static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	static final int LENGTH = 10;

	/** Compared against when the dossier has no secret, so that both answers take as long. */
	private static final String NO_SECRET = "0".repeat(64);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	LookupSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Issues a new secret for the dossier (replacing any earlier one) and answers it, formatted. */
	@Transactional
	public String issue(String code, String issuedBy) {
		String secret = generate();
		String hash = hash(code, secret);
		if (update(code, hash, issuedBy) == 0) {
			insert(code, hash, issuedBy);
		}
		return format(secret);
	}

	/** Issues a secret only if the dossier has none yet (the first print of its receipt). */
	@Transactional
	public Optional<String> issueIfNone(String code, String issuedBy) {
		if (hashOf(code).isPresent()) {
			return Optional.empty();
		}
		String secret = generate();
		try {
			insert(code, hash(code, secret), issuedBy);
		}
		catch (DuplicateKeyException concurrentlyIssued) {
			return Optional.empty();
		}
		return Optional.of(format(secret));
	}

	/** Whether the secret is the dossier's current one; false for a dossier without one. */
	public boolean matches(String code, String secret) {
		String expected = hashOf(code).orElse(NO_SECRET);
		String given = hash(code, secret == null ? "" : normalise(secret));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII));
	}

	private Optional<String> hashOf(String code) {
		return this.jdbc.sql("select secret_hash from dossier_lookup_secret where dossier_code = ?")
			.param(code)
			.query(String.class)
			.optional();
	}

	private int update(String code, String hash, String issuedBy) {
		return this.jdbc
			.sql("update dossier_lookup_secret set secret_hash = ?, issued_at = ?, issued_by = ? where dossier_code = ?")
			.params(hash, now(), issuedBy, code)
			.update();
	}

	private void insert(String code, String hash, String issuedBy) {
		this.jdbc.sql("insert into dossier_lookup_secret (dossier_code, secret_hash, issued_at, issued_by) values (?, ?, ?, ?)")
			.params(code, hash, now(), issuedBy)
			.update();
	}

	private String generate() {
		StringBuilder secret = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			secret.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return secret.toString();
	}

	/** As printed: {@code ABCDE-FGHJK}. */
	static String format(String secret) {
		return secret.substring(0, LENGTH / 2) + "-" + secret.substring(LENGTH / 2);
	}

	/** As typed: case, spaces and dashes do not matter. */
	static String normalise(String secret) {
		return secret.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	static String hash(String code, String secret) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of()
				.formatHex(sha256.digest(("motcua-lookup\n" + code + "\n" + normalise(secret)).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Timestamp now() {
		return new Timestamp(System.currentTimeMillis());
	}

}
