package vn.motcua.procedure;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;
import vn.motcua.intake.UnknownDossierException;

/**
 * {@code GET /api/dossiers/{code}}: status, appointments, the handoffs (control sheet, form 05),
 * supplement requests, breaches and the apology of a dossier.
 */
@RestController
class DossierStatusController {

	private final Dossiers dossiers;

	private final Handoffs handoffs;

	private final DossierAccess access;

	private final JdbcClient jdbc;

	DossierStatusController(Dossiers dossiers, Handoffs handoffs, DossierAccess access, JdbcClient jdbc) {
		this.dossiers = dossiers;
		this.handoffs = handoffs;
		this.access = access;
		this.jdbc = jdbc;
	}

	@GetMapping("/api/dossiers/{code}")
	ResponseEntity<Map<String, Object>> dossier(@PathVariable String code, Authentication auth) {
		Dossier d = this.dossiers.get(code);
		if (!this.access.mayRead(auth, d)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("message", "Bạn không có quyền xem hồ sơ " + code + "."));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", d.code());
		body.put("procedureKey", d.procedureKey());
		body.put("procedure", d.procedureName());
		body.put("procedureVersion", d.procedureVersion());
		body.put("receivingUnit", d.receivingUnit());
		body.put("applicantName", d.applicantName());
		body.put("channel", d.channel());
		body.put("status", d.status().name());
		body.put("receivedAt", local(d.receivedAt()));
		body.put("originalAppointment", local(d.originalDue()));
		body.put("appointment", local(d.due()));
		body.put("clockPaused", d.clockPaused());
		body.put("finishedAt", local(d.finishedAt()));
		body.put("timeliness", d.timeliness() == null ? null : d.timeliness().name());
		body.put("refusalReason", d.refusalReason());
		body.put("handoffs", this.handoffs.ofDossier(code).stream().map(h -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("step", h.stepName());
			row.put("element", h.stepElement());
			row.put("function", h.function());
			row.put("fromUnit", h.fromUnit());
			row.put("toUnit", h.toUnit());
			row.put("receivedAt", local(h.receivedAt()));
			row.put("dueAt", local(h.dueAt()));
			row.put("allottedWorkingDays", h.allottedDays());
			row.put("finishedAt", local(h.finishedAt()));
			row.put("finishedBy", h.finishedBy());
			row.put("workingDaysUsed", h.workingDaysUsed());
			row.put("outcome", h.outcome());
			row.put("stepOutcome", h.stepOutcome());
			return row;
		}).toList());
		body.put("supplementRequests", this.jdbc
			.sql("select unit_code, requested_at, items, citizen_due, resumed_at from supplement_request where dossier_code = ? order by requested_at")
			.param(code)
			.query((rs, row) -> row(rs))
			.list());
		body.put("breaches", this.jdbc
			.sql("select unit_code, official_user_id, breached_at from deadline_breach where dossier_code = ? order by breached_at")
			.param(code)
			.query((rs, row) -> row(rs))
			.list());
		body.put("apology", this.jdbc
			.sql("""
					select unit_at_fault, reason, old_appointment, new_appointment, issued_at, issued_by, approved_by,
					  approved_at from apology where dossier_code = ?""")
			.param(code)
			.query((rs, row) -> row(rs))
			.optional()
			.orElse(null));
		body.put("apologyDrafts", this.jdbc
			.sql("""
					select unit_at_fault, reason, new_appointment, drafted_at, drafted_by, decision, decided_at, decided_by,
					  decision_note from apology_draft where dossier_code = ? order by id""")
			.param(code)
			.query((rs, row) -> row(rs))
			.list());
		body.put("stop", this.jdbc
			.sql("select requested_on, reason, stopped_by, stopped_at from dossier_stop where dossier_code = ?")
			.param(code)
			.query((rs, row) -> row(rs))
			.optional()
			.orElse(null));
		return ResponseEntity.ok(body);
	}

	/** A row with camelCase keys and local date-times. */
	private static Map<String, Object> row(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, Object> row = new LinkedHashMap<>();
		var meta = rs.getMetaData();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			String[] parts = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT).split("_");
			StringBuilder key = new StringBuilder(parts[0]);
			for (int p = 1; p < parts.length; p++) {
				key.append(Character.toUpperCase(parts[p].charAt(0))).append(parts[p].substring(1));
			}
			Object value = rs.getObject(i);
			row.put(key.toString(), value instanceof java.sql.Timestamp t ? local(new Date(t.getTime()))
					: value instanceof java.sql.Date day ? day.toLocalDate().toString() : value);
		}
		return row;
	}

	private static String local(Date date) {
		return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), Timeliness.ZONE).toString();
	}

}
