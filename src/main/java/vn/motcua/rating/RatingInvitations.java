package vn.motcua.rating;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The token of the rating link in the "result ready" message: it opens the rating form of that
 * one dossier and nothing else (not the lookup). 128 random bits; only a SHA-256 hash is kept, in
 * {@code rating_invitation}. A new invitation replaces the earlier one.
 */
@Repository
public class RatingInvitations {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	RatingInvitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new token for the dossier, in the caller's transaction; answers it. */
	public String invite(String dossierCode, Instant now) {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		String hash = hash(dossierCode, token);
		int updated = this.jdbc.sql("update rating_invitation set token_hash = ?, issued_at = ? where dossier_code = ?")
			.params(hash, Timestamp.from(now), dossierCode)
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into rating_invitation (dossier_code, token_hash, issued_at) values (?, ?, ?)")
				.params(dossierCode, hash, Timestamp.from(now))
				.update();
		}
		return token;
	}

	boolean matches(String dossierCode, String token) {
		if (token == null || token.isBlank()) {
			return false;
		}
		String expected = this.jdbc.sql("select token_hash from rating_invitation where dossier_code = ?")
			.param(dossierCode)
			.query(String.class)
			.optional()
			.orElse("0".repeat(64));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				hash(dossierCode, token.strip()).getBytes(StandardCharsets.US_ASCII));
	}

	private static String hash(String code, String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(("motcua-rating\n" + code + "\n" + token).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
