package vn.motcua.escalation;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.motcua.intake.DossierChanged;

/** The table {@code deadline_breach}. */
@Repository
class Breaches {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Breaches(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	long insert(String dossierCode, long handoffId, String unit, String official, Date at) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into deadline_breach (dossier_code, handoff_id, unit_code, official_user_id, breached_at)
				values (?, ?, ?, ?, ?)""")
			.params(dossierCode, handoffId, unit, official, new Timestamp(at.getTime()))
			.update(keys, "id");
		this.events.publishEvent(new DossierChanged(dossierCode));
		return keys.getKey().longValue();
	}

	void escalated(long id, String taskId) {
		this.jdbc.sql("update deadline_breach set escalation_task_id = ? where id = ?").params(taskId, id).update();
	}

	/**
	 * What the supervisors wrote into the escalation task: the cause of the delay and the remedy.
	 * Each text is kept up to the column's 4,000 characters.
	 */
	void resolved(long id, String cause, String remedy, Date at, String by) {
		this.jdbc.sql("update deadline_breach set cause = ?, remedy = ?, resolved_at = ?, resolved_by = ? where id = ?")
			.params(clip(cause), clip(remedy), new Timestamp(at.getTime()), by, id)
			.update();
	}

	/** The breaches of these steps (handoff ids), latest first per step. */
	List<Map<String, Object>> ofHandoffs(List<Long> handoffIds) {
		if (handoffIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select * from deadline_breach where handoff_id in (:ids) order by breached_at desc")
			.param("ids", handoffIds)
			.query()
			.listOfRows();
	}

	private static String clip(String text) {
		if (text == null) {
			return null;
		}
		String stripped = text.strip();
		return stripped.length() <= 4000 ? stripped : stripped.substring(0, 4000);
	}

	List<Map<String, Object>> ofDossier(String dossierCode) {
		return this.jdbc.sql("select * from deadline_breach where dossier_code = ? order by breached_at")
			.param(dossierCode)
			.query()
			.listOfRows();
	}

}
