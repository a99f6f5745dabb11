package vn.motcua.procedure;

import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.intake.Dossier;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Routing;
import vn.motcua.organisation.Unit;

/**
 * {@code ${receiveHandoffDelegate}}: the unit that handles {@code stepFunction} for this dossier
 * receives it from {@code lastUnit}. The step is named after the calling call activity of the
 * procedure model ({@code stepName}, the name of the step task). Records the handoff, checks that the organisation allows
 * the handoff between their levels, and computes {@code stepDue} (15:00 cut-off when
 * {@code stepSameDay}) and {@code stepWarningAt}. A step exists only as a step of a procedure: the dossier is the one of
 * the calling instance (never a variable), and a step started on its own is refused.
 */
@Component("receiveHandoffDelegate")
class ReceiveHandoffDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(ReceiveHandoffDelegate.class);

	private final Organisation organisation;

	private final Routing routing;

	private final LegalCalendar calendar;

	private final Handoffs handoffs;

	private final DeadlineProperties deadlines;

	private final DossierIdentity identity;

	ReceiveHandoffDelegate(Organisation organisation, Routing routing, LegalCalendar legalCalendar, Handoffs handoffs,
			DeadlineProperties deadlines, DossierIdentity identity) {
		this.identity = identity;
		this.organisation = organisation;
		this.routing = routing;
		this.calendar = legalCalendar;
		this.handoffs = handoffs;
		this.deadlines = deadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
		if (caller == null) {
			throw new BadUserRequestException("Bước xử lý «" + AgencyStepProcess.KEY
					+ "» chỉ được tạo bởi một thủ tục hành chính, không được khởi tạo riêng.");
		}
		String function = StepVariables.required(execution, AgencyStepProcess.STEP_FUNCTION);
		String name = caller.getCurrentActivityName();
		if (name == null || name.isBlank()) {
			throw new IllegalStateException("Bước liên thông '" + caller.getCurrentActivityId() + "' chưa có tên trong mô hình");
		}
		double allotment = StepVariables.number(execution, AgencyStepProcess.STEP_ALLOTMENT);
		boolean sameDay = Boolean.TRUE.equals(execution.getVariable(AgencyStepProcess.STEP_SAME_DAY));
		Dossier dossier = this.identity.dossier(execution);
		String code = dossier.code();
		Unit to = this.routing.unitFor(execution, function);
		String last = StepVariables.string(caller, DossierVariables.LAST_UNIT);
		Unit from = this.organisation.unit(last == null ? dossier.receivingUnit() : last);
		if (!from.code().equals(to.code()) && !this.organisation.mayHandOff(from, to)) {
			throw new IllegalStateException("Tổ chức không cho phép " + from.name() + " (" + from.level() + ") chuyển hồ sơ "
					+ code + " cho " + to.name() + " (" + to.level() + ")");
		}
		Date now = ClockUtil.getCurrentTime();
		Date due = sameDay ? this.calendar.dueFromSameDay(now, allotment) : this.calendar.dueFrom(now, allotment);
		Date warning = this.calendar.before(due, this.deadlines.warningBeforeWorkingDays());
		if (warning.before(now)) {
			warning = now;
		}
		long id = this.handoffs.insert(code, execution.getProcessInstanceId(), caller.getCurrentActivityId(), name, function,
				from.code(), to.code(), now, due, allotment);
		execution.setVariable(AgencyStepProcess.STEP_NAME, name);
		execution.setVariable(AgencyStepProcess.HANDOFF_ID, id);
		execution.setVariable(AgencyStepProcess.STEP_UNIT, to.code());
		execution.setVariable(AgencyStepProcess.STEP_DUE, due);
		execution.setVariable(AgencyStepProcess.STEP_WARNING_AT, warning);
		// values of the previous step must not pre-fill this step's form
		execution.removeVariable(AgencyStepProcess.STEP_OUTCOME);
		execution.removeVariable(AgencyStepProcess.SUPPLEMENT_ITEMS);
		execution.removeVariable(AgencyStepProcess.STEP_FINISHED_BY);
		log.info("Dossier {}: step '{}' handed from {} to {}, due {}", code, name, from.code(), to.code(), due);
	}

}
