package vn.motcua.procedure;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;

/**
 * {@code ${refuseDossierDelegate}}: the dossier is refused (form 03) with {@code refusalReason}
 * (an input parameter when the citizen did not supplement in time); the open handoff is finished.
 * The model then ends with the error {@code DOSSIER_REFUSED}. When the procedure's boundary event
 * does not end the dossier (a refused optional branch), only the reason is recorded: the dossier
 * stays open and the other results are returned with the refusal.
 */
@Component("refuseDossierDelegate")
class RefuseDossierDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RefuseDossierDelegate.class);

	private final Dossiers dossiers;

	private final Handoffs handoffs;

	private final DossierIdentity identity;

	private final LegalCalendar calendar;

	RefuseDossierDelegate(Dossiers dossiers, Handoffs handoffs, DossierIdentity identity, LegalCalendar legalCalendar) {
		this.dossiers = dossiers;
		this.handoffs = handoffs;
		this.identity = identity;
		this.calendar = legalCalendar;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = StepVariables.required(execution, DossierVariables.REFUSAL_REASON);
		Date now = ClockUtil.getCurrentTime();
		Handoff handoff = this.identity.handoff(execution);
		String code = handoff.dossierCode();
		if (handoff.open()) {
			this.handoffs.finish(handoff.id(), now, StepVariables.string(execution, AgencyStepProcess.STEP_FINISHED_BY),
					Math.max(0, this.calendar.workingDaysBetween(handoff.receivedAt(), now)
							- handoff.pausedWorkingDays().doubleValue()),
					Timeliness.of(now, handoff.dueAt()).name(), AgencyStepProcess.REFUSE);
		}
		if (refusalEndsDossier(execution)) {
			this.dossiers.refuse(code, reason, now);
			log.info("Dossier {} refused by {}: {}", code, handoff.toUnit(), reason);
		}
		else {
			this.dossiers.refusePart(code, reason);
			// the desk hands the refusal (form 03) over with the other results
			DossierIdentity.root(execution).setVariable(DossierVariables.REFUSAL_REASON, reason);
			log.info("Dossier {}: step '{}' refused by {}, the other procedures go on: {}", code, handoff.stepName(),
					handoff.toUnit(), reason);
		}
		execution.setVariable(DossierVariables.REFUSAL_REASON, reason);
	}

	/**
	 * Whether the procedure ends on this refusal: the error boundary event {@code DOSSIER_REFUSED}
	 * on the calling step leads to an end event (e.g. the terminate end of every procedure), and not
	 * back into the flow (e.g. a refused optional branch of {@code death-registration}, whose other
	 * results are still returned).
	 */
	static boolean refusalEndsDossier(DelegateExecution execution) {
		ExecutionEntity caller = ((ExecutionEntity) execution).getProcessInstance().getSuperExecution();
		if (caller == null || !(caller.getBpmnModelElementInstance() instanceof CallActivity step)) {
			return true;
		}
		List<BoundaryEvent> refused = step.getModelInstance()
			.getModelElementsByType(BoundaryEvent.class)
			.stream()
			.filter(b -> b.getAttachedTo() == step)
			.filter(b -> b.getEventDefinitions()
				.stream()
				.anyMatch(d -> d instanceof ErrorEventDefinition e && (e.getError() == null
						|| AgencyStepProcess.DOSSIER_REFUSED.equals(e.getError().getErrorCode()))))
			.toList();
		return refused.isEmpty() || refused.stream()
			.flatMap(b -> b.getOutgoing().stream())
			.anyMatch(flow -> flow.getTarget() instanceof EndEvent);
	}

}
