package vn.motcua.procedure;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;

/**
 * The dossier clock. Stopping it (supplement requested, tax notice and payment) stores the office
 * time left until the appointment and moves the apology timer out of reach; restarting it when the last
 * pause ends moves the appointment to exactly that office time counted from the restart, and the
 * apology timer to one working day before it. Pauses are recorded in {@code dossier_pause}.
 */
@Component
public class DossierClock {

	private static final Logger log = LoggerFactory.getLogger(DossierClock.class);

	/** Element id of the apology timer in every procedure. */
	public static final String APOLOGY_TIMER = "StartEvent_ApologyDue";

	/**
	 * Due date of the apology timer while the clock is stopped (a suspended timer means the
	 * dossier was already rescheduled and is left alone).
	 */
	public static final Date STOPPED = Date.from(java.time.Instant.parse("9999-12-31T00:00:00Z"));

	/** Reasons of the pauses for a supplement start with this. */
	static final String SUPPLEMENT_PREFIX = "Bổ sung hồ sơ";

	private final Dossiers dossiers;

	private final LegalCalendar calendar;

	private final JdbcClient jdbc;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final TransactionTemplate separate;

	DossierClock(Dossiers dossiers, LegalCalendar legalCalendar, JdbcClient jdbc, RuntimeService runtime,
			ManagementService management, PlatformTransactionManager transactions) {
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.dossiers = dossiers;
		this.calendar = legalCalendar;
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.management = management;
	}

	public void pause(String code, String reason, Date at) {
		Dossier dossier = this.dossiers.get(code);
		Duration left = positive(this.calendar.officeTimeBetween(at, dossier.due()));
		this.jdbc.sql("insert into dossier_pause (dossier_code, reason, paused_at, office_time_left_ms) values (?, ?, ?, ?)")
			.params(code, reason, new Timestamp(at.getTime()), left.toMillis())
			.update();
		if (!dossier.clockPaused()) {
			this.dossiers.pauseClock(code, at, left);
			moveApologyTimer(dossier.processInstanceId(), STOPPED);
			log.info("Dossier {}: clock stopped ({}), {} of office time left", code, reason, left);
		}
	}

	/**
	 * Ends the open pause with this reason (without a reason: the open pauses other than
	 * supplements); when no other pause is open, restarts the clock.
	 * @return the appointment in force afterwards
	 */
	public Date resume(String code, String reason, Date at) {
		int closed = reason == null ? 0 : this.jdbc
			.sql("update dossier_pause set resumed_at = ? where dossier_code = ? and reason = ? and resumed_at is null")
			.params(new Timestamp(at.getTime()), code, reason)
			.update();
		if (closed == 0) {
			// no reason given (or another wording): end the open pauses that are not supplements
			this.jdbc.sql("""
					update dossier_pause set resumed_at = ?
					where dossier_code = ? and resumed_at is null and reason not like ?""")
				.params(new Timestamp(at.getTime()), code, SUPPLEMENT_PREFIX + "%")
				.update();
		}
		Dossier dossier = this.dossiers.get(code);
		long stillOpen = this.jdbc.sql("select count(*) from dossier_pause where dossier_code = ? and resumed_at is null")
			.param(code)
			.query(Long.class)
			.single();
		if (!dossier.clockPaused() || stillOpen > 0) {
			return dossier.due();
		}
		Date due = this.calendar.resume(at, dossier.officeTimeLeft());
		Duration legalLeft = positive(this.calendar.officeTimeBetween(dossier.pausedAt(), dossier.legalDue()));
		Date legalDue = this.calendar.resume(at, legalLeft);
		this.dossiers.resumeClock(code, due, legalDue);
		Date apologyAt = this.calendar.before(due, 1);
		this.runtime.setVariable(dossier.processInstanceId(), DossierVariables.DOSSIER_DUE, due);
		this.runtime.setVariable(dossier.processInstanceId(), DossierVariables.APOLOGY_AT, apologyAt);
		moveApologyTimer(dossier.processInstanceId(), apologyAt);
		log.info("Dossier {}: clock restarted, appointment moved from {} to {}", code, dossier.due(), due);
		return due;
	}

	/**
	 * Moves the apology timer of the dossier's instance, unless it is suspended (the dossier was
	 * rescheduled). The model creates the timer at {@code ${apologyAt}} when the dossier's handling
	 * starts; the clock moves it when it stops and restarts, as the calendar follow-up does when the
	 * calendar changes. A timer created in the running transaction (the clock stopped right where
	 * the handling starts) is not visible to a query yet: it is moved once that transaction has
	 * committed, in a transaction of its own.
	 */
	public void moveApologyTimer(String processInstanceId, Date due) {
		if (move(processInstanceId, due) || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				DossierClock.this.separate.executeWithoutResult(status -> move(processInstanceId, due));
			}

		});
	}

	private boolean move(String processInstanceId, Date due) {
		Job job = this.management.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(APOLOGY_TIMER)
			.timers()
			.singleResult();
		if (job != null && !job.isSuspended()) {
			this.management.setJobDuedate(job.getId(), due);
		}
		return job != null;
	}

	private static Duration positive(Duration d) {
		return d.isNegative() ? Duration.ZERO : d;
	}

}
