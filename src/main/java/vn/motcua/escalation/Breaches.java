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

	List<Map<String, Object>> ofDossier(String dossierCode) {
		return this.jdbc.sql("select * from deadline_breach where dossier_code = ? order by breached_at")
			.param(dossierCode)
			.query()
			.listOfRows();
	}

}
