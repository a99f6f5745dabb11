package vn.motcua.reports;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.DossierChanged;
import vn.motcua.intake.Timeliness;
import vn.motcua.procedure.HandoffChanged;

/**
 * Dossiers that live through their whole life one change at a time, each change in its own
 * transaction publishing the same events as the procedure engine: received (around period
 * boundaries, before and after the Tết holidays of 2026), handed off to agencies, clocks moved,
 * steps finished early, on time or late, dossiers returned, refused or left open.
 */
final class ReportTestData {

	static final String[] DESKS = { "xa-an-binh", "xa-hoa-phu", "phuong-tan-an", "xa-my-loc", "ttpvhcc-tinh" };

	static final String[] AGENCIES = { "so-tu-phap", "ca-xa-an-binh", "cn-vpdkdd-bac-son", "thue-tinh",
			"huyen-nam-son" };

	static final String[] PROCEDURES = { "birth-registration", "land-first-registration", "residence-registration" };

	static final String[] CHANNELS = { "online", "in-person", "postal" };

	static final String[] OFFICIALS = { "so-tu-phap.officer", "ca-xa-an-binh.officer", "thue-tinh.officer" };

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final LegalCalendar calendar;

	private final Random random;

	private int sequence;

	ReportTestData(JdbcTemplate jdbc, TransactionTemplate tx, ApplicationEventPublisher events, LegalCalendar calendar,
			long seed) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
		this.calendar = calendar;
		this.random = new Random(seed);
	}

	static Date at(LocalDateTime local) {
		return Date.from(local.atZone(Period.ZONE).toInstant());
	}

	/** {@code count} dossiers received between {@code from} and {@code now}, everything finished before {@code now}. */
	List<String> generate(int count, LocalDate from, LocalDateTime now) {
		List<String> codes = new ArrayList<>();
		long span = java.time.Duration.between(from.atStartOfDay(), now).toMinutes();
		for (int i = 0; i < count; i++) {
			LocalDateTime received;
			int pick = this.random.nextInt(10);
			if (pick == 0) {
				// exactly at a month start, or one minute before it
				LocalDate month = from.plusMonths(this.random.nextInt(5) + 1).withDayOfMonth(1);
				received = this.random.nextBoolean() ? month.atStartOfDay() : month.atStartOfDay().minusMinutes(1);
			}
			else if (pick == 1) {
				// just before Tết 2026 (14–22/02)
				received = LocalDateTime.of(2026, 2, 12 + this.random.nextInt(2), 8 + this.random.nextInt(9), 0);
			}
			else {
				received = from.atStartOfDay().plusMinutes((long) (this.random.nextDouble() * span));
			}
			if (received.isAfter(now.minusHours(1))) {
				received = now.minusHours(1);
			}
			codes.add(live(received, now));
		}
		return codes;
	}

	private String live(LocalDateTime receivedLocal, LocalDateTime now) {
		String code = "T-" + (++this.sequence);
		String desk = DESKS[this.random.nextInt(DESKS.length)];
		String procedure = PROCEDURES[this.random.nextInt(PROCEDURES.length)];
		String channel = CHANNELS[this.random.nextInt(CHANNELS.length)];
		Date received = at(receivedLocal);
		double days = 1 + this.random.nextInt(10);
		Date due = this.calendar.dueFrom(received, days);
		Date nowDate = at(now);
		inTx(() -> {
			this.jdbc.update("""
					insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit,
					  applicant_name, channel, legal_working_days, received_at, original_due, legal_due, due_at, status)
					values (?, ?, ?, 1, ?, 'Nguyễn Văn A', ?, ?, ?, ?, ?, ?, 'IN_PROGRESS')""", code, procedure,
					"Thủ tục " + procedure, desk, channel, days, ts(received), ts(due), ts(due), ts(due));
			this.events.publishEvent(new DossierChanged(code));
		});
		// one to three steps at other agencies
		Date cursor = received;
		int steps = 1 + this.random.nextInt(3);
		for (int s = 0; s < steps; s++) {
			String agency = AGENCIES[this.random.nextInt(AGENCIES.length)];
			Date stepDue = this.calendar.dueFrom(cursor, Math.max(0.5, Math.round(days / 3 * 4) / 4.0));
			Date sent = cursor;
			long id = inTx(() -> {
				this.jdbc.update("""
						insert into handoff (dossier_code, step_instance_id, step_name, function_code, from_unit, to_unit,
						  sent_at, received_at, due_at, allotted_days)
						values (?, ?, 'Thẩm định', 'f', ?, ?, ?, ?, ?, 1)""", code, code + "-" + sent.getTime(), desk,
						agency, ts(sent), ts(sent), ts(stepDue));
				long key = this.jdbc.queryForObject("select max(id) from handoff where dossier_code = ?", Long.class,
						code);
				this.events.publishEvent(new HandoffChanged(key));
				return key;
			});
			Date finished = new Date(sent.getTime() + (long) (this.random.nextDouble() * 1.4
					* (stepDue.getTime() - sent.getTime() + 3_600_000L)));
			if (!finished.before(nowDate) || this.random.nextInt(12) == 0) {
				break; // step still open
			}
			String official = this.random.nextInt(4) == 0 ? OFFICIALS[this.random.nextInt(OFFICIALS.length)]
					: agency + ".officer";
			Timeliness outcome = Timeliness.of(finished, stepDue);
			inTx(() -> {
				this.jdbc.update("update handoff set finished_at = ?, finished_by = ?, outcome = ? where id = ?",
						ts(finished), official, outcome.name(), id);
				this.events.publishEvent(new HandoffChanged(id));
				if (outcome == Timeliness.LATE && this.random.nextBoolean()) {
					this.jdbc.update("""
							insert into deadline_breach (dossier_code, handoff_id, unit_code, official_user_id, breached_at)
							values (?, ?, ?, ?, ?)""", code, id, agency, official, ts(stepDue));
					this.events.publishEvent(new DossierChanged(code));
				}
			});
			cursor = finished;
		}
		// the clock stops and restarts once in a while: the legal due moves
		Date legalDue = due;
		if (this.random.nextInt(6) == 0) {
			Date moved = this.calendar.dueFrom(due, 1 + this.random.nextInt(3));
			legalDue = moved;
			inTx(() -> {
				this.jdbc.update("update dossier set legal_due = ?, due_at = ? where code = ?", ts(moved), ts(moved), code);
				this.events.publishEvent(new DossierChanged(code));
			});
		}
		int fate = this.random.nextInt(20);
		Date end = new Date(cursor.getTime() + (long) (this.random.nextDouble() * 1.3
				* Math.max(3_600_000L, legalDue.getTime() - cursor.getTime())));
		if (fate == 0) {
			// refused
			Date at = end.before(nowDate) ? end : new Date(nowDate.getTime() - 60_000);
			inTx(() -> {
				this.jdbc.update("update dossier set status = 'REFUSED', finished_at = ?, refusal_reason = 'x' where code = ?",
						ts(at), code);
				this.events.publishEvent(new DossierChanged(code));
			});
		}
		else if (fate == 3) {
			// stopped at the applicant's request (form 05)
			Date at = end.before(nowDate) ? end : new Date(nowDate.getTime() - 60_000);
			inTx(() -> {
				this.jdbc.update("update dossier set status = 'STOPPED', finished_at = ? where code = ?", ts(at), code);
				this.events.publishEvent(new DossierChanged(code));
			});
		}
		else if (fate <= 2 || !end.before(nowDate)) {
			// still open (overdue or not)
		}
		else {
			Date finalDue = legalDue;
			if (this.random.nextInt(8) == 0) {
				// returned exactly on the due instant, or on the due day before it
				end = this.random.nextBoolean() ? finalDue
						: at(LocalDateTime.of(Period.day(ts(finalDue)), LocalTime.of(7, 30)));
				if (end.before(cursor)) {
					end = finalDue;
				}
				if (!end.before(nowDate)) {
					return code;
				}
			}
			Date returned = end;
			inTx(() -> {
				this.jdbc.update("update dossier set status = 'RETURNED', finished_at = ?, timeliness = ? where code = ?",
						ts(returned), Timeliness.of(returned, finalDue).name(), code);
				this.events.publishEvent(new DossierChanged(code));
			});
		}
		return code;
	}

	private void inTx(Runnable work) {
		this.tx.executeWithoutResult(status -> work.run());
	}

	private <T> T inTx(java.util.function.Supplier<T> work) {
		return this.tx.execute(status -> work.get());
	}

	static Timestamp ts(Date date) {
		return new Timestamp(date.getTime());
	}

}
