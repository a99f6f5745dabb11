package vn.motcua.procedure;

import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.motcua.intake.Timeliness;

/**
 * {@code ${stepOutcomeGuard}}, complete listener of the step task: the outcome must be one of
 * done / supplement / refuse, a supplement needs its items and is allowed once per agency and
 * dossier, a refusal needs its legal reason. Records who completed the step.
 */
@Component("stepOutcomeGuard")
class StepOutcomeGuard implements TaskListener {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private final SupplementRequests supplements;

	private final DossierIdentity identity;

	StepOutcomeGuard(SupplementRequests supplements, DossierIdentity identity) {
		this.supplements = supplements;
		this.identity = identity;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = StepVariables.string(task, AgencyStepProcess.STEP_OUTCOME);
		if (outcome == null || outcome.isBlank()) {
			throw new StepRuleViolation("Chưa chọn kết quả xử lý (Hoàn thành / Yêu cầu bổ sung / Từ chối).");
		}
		switch (outcome) {
			case AgencyStepProcess.DONE -> {
			}
			case AgencyStepProcess.SUPPLEMENT -> {
				String items = StepVariables.string(task, AgencyStepProcess.SUPPLEMENT_ITEMS);
				if (items == null || items.isBlank()) {
					throw new StepRuleViolation("Yêu cầu bổ sung hồ sơ phải nêu rõ giấy tờ cần bổ sung và lý do (mẫu 02).");
				}
				Handoff handoff = this.identity.handoff(task.getExecution());
				String code = handoff.dossierCode();
				String unit = handoff.toUnit();
				this.supplements.requestedAt(code, unit).ifPresent(at -> {
					throw new StepRuleViolation("Đơn vị đã yêu cầu bổ sung hồ sơ " + code + " một lần (lúc "
							+ DAY.format(at.toInstant().atZone(Timeliness.ZONE))
							+ "). Theo quy định, mỗi cơ quan chỉ được yêu cầu bổ sung hồ sơ một lần.");
				});
			}
			case AgencyStepProcess.REFUSE -> {
				String reason = StepVariables.string(task, AgencyStepProcess.REFUSAL_REASON);
				if (reason == null || reason.isBlank()) {
					throw new StepRuleViolation("Từ chối giải quyết hồ sơ phải nêu rõ lý do theo quy định (mẫu 03).");
				}
			}
			default -> throw new StepRuleViolation("Kết quả xử lý không hợp lệ: '" + outcome + "'.");
		}
		Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		String by = auth != null ? auth.getUserId() : task.getAssignee();
		task.setVariable(AgencyStepProcess.STEP_FINISHED_BY, by);
	}

}
