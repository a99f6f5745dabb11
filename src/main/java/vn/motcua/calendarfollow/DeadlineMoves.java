package vn.motcua.calendarfollow;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code deadline_move}: every deadline a calendar change moved, per dossier. */
@Repository
public class DeadlineMoves {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final JdbcClient jdbc;

	private final MessageSource messages;

	DeadlineMoves(JdbcClient jdbc, MessageSource messageSource) {
		this.jdbc = jdbc;
		this.messages = messageSource;
	}

	/** One moved deadline; {@code deadline} is a {@link Deadline} code. */
	public record Moved(String dossierCode, long versionId, String deadline, String stepName, Date from, Date to,
			Date at, String summary) {
	}

	void insert(String code, long versionId, Move move, Date at) {
		this.jdbc.sql("""
				insert into deadline_move (dossier_code, version_id, deadline, step_name, old_due, new_due, moved_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(code, versionId, move.deadline().code(), move.stepName(), new Timestamp(move.from().getTime()),
					new Timestamp(move.to().getTime()), new Timestamp(at.getTime()))
			.update();
	}

	public List<Moved> ofDossier(String code) {
		return this.jdbc.sql("""
				select m.*, v.summary from deadline_move m join calendar_version v on v.id = m.version_id
				where m.dossier_code = ? order by m.moved_at, m.id""")
			.param(code)
			.query((rs, row) -> new Moved(rs.getString("dossier_code"), rs.getLong("version_id"), rs.getString("deadline"),
					rs.getString("step_name"), rs.getTimestamp("old_due"), rs.getTimestamp("new_due"),
					rs.getTimestamp("moved_at"), rs.getString("summary")))
			.list();
	}

	/** "Hạn bước Thẩm định: 10:00 05/02/2027 → 10:00 08/02/2027 (thay đổi lịch nghỉ số 2: …)". */
	public String describe(Moved m, Locale locale) {
		String what = this.messages.getMessage("calendar-follow.deadline." + m.deadline(),
				new Object[] { m.stepName() == null ? "" : m.stepName() }, m.deadline(), locale);
		return this.messages.getMessage("calendar-follow.moved",
				new Object[] { what, time(m.from()), time(m.to()), m.versionId(), m.summary() == null ? "" : m.summary() },
				locale);
	}

	static String time(Date d) {
		return TIME.format(d.toInstant().atZone(ZONE));
	}

}
