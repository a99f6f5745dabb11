package vn.motcua.calendarfollow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code calendar_version}. */
@Repository
class CalendarVersions {

	static final String PENDING = "PENDING";

	static final String DONE = "DONE";

	/** The first version recorded: nothing to recompute (deadlines were computed with it). */
	static final String BASELINE = "BASELINE";

	private final JdbcClient jdbc;

	CalendarVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Version(long id, long previousId, String hash, String schedules, String summary, Date createdAt,
			String createdBy, String status, String claimedBy, Date leaseUntil, String cursor, int seen, int moved,
			Date finishedAt) {
	}

	Optional<Version> latest() {
		return this.jdbc.sql("select * from calendar_version where id = (select max(id) from calendar_version)")
			.query(CalendarVersions::map)
			.optional();
	}

	Optional<Version> get(long id) {
		return this.jdbc.sql("select * from calendar_version where id = ?").param(id).query(CalendarVersions::map).optional();
	}

	List<Version> recent(int limit) {
		return this.jdbc.sql("select * from calendar_version order by id desc")
			.query(CalendarVersions::map)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/**
	 * Registers the successor of {@code previousId} (0 for the first version); false if another
	 * node registered it first. Runs in its own transaction (a failed insert aborts a PostgreSQL
	 * transaction).
	 */
	boolean insert(long previousId, String hash, String schedules, String summary, Date at, String by, String status) {
		try {
			this.jdbc.sql("""
					insert into calendar_version (previous_id, hash, schedules, summary, created_at, created_by, status)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(previousId, hash, schedules, summary, new Timestamp(at.getTime()), by, status)
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** The oldest version still to recompute. */
	Optional<Version> oldestPending() {
		return this.jdbc.sql("select * from calendar_version where status = ? order by id")
			.param(PENDING)
			.query(CalendarVersions::map)
			.list()
			.stream()
			.findFirst();
	}

	/** Takes the version for this node unless another node holds an unexpired lease. */
	boolean claim(long id, String node, Date now, Date leaseUntil) {
		return this.jdbc.sql("""
				update calendar_version set claimed_by = ?, lease_until = ?
				where id = ? and status = ? and (claimed_by is null or claimed_by = ? or lease_until < ?)""")
			.params(node, new Timestamp(leaseUntil.getTime()), id, PENDING, node, new Timestamp(now.getTime()))
			.update() == 1;
	}

	/** Records a finished batch, if this node still holds the version. */
	boolean advance(long id, String node, String cursor, int seen, int moved, Date leaseUntil) {
		return this.jdbc.sql("""
				update calendar_version set cursor_code = ?, dossiers_seen = dossiers_seen + ?,
				  dossiers_moved = dossiers_moved + ?, lease_until = ?
				where id = ? and claimed_by = ? and status = ?""")
			.params(cursor, seen, moved, new Timestamp(leaseUntil.getTime()), id, node, PENDING)
			.update() == 1;
	}

	boolean finish(long id, String node, Date at) {
		return this.jdbc.sql("""
				update calendar_version set status = ?, finished_at = ?, lease_until = null
				where id = ? and claimed_by = ? and status = ?""")
			.params(DONE, new Timestamp(at.getTime()), id, node, PENDING)
			.update() == 1;
	}

	private static Date date(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : new Date(t.getTime());
	}

	private static Version map(ResultSet rs, int row) throws SQLException {
		return new Version(rs.getLong("id"), rs.getLong("previous_id"), rs.getString("hash"), rs.getString("schedules"),
				rs.getString("summary"), date(rs, "created_at"), rs.getString("created_by"), rs.getString("status"),
				rs.getString("claimed_by"), date(rs, "lease_until"), rs.getString("cursor_code"), rs.getInt("dossiers_seen"),
				rs.getInt("dossiers_moved"), date(rs, "finished_at"));
	}

}
