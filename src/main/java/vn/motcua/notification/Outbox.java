package vn.motcua.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code notification} and {@code notification_attempt}. {@link #append} runs in the
 * caller's transaction (the dossier change); everything else is the sender's, one short
 * auto-committed statement at a time, never in an engine transaction.
 */
@Repository
class Outbox {

	/** A notification as stored. */
	record Row(long id, String idempotencyKey, String dossierCode, NotificationEvent event, ChannelKind channel,
			String recipient, String subject, String body, NotificationStatus status, int attempts, Instant createdAt,
			Instant nextAttemptAt, Instant sentAt, String lastError) {
	}

	/** One delivery attempt. */
	record Attempt(long id, long notificationId, int attemptNo, String node, Instant startedAt, Instant finishedAt,
			String outcome, String detail) {
	}

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Appends a pending notification with a new idempotency key; answers the key. */
	String append(String dossierCode, NotificationEvent event, ChannelKind channel, String recipient, String subject,
			String body, Instant now) {
		String key = "ntf-" + UUID.randomUUID();
		this.jdbc.sql("""
				insert into notification (idempotency_key, dossier_code, event, channel, recipient, subject, body, status,
				  attempts, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(key, dossierCode, event.name(), channel.name(), recipient, subject, body,
					NotificationStatus.PENDING.name(), ts(now), ts(now))
			.update();
		return key;
	}

	/**
	 * Claims up to {@code limit} due pending notifications of these channels for {@code node} until
	 * {@code leaseUntil}: one conditional update per row, so that of several nodes exactly one wins
	 * a row. A lease left by a node that stopped expires and the row is due again.
	 */
	List<Row> claim(String node, Instant now, Instant leaseUntil, List<ChannelKind> channels, int limit) {
		if (channels.isEmpty()) {
			return List.of();
		}
		List<Long> candidates = this.jdbc.sql("""
				select id from notification where status = :pending and next_attempt_at <= :now and channel in (:channels)
				  and (lease_until is null or lease_until <= :now) order by next_attempt_at, id limit :limit""")
			.param("pending", NotificationStatus.PENDING.name())
			.param("now", ts(now))
			.param("channels", channels.stream().map(Enum::name).toList())
			.param("limit", limit)
			.query(Long.class)
			.list();
		List<Row> claimed = new ArrayList<>();
		for (Long id : candidates) {
			int won;
			try {
				won = this.jdbc.sql("""
						update notification set lease_owner = ?, lease_until = ? where id = ? and status = ?
						  and (lease_until is null or lease_until <= ?)""")
					.params(node, ts(leaseUntil), id, NotificationStatus.PENDING.name(), ts(now))
					.update();
			}
			catch (DataAccessException lockedTooLong) {
				// another node holds the row: it is theirs this time
				won = 0;
			}
			if (won == 1) {
				find(id).ifPresent(claimed::add);
			}
		}
		return claimed;
	}

	/** Records the start of an attempt (before the channel is called); answers its id and number. */
	Attempt startAttempt(long notificationId, String node, Instant now) {
		int no = this.jdbc.sql("select count(*) from notification_attempt where notification_id = ?")
			.param(notificationId)
			.query(Integer.class)
			.single() + 1;
		this.jdbc.sql("""
				insert into notification_attempt (notification_id, attempt_no, node, started_at) values (?, ?, ?, ?)""")
			.params(notificationId, no, node, ts(now))
			.update();
		long id = this.jdbc.sql("select id from notification_attempt where notification_id = ? and attempt_no = ?")
			.params(notificationId, no)
			.query(Long.class)
			.single();
		return new Attempt(id, notificationId, no, node, now, null, null, null);
	}

	void sent(Row row, Attempt attempt, String node, Instant now) {
		finish(attempt, "SENT", null, now);
		this.jdbc.sql("""
				update notification set status = ?, attempts = attempts + 1, sent_at = ?, lease_owner = null,
				  lease_until = null, last_error = null where id = ? and lease_owner = ?""")
			.params(NotificationStatus.SENT.name(), ts(now), row.id(), node)
			.update();
	}

	/** A failed attempt: due again at {@code next}, or dead-lettered when {@code next} is null. */
	void failed(Row row, Attempt attempt, String node, Instant now, String detail, Instant next) {
		String shortened = detail == null ? null : detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
		finish(attempt, "FAILED", shortened, now);
		this.jdbc.sql("""
				update notification set status = ?, attempts = attempts + 1, next_attempt_at = ?, lease_owner = null,
				  lease_until = null, last_error = ? where id = ? and lease_owner = ?""")
			.params(next == null ? NotificationStatus.DEAD.name() : NotificationStatus.PENDING.name(),
					ts(next == null ? now : next), shortened, row.id(), node)
			.update();
	}

	private void finish(Attempt attempt, String outcome, String detail, Instant now) {
		this.jdbc.sql("update notification_attempt set finished_at = ?, outcome = ?, detail = ? where id = ?")
			.params(ts(now), outcome, detail, attempt.id())
			.update();
	}

	/** A dead letter back to pending, due now, with a fresh allowance of attempts; false if it was not dead. */
	boolean retry(long id, Instant now) {
		return this.jdbc.sql("""
				update notification set status = ?, attempts = 0, next_attempt_at = ?, lease_owner = null,
				  lease_until = null where id = ? and status = ?""")
			.params(NotificationStatus.PENDING.name(), ts(now), id, NotificationStatus.DEAD.name())
			.update() == 1;
	}

	Optional<Row> find(long id) {
		return this.jdbc.sql("select * from notification where id = ?").param(id).query(Outbox::map).optional();
	}

	List<Row> ofDossier(String code) {
		return this.jdbc.sql("select * from notification where dossier_code = ? order by created_at, id")
			.param(code)
			.query(Outbox::map)
			.list();
	}

	/** The newest notifications matching the filters (each optional), at most {@code limit}. */
	List<Row> search(String dossierCode, NotificationStatus status, ChannelKind channel, int limit) {
		StringBuilder sql = new StringBuilder("select * from notification where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (dossierCode != null && !dossierCode.isBlank()) {
			sql.append(" and dossier_code = :code");
			params.put("code", dossierCode.strip());
		}
		if (status != null) {
			sql.append(" and status = :status");
			params.put("status", status.name());
		}
		if (channel != null) {
			sql.append(" and channel = :channel");
			params.put("channel", channel.name());
		}
		sql.append(" order by created_at desc, id desc limit ").append(limit);
		return this.jdbc.sql(sql.toString()).params(params).query(Outbox::map).list();
	}

	List<Attempt> attempts(long notificationId) {
		return this.jdbc.sql("select * from notification_attempt where notification_id = ? order by attempt_no")
			.param(notificationId)
			.query((rs, n) -> new Attempt(rs.getLong("id"), rs.getLong("notification_id"), rs.getInt("attempt_no"),
					rs.getString("node"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("outcome"),
					rs.getString("detail")))
			.list();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("dossier_code"),
				NotificationEvent.valueOf(rs.getString("event")), ChannelKind.valueOf(rs.getString("channel")),
				rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
				NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "created_at"),
				instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error"));
	}

}
