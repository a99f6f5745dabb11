package vn.motcua.deadline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code calendar_year_file}: year files applied by administrators, shared by every node.
 * Uses {@link JdbcTemplate}, so that Spring Boot creates it after the database migrations.
 */
@Repository
class YearFileStore {

	/** One stored year file; {@code uploadedAt} is wall-clock time, compared with directory files. */
	record Stored(int year, String content, String hash, String uploadedBy, Instant uploadedAt) {

		String fileName() {
			return "calendar_year_file/" + this.year + ".yaml";
		}

	}

	private final JdbcTemplate jdbc;

	YearFileStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Stored> all() {
		return this.jdbc.query(
				"select calendar_year, content, content_hash, uploaded_by, uploaded_at from calendar_year_file order by calendar_year",
				(rs, row) -> new Stored(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant()));
	}

	/** Changes whenever a stored file is added or replaced. */
	String fingerprint() {
		StringBuilder sb = new StringBuilder();
		this.jdbc.query("select calendar_year, content_hash, uploaded_at from calendar_year_file order by calendar_year",
				rs -> {
					sb.append(rs.getInt(1)).append('@').append(rs.getString(2)).append('@')
						.append(rs.getTimestamp(3).getTime()).append(';');
				});
		return sb.toString();
	}

	/** Adds or replaces the file of {@code year} (already validated by the caller). */
	void put(int year, String content, String by, Instant at) {
		String hash = sha256(content);
		Timestamp ts = Timestamp.from(at);
		String update = "update calendar_year_file set content = ?, content_hash = ?, uploaded_by = ?, uploaded_at = ? where calendar_year = ?";
		if (this.jdbc.update(update, content, hash, by, ts, year) == 0) {
			try {
				this.jdbc.update(
						"insert into calendar_year_file (calendar_year, content, content_hash, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?)",
						year, content, hash, by, ts);
			}
			catch (DuplicateKeyException concurrent) {
				this.jdbc.update(update, content, hash, by, ts, year);
			}
		}
	}

	private static String sha256(String content) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
