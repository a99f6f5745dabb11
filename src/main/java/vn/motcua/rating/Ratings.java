package vn.motcua.rating;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.LookupSecrets;

/**
 * Takes the citizen's rating of a returned dossier, once (the table's primary key), opened with
 * the lookup secret or the token of the rating link. An unknown code and a wrong secret or token
 * are the same answer (404), as on the lookup.
 */
@Service
class Ratings {

	/** The 766 short form: overall satisfaction and the five service-quality criteria, 1 to 5. */
	static final List<String> CRITERIA = List.of("overall", "access", "procedure", "official", "result", "feedback");

	static final int MAX_COMMENT = 1000;

	/**
	 * A rating as submitted.
	 *
	 * @param feedback the handling of feedback and complaints; optional (not every citizen filed one)
	 */
	record Form(Integer overall, Integer access, Integer procedure, Integer official, Integer result,
			Integer feedback, String comment) {
	}

	private final JdbcClient jdbc;

	private final Dossiers dossiers;

	private final LookupSecrets secrets;

	private final RatingInvitations invitations;

	private final Clock clock;

	Ratings(JdbcClient jdbc, Dossiers dossiers, LookupSecrets secrets, RatingInvitations invitations, Clock reportClock) {
		this.jdbc = jdbc;
		this.dossiers = dossiers;
		this.secrets = secrets;
		this.invitations = invitations;
		this.clock = reportClock;
	}

	/** How the citizen opened the rating. */
	enum Via {
		SECRET, LINK
	}

	/** The dossier the secret or token opens, or a 404. */
	Dossier open(String code, String secret, String token) {
		if (code == null || code.isBlank() || ((secret == null || secret.isBlank()) && (token == null || token.isBlank()))) {
			throw new RatingRefused(HttpStatus.BAD_REQUEST, "rating.error.credentials", "secret");
		}
		boolean opened = secret != null && !secret.isBlank() ? this.secrets.matches(code, secret)
				: this.invitations.matches(code, token);
		if (!opened) {
			throw new RatingRefused(HttpStatus.NOT_FOUND, "rating.error.noMatch", null);
		}
		return this.dossiers.find(code).orElseThrow(() -> new RatingRefused(HttpStatus.NOT_FOUND, "rating.error.noMatch", null));
	}

	boolean rated(String code) {
		return this.jdbc.sql("select count(*) from dossier_rating where dossier_code = ?").param(code)
			.query(Integer.class).single() > 0;
	}

	Optional<Instant> ratedAt(String code) {
		return this.jdbc.sql("select rated_at from dossier_rating where dossier_code = ?")
			.param(code)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	@Transactional
	void rate(String code, String secret, String token, Form form) {
		Dossier dossier = open(code, secret, token);
		validate(form);
		if (dossier.status() != DossierStatus.RETURNED) {
			throw new RatingRefused(HttpStatus.CONFLICT, "rating.error.notReturned", null);
		}
		if (rated(code)) {
			throw new RatingRefused(HttpStatus.CONFLICT, "rating.error.already", null);
		}
		String comment = form.comment() == null || form.comment().isBlank() ? null : form.comment().strip();
		try {
			this.jdbc.sql("""
					insert into dossier_rating (dossier_code, unit_code, procedure_key, procedure_name, overall, access_score,
					  procedure_score, official_score, result_score, feedback_score, comment_text, via, rated_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(code, dossier.receivingUnit(), dossier.procedureKey(), dossier.procedureName(), form.overall(),
						form.access(), form.procedure(), form.official(), form.result(), form.feedback(), comment,
						(secret != null && !secret.isBlank() ? Via.SECRET : Via.LINK).name(),
						Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException concurrentlyRated) {
			throw new RatingRefused(HttpStatus.CONFLICT, "rating.error.already", null);
		}
	}

	static void validate(Form form) {
		score(form.overall(), "overall", true);
		score(form.access(), "access", true);
		score(form.procedure(), "procedure", true);
		score(form.official(), "official", true);
		score(form.result(), "result", true);
		score(form.feedback(), "feedback", false);
		if (form.comment() != null && form.comment().length() > MAX_COMMENT) {
			throw new RatingRefused(HttpStatus.BAD_REQUEST, "rating.error.comment", "comment");
		}
	}

	private static void score(Integer value, String field, boolean required) {
		if (value == null ? required : value < 1 || value > 5) {
			throw new RatingRefused(HttpStatus.BAD_REQUEST, "rating.error." + field, field);
		}
	}

}
