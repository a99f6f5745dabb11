package vn.motcua.escalation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.procedure.DossierAccess;
import vn.motcua.procedure.DossierClock;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.ProcedureElements;

/**
 * {@code POST /api/dossiers/{code}/apology} with {@code {"reason": "...", "newAppointment":
 * "2026-03-02T17:00"}}: the unit at fault drafts form 04 ahead of the apology timer, at least one
 * working day before the appointment. The draft goes through the procedure's own apology path (the
 * timer fires now, the draft task is completed as the caller), so the head of the agency approves it
 * in Tasklist and only then does the appointment move. Answer 202 with the draft.
 */
@RestController
class ApologyController {

	private final Apologies apologies;

	private final Dossiers dossiers;

	private final DossierAccess access;

	private final DossierDeadlines deadlines;

	private final ManagementService management;

	private final TaskService tasks;

	private final IdentityService identity;

	ApologyController(Apologies apologies, Dossiers dossiers, DossierAccess access, DossierDeadlines dossierDeadlines,
			ManagementService management, TaskService tasks, IdentityService identity) {
		this.apologies = apologies;
		this.dossiers = dossiers;
		this.access = access;
		this.deadlines = dossierDeadlines;
		this.management = management;
		this.tasks = tasks;
		this.identity = identity;
	}

	record ApologyRequest(String reason, String newAppointment) {
	}

	@PostMapping("/api/dossiers/{code}/apology")
	@Transactional
	ResponseEntity<Map<String, Object>> apologise(@PathVariable String code, @RequestBody ApologyRequest request,
			Authentication auth) {
		Dossier before = this.dossiers.get(code);
		if (!this.access.handledBy(auth, before)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("message", "Chỉ cán bộ các đơn vị giải quyết hồ sơ " + code + " mới được lập văn bản xin lỗi."));
		}
		java.util.Date newAppointment = Apologies.parse(request.newAppointment());
		this.apologies.check(code, request.reason(), newAppointment, true);
		if (this.apologies.pending(code).isPresent()) {
			throw new ApologyRefused("Hồ sơ " + code
					+ " đã có văn bản xin lỗi, đề nghị gia hạn đang chờ thủ trưởng cơ quan duyệt.", true);
		}
		Task draft = draftTask(before);
		if (draft == null) {
			Job timer = this.management.createJobQuery()
				.processInstanceId(before.processInstanceId())
				.activityId(DossierClock.APOLOGY_TIMER)
				.timers()
				.singleResult();
			if (timer == null) {
				throw new ApologyRefused("Hồ sơ " + code + " không còn bước nào để lập văn bản xin lỗi.", true);
			}
			this.management.executeJob(timer.getId());
			draft = draftTask(before);
		}
		String unit = this.deadlines.unitAtFault(code, before.receivingUnit());
		var previous = this.identity.getCurrentAuthentication();
		this.identity.setAuthentication(auth.getName(), groups(auth));
		try {
			Map<String, Object> variables = new HashMap<>();
			variables.put(DossierVariables.APOLOGY_REASON, request.reason());
			variables.put(DossierVariables.NEW_APPOINTMENT, request.newAppointment());
			this.tasks.complete(draft.getId(), variables);
		}
		finally {
			this.identity.setAuthentication(previous);
		}
		Apologies.Draft recorded = this.apologies.pending(code).orElseThrow();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("unitAtFault", recorded.unitAtFault());
		body.put("status", "pending-approval");
		body.put("oldAppointment", Apologies.format(before.due()));
		body.put("newAppointment", Apologies.format(recorded.newAppointment()));
		body.put("message", "Đã trình thủ trưởng cơ quan duyệt văn bản xin lỗi, đề nghị gia hạn; ngày hẹn trả chỉ thay đổi khi được duyệt.");
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
	}

	private Task draftTask(Dossier dossier) {
		return this.tasks.createTaskQuery()
			.processInstanceId(dossier.processInstanceId())
			.taskDefinitionKey(ProcedureElements.ISSUE_APOLOGY)
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static List<String> groups(Authentication auth) {
		List<String> groups = new ArrayList<>();
		for (GrantedAuthority authority : auth.getAuthorities()) {
			if (authority.getAuthority().startsWith("GROUP_")) {
				groups.add(authority.getAuthority().substring("GROUP_".length()));
			}
		}
		return groups;
	}

}
