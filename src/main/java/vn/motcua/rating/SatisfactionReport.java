package vn.motcua.rating;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * The "Mức độ hài lòng" figures (Decision 766): ratings per receiving unit or per procedure, in a
 * period of rating dates, within the units the user may see (the rule of the performance
 * reports: auditors and administrators the province, a supervisor the subtrees of their units).
 */
@Component
class SatisfactionReport {

	/** How the rows are grouped. */
	enum By {
		UNIT, PROCEDURE
	}

	/**
	 * A row: the number of ratings, the average of each criterion (null when none), the share of
	 * ratings whose overall satisfaction is 4 or 5.
	 */
	record Row(String key, String label, long ratings, Double overall, Double access, Double procedure,
			Double official, Double result, Double feedback, Double satisfiedShare) {
	}

	/** A rating of the drill-down. */
	record Line(String code, String procedureName, String unitName, LocalDateTime ratedAt, int overall, int access,
			int procedure, int official, int result, Integer feedback, String comment) {
	}

	private final JdbcClient jdbc;

	private final Organisation organisation;

	SatisfactionReport(JdbcClient jdbc, Organisation organisation) {
		this.jdbc = jdbc;
		this.organisation = organisation;
	}

	/** Unit codes the user may see; null means every unit. */
	Set<String> visibleUnits(Authentication authentication) {
		if (authentication == null) {
			throw new AccessDeniedException("not authenticated");
		}
		Set<String> authorities = new TreeSet<>();
		authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(authorities::add);
		if (authorities.contains("ROLE_ADMIN") || authorities.contains("ROLE_AUDITOR")) {
			return null;
		}
		Set<String> units = new TreeSet<>();
		for (String authority : authorities) {
			if (authority.startsWith("GROUP_") && authority.endsWith("-supervisors")) {
				String unit = authority.substring("GROUP_".length(), authority.length() - "-supervisors".length());
				this.organisation.find(unit).ifPresent(u -> units.addAll(this.organisation.subtree(u.code())));
			}
		}
		if (units.isEmpty()) {
			throw new AccessDeniedException("reports are for auditors, supervisors and administrators");
		}
		return units;
	}

	List<Row> rows(By by, Instant from, Instant to, Set<String> units) {
		String key = by == By.UNIT ? "unit_code" : "procedure_key";
		Map<String, Object> params = new HashMap<>();
		String where = where(from, to, units, null, null, params);
		List<Row> rows = new ArrayList<>(this.jdbc.sql("select " + key + " k, max(procedure_name) pname, count(*) n,"
				+ " avg(cast(overall as double precision)) o, avg(cast(access_score as double precision)) a,"
				+ " avg(cast(procedure_score as double precision)) p, avg(cast(official_score as double precision)) c,"
				+ " avg(cast(result_score as double precision)) r, avg(cast(feedback_score as double precision)) f,"
				+ " sum(case when overall >= 4 then 1 else 0 end) s from dossier_rating" + where + " group by " + key)
			.params(params)
			.query((rs, n) -> {
				String k = rs.getString("k");
				long count = rs.getLong("n");
				String label = by == By.UNIT ? this.organisation.find(k).map(Unit::name).orElse(k) : rs.getString("pname");
				return new Row(k, label, count, avg(rs, "o"), avg(rs, "a"), avg(rs, "p"), avg(rs, "c"), avg(rs, "r"),
						avg(rs, "f"), count == 0 ? null : rs.getLong("s") / (double) count);
			})
			.list());
		rows.sort(Comparator.comparing(Row::label));
		return rows;
	}

	/** Every rating of the period and units, or of one unit or procedure among them. */
	Row total(Instant from, Instant to, Set<String> units) {
		Map<String, Object> params = new HashMap<>();
		String where = where(from, to, units, null, null, params);
		return this.jdbc.sql("select count(*) n, avg(cast(overall as double precision)) o,"
				+ " avg(cast(access_score as double precision)) a, avg(cast(procedure_score as double precision)) p,"
				+ " avg(cast(official_score as double precision)) c, avg(cast(result_score as double precision)) r,"
				+ " avg(cast(feedback_score as double precision)) f, sum(case when overall >= 4 then 1 else 0 end) s"
				+ " from dossier_rating" + where)
			.params(params)
			.query((rs, n) -> {
				long count = rs.getLong("n");
				return new Row(null, null, count, avg(rs, "o"), avg(rs, "a"), avg(rs, "p"), avg(rs, "c"), avg(rs, "r"),
						avg(rs, "f"), count == 0 ? null : rs.getLong("s") / (double) count);
			})
			.single();
	}

	List<Line> lines(Instant from, Instant to, Set<String> units, String unit, String procedure) {
		Map<String, Object> params = new HashMap<>();
		String where = where(from, to, units, unit, procedure, params);
		return this.jdbc.sql("select * from dossier_rating" + where + " order by rated_at desc, dossier_code limit 1000")
			.params(params)
			.query((rs, n) -> {
				int feedback = rs.getInt("feedback_score");
				boolean noFeedback = rs.wasNull();
				String u = rs.getString("unit_code");
				return new Line(rs.getString("dossier_code"), rs.getString("procedure_name"),
						this.organisation.find(u).map(Unit::name).orElse(u),
						LocalDateTime.ofInstant(rs.getTimestamp("rated_at").toInstant(), RatingTexts.ZONE),
						rs.getInt("overall"), rs.getInt("access_score"), rs.getInt("procedure_score"),
						rs.getInt("official_score"), rs.getInt("result_score"), noFeedback ? null : feedback,
						rs.getString("comment_text"));
			})
			.list();
	}

	private static String where(Instant from, Instant to, Set<String> units, String unit, String procedure,
			Map<String, Object> params) {
		StringBuilder sql = new StringBuilder(" where rated_at >= :from and rated_at < :to");
		params.put("from", Timestamp.from(from));
		params.put("to", Timestamp.from(to));
		if (units != null) {
			if (units.isEmpty()) {
				sql.append(" and 1 = 0");
			}
			else {
				sql.append(" and unit_code in (:units)");
				params.put("units", List.copyOf(units));
			}
		}
		if (unit != null) {
			sql.append(" and unit_code = :unit");
			params.put("unit", unit);
		}
		if (procedure != null) {
			sql.append(" and procedure_key = :procedure");
			params.put("procedure", procedure);
		}
		return sql.toString();
	}

	private static Double avg(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

}
