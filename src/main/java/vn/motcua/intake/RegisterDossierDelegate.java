package vn.motcua.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.motcua.deadline.LegalCalendar;
import vn.motcua.notification.NotificationEvent;
import vn.motcua.notification.Notifications;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * {@code ${registerDossierDelegate}}: records the dossier, assigns its code (also the business
 * key) and computes the appointment {@code dossierDue} from the legal total of the procedure's
 * catalogue entry ({@link ProcedureCatalogue}, on the process element of the model), with the
 * 15:00 cut-off when the input {@code sameDay} is true, and {@code apologyAt}, one working day
 * before it, the date of the apology timer of the model. The receiving unit is a desk of the official who starts
 * ({@link ReceivingDesks}). The start variables are checked against the procedure's intake form
 * first: a user may submit only its fields (and the choice of desk), obeying its rules.
 */
@Component("registerDossierDelegate")
class RegisterDossierDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RegisterDossierDelegate.class);

	private final Organisation organisation;

	private final LegalCalendar calendar;

	private final DossierCodeGenerator codes;

	private final Dossiers dossiers;

	private final IntakeService intake;

	private final ReceivingDesks desks;

	private final Notifications notifications;

	RegisterDossierDelegate(Organisation organisation, LegalCalendar legalCalendar, DossierCodeGenerator codes,
			Dossiers dossiers, IntakeService intake, ReceivingDesks desks, Notifications notifications) {
		this.notifications = notifications;
		this.desks = desks;
		this.organisation = organisation;
		this.calendar = legalCalendar;
		this.codes = codes;
		this.dossiers = dossiers;
		this.intake = intake;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ProcessDefinition definition = execution.getProcessEngineServices()
			.getRepositoryService()
			.getProcessDefinition(execution.getProcessDefinitionId());
		Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		validate(definition, execution, auth != null);
		String user = auth == null ? null : auth.getUserId();
		Unit unit = receivingUnit(execution, auth);
		ProcedureCatalogue catalogue = ProcedureCatalogue
			.of((Process) execution.getBpmnModelInstance().getModelElementById(definition.getKey()));
		double legalDays = catalogue.legalWorkingDays();
		boolean sameDay = Boolean.TRUE.equals(execution.getVariable(DossierVariables.SAME_DAY));
		String applicant = string(execution, DossierVariables.APPLICANT_NAME);
		if (applicant == null || applicant.isBlank()) {
			throw new IntakeException(HttpStatus.BAD_REQUEST, "Thiếu họ và tên người nộp hồ sơ.",
					Map.of(DossierVariables.APPLICANT_NAME, "Trường «Họ và tên người nộp» là bắt buộc."));
		}
		Date receivedAt = ClockUtil.getCurrentTime();
		Date due = sameDay ? this.calendar.dueFromSameDay(receivedAt, legalDays)
				: this.calendar.dueFrom(receivedAt, legalDays);
		Date apologyAt = this.calendar.before(due, 1);
		String procedureName = definition.getName() == null ? definition.getKey() : definition.getName();
		String code = this.codes.next(unit, receivedAt);
		String channel = string(execution, DossierVariables.CHANNEL);
		this.dossiers.insert(new Dossier(code, execution.getProcessInstanceId(), definition.getKey(), procedureName,
				definition.getVersion(), unit.code(), user, applicant,
				string(execution, DossierVariables.APPLICANT_ID_NUMBER),
				string(execution, DossierVariables.APPLICANT_PHONE), string(execution, DossierVariables.APPLICANT_EMAIL),
				string(execution, DossierVariables.APPLICANT_ADDRESS), channel == null ? "in-person" : channel,
				documents(execution.getVariable(DossierVariables.DOCUMENTS)), BigDecimal.valueOf(legalDays), receivedAt,
				due, due, due, DossierStatus.IN_PROGRESS, null, null, null, null, null, catalogue.code()));
		this.notifications.enqueue(code, NotificationEvent.RECEIVED, Map.of());
		execution.setProcessBusinessKey(code);
		var root = execution.getProcessInstance();
		root.setVariable(DossierVariables.DOSSIER_CODE, code);
		root.setVariable(DossierVariables.RECEIVING_UNIT, unit.code());
		root.setVariable(DossierVariables.PROCEDURE_NAME, procedureName);
		root.setVariable(DossierVariables.CHANNEL, channel == null ? "in-person" : channel);
		root.setVariable(DossierVariables.RECEIVED_AT, receivedAt);
		root.setVariable(DossierVariables.LEGAL_WORKING_DAYS, legalDays);
		root.setVariable(DossierVariables.DOSSIER_DUE, due);
		root.setVariable(DossierVariables.APOLOGY_AT, apologyAt);
		root.setVariable(DossierVariables.LAST_UNIT, unit.code());
		log.info("Dossier {} ({}) received at {} by {}, appointment {}", code, procedureName, unit.code(), user, due);
	}

	/**
	 * The rules of the intake form, again on the server: a start through Tasklist or
	 * {@code /engine-rest} obeys the same rules as {@code POST /api/dossiers}.
	 */
	private void validate(ProcessDefinition definition, DelegateExecution execution, boolean byUser) {
		IntakeForm form = this.intake.intakeForm(definition);
		if (byUser) {
			List<String> accepted = new ArrayList<>(form.keys());
			accepted.add(DossierVariables.RECEIVING_UNIT);
			for (String name : execution.getProcessInstance().getVariableNamesLocal()) {
				if (!accepted.contains(name)) {
					throw new BadUserRequestException("Trường «" + name + "» không có trong biểu mẫu tiếp nhận «"
							+ form.id() + "»; hồ sơ chưa được tiếp nhận.");
				}
			}
		}
		Map<String, Object> values = new HashMap<>();
		execution.getVariables().forEach((name, value) -> values.put(name,
				value instanceof SpinJsonNode json && json.isArray() ? documents(json) : value));
		Map<String, String> errors = form.validate(values);
		if (!errors.isEmpty()) {
			throw new IntakeException(HttpStatus.BAD_REQUEST,
					"Hồ sơ chưa hợp lệ, chưa được tiếp nhận: " + String.join(" ", errors.values()), errors);
		}
	}

	/**
	 * The desk of the official who starts, among their own desks ({@code receivingUnit} chooses
	 * one). Without an authenticated user the caller is Motcua's own code (or a test), which names
	 * the unit.
	 */
	private Unit receivingUnit(DelegateExecution execution, Authentication auth) {
		String requested = string(execution, DossierVariables.RECEIVING_UNIT);
		if (auth != null) {
			return this.desks.choose(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds(),
					requested);
		}
		if (requested == null || requested.isBlank()) {
			throw new IllegalArgumentException("Không xác định được đơn vị tiếp nhận: không có người dùng đăng nhập");
		}
		return this.organisation.unit(requested.strip());
	}

	private static String string(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}

	/** Checklist values, from a Camunda Form (JSON array), a list or a comma-separated text. */
	static List<String> documents(Object value) {
		List<String> result = new ArrayList<>();
		if (value instanceof SpinJsonNode json) {
			if (json.isArray()) {
				json.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
			}
			else if (json.isString()) {
				result.add(json.stringValue());
			}
		}
		else if (value instanceof Collection<?> list) {
			list.forEach(e -> result.add(String.valueOf(e)));
		}
		else if (value != null && !value.toString().isBlank()) {
			for (String part : value.toString().split(",")) {
				result.add(part.strip());
			}
		}
		return result;
	}

}
