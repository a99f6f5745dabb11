package vn.motcua.procedure;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.notification.NotificationEvent;
import vn.motcua.notification.Notifications;

/**
 * {@code ${requestSupplementDelegate}}: records the supplement request (form 02), stops the
 * step clock (storing the office time left) and the dossier clock, and sets the citizen's window
 * {@code supplementDue}.
 */
@Component("requestSupplementDelegate")
class RequestSupplementDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RequestSupplementDelegate.class);

	private final Handoffs handoffs;

	private final DossierIdentity identity;

	private final SupplementRequests supplements;

	private final DossierClock clock;

	private final LegalCalendar calendar;

	private final DeadlineProperties deadlines;

	private final Notifications notifications;

	RequestSupplementDelegate(Handoffs handoffs, DossierIdentity identity, SupplementRequests supplements, DossierClock clock,
			LegalCalendar legalCalendar, DeadlineProperties deadlines, Notifications notifications) {
		this.notifications = notifications;
		this.handoffs = handoffs;
		this.identity = identity;
		this.supplements = supplements;
		this.clock = clock;
		this.calendar = legalCalendar;
		this.deadlines = deadlines;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Handoff handoff = this.identity.handoff(execution);
		Date now = ClockUtil.getCurrentTime();
		Duration left = this.calendar.officeTimeBetween(now, handoff.dueAt());
		this.handoffs.pause(handoff.id(), now, left.isNegative() ? Duration.ZERO : left);
		Date citizenDue = this.calendar.dueFrom(now, this.deadlines.citizenSupplementWorkingDays());
		this.supplements.insert(handoff.dossierCode(), handoff.id(), handoff.toUnit(), now,
				StepVariables.string(execution, AgencyStepProcess.STEP_FINISHED_BY),
				StepVariables.required(execution, AgencyStepProcess.SUPPLEMENT_ITEMS), citizenDue);
		this.clock.pause(handoff.dossierCode(), reason(handoff), now);
		execution.setVariable(AgencyStepProcess.SUPPLEMENT_DUE, citizenDue);
		this.notifications.enqueue(handoff.dossierCode(), NotificationEvent.SUPPLEMENT_REQUESTED, java.util.Map.of(Notifications.ITEMS, StepVariables.required(execution, AgencyStepProcess.SUPPLEMENT_ITEMS), Notifications.SUPPLEMENT_DUE, citizenDue));
		log.info("Dossier {}: {} asks for a supplement until {}", handoff.dossierCode(), handoff.toUnit(), citizenDue);
	}

	static String reason(Handoff handoff) {
		return DossierClock.SUPPLEMENT_PREFIX + " theo yêu cầu của " + handoff.toUnit();
	}

}
