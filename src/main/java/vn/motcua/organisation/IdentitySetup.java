package vn.motcua.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns the organisation into Camunda identity at startup: groups (officers and supervisors per
 * unit, plus auditors, designers and administrators), their authorizations, per-unit Tasklist
 * filters and, unless switched off, the demo accounts. Idempotent: a restart adds what is missing and brings
 * the unit filters to the current {@link #FILTERS_VERSION}.
 */
@Component
@Order(10)
class IdentitySetup implements ApplicationRunner {

	static final String AUDITORS = "auditors";

	static final String DESIGNERS = "designers";

	static final String ADMINS = Groups.CAMUNDA_ADMIN;

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	private final Organisation organisation;

	private final OrganisationProperties properties;

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	IdentitySetup(Organisation organisation, OrganisationProperties properties, IdentityService identity,
			AuthorizationService authorizations, FilterService filters, TaskService tasks) {
		this.organisation = organisation;
		this.properties = properties;
		this.identity = identity;
		this.authorizations = authorizations;
		this.filters = filters;
		this.tasks = tasks;
	}

	@Override
	public void run(ApplicationArguments args) {
		createSystemGroups();
		for (Unit unit : this.organisation.units()) {
			createUnitGroups(unit);
			createFilters(unit);
		}
		if (this.properties.demoAccounts()) {
			createDemoAccounts();
		}
		log.info("Organisation '{}': {} units ready as Camunda groups", this.organisation.name(),
				this.organisation.units().size());
	}

	private void createSystemGroups() {
		group(ADMINS, "Quản trị hệ thống", Groups.GROUP_TYPE_SYSTEM);
		for (Resources resource : Resources.values()) {
			grant(ADMINS, resource, "*", Permissions.ALL);
		}
		group(AUDITORS, "Kiểm tra, giám sát", Groups.GROUP_TYPE_WORKFLOW);
		grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(AUDITORS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_TASK);
		grant(AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
		grant(AUDITORS, Resources.TASK, "*", Permissions.READ);
		grant(AUDITORS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ, HistoricTaskPermissions.READ_VARIABLE);
		grant(AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
		grant(AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
		grant(AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ);
		group(DESIGNERS, "Thiết kế quy trình", Groups.GROUP_TYPE_WORKFLOW);
		grant(DESIGNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(DESIGNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ, Permissions.DELETE);
		grant(DESIGNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.UPDATE);
		grant(DESIGNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.UPDATE);
		grant(DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
	}

	private void createUnitGroups(Unit unit) {
		group(unit.officersGroup(), "Cán bộ - " + unit.name(), Groups.GROUP_TYPE_WORKFLOW);
		group(unit.supervisorsGroup(), "Lãnh đạo - " + unit.name(), Groups.GROUP_TYPE_WORKFLOW);
		for (String group : List.of(unit.officersGroup(), unit.supervisorsGroup())) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);
			// a desk starts procedures only: CREATE_INSTANCE per procedure key (StartPermissions)
			revoke(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.CREATE_INSTANCE);
			if (unit.handles("desk")) {
				grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
			}
		}
	}

	/**
	 * Version of the filters below: a filter stored with another version (or none) gets the current
	 * query and properties at startup. Raise it whenever a query, card variable or text changes.
	 */
	static final int FILTERS_VERSION = 2;

	/** The variables each task card shows (the task's own copies, see vn.motcua.tasklist.TaskDisplay). */
	static final List<Map<String, String>> CARD_VARIABLES = List.of(card("dossierCode", "Mã hồ sơ"),
			card("procedureName", "Thủ tục"), card("applicantName", "Người nộp"), card("stepDueText", "Hạn xử lý"),
			card("stepAlert", "Cảnh báo"), card("deadlineNote", "Thời hạn"));

	private static Map<String, String> card(String name, String label) {
		return Map.of("name", name, "label", label);
	}

	private void createFilters(Unit unit) {
		List<String> groups = List.of(unit.officersGroup(), unit.supervisorsGroup());
		filter(unit, "Việc của đơn vị", "Hồ sơ đang chờ " + unit.name() + " xử lý", -10, "#3b82f6",
				this.tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks(), groups);
		filter(unit, "Sắp đến hạn", "Việc của đơn vị đến hạn trong 2 ngày tới", -5, "#f59e0b",
				this.tasks.createTaskQuery()
					.taskCandidateGroupIn(groups)
					.includeAssignedTasks()
					.dueAfterExpression("${now()}")
					.dueBeforeExpression("${dateTime().plusDays(2).toDate()}"),
				groups);
		filter(unit, "Quá hạn", "Việc của đơn vị đã quá hạn xử lý", 0, "#dc2626",
				this.tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().dueBeforeExpression("${now()}"),
				groups);
		// supervisors: the steps of the unit whose warning or breach timer fired, and the escalation tasks
		filter(unit, "Cần đôn đốc", "Bước xử lý của " + unit.name() + " đã quá hạn hoặc sắp đến hạn", -20, "#b91c1c",
				this.tasks.createTaskQuery()
					.taskCandidateGroupIn(groups)
					.includeAssignedTasks()
					.taskVariableValueLike("stepAlert", "%"),
				List.of(unit.supervisorsGroup()));
	}

	private void filter(Unit unit, String name, String description, int priority, String color, TaskQuery query,
			List<String> readers) {
		String owner = unit.officersGroup();
		Map<String, Object> props = new HashMap<>();
		props.put("description", description);
		props.put("priority", priority);
		props.put("color", color);
		props.put("refresh", true);
		props.put("variables", CARD_VARIABLES);
		props.put("motcuaVersion", FILTERS_VERSION);
		Filter existing = this.filters.createFilterQuery().filterName(name).filterOwner(owner).singleResult();
		Filter filter = existing != null ? existing : this.filters.newTaskFilter(name).setOwner(owner);
		if (existing == null || !props.equals(existing.getProperties())) {
			// an existing database gets the current query and cards too (a restart updates it)
			filter.setProperties(props).setQuery(query);
			this.filters.saveFilter(filter);
		}
		for (String group : readers) {
			grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
		}
	}

	private void createDemoAccounts() {
		String password = this.properties.demoPassword();
		for (Unit unit : this.organisation.units()) {
			user(unit.code() + ".officer", "Cán bộ", unit.name(), password, unit.officersGroup());
			user(unit.code() + ".supervisor", "Lãnh đạo", unit.name(), password, unit.supervisorsGroup(),
					unit.officersGroup());
		}
		user("auditor", "Thanh tra", "Kiểm tra viên", password, AUDITORS);
		user("designer", "Thiết kế", "Quy trình", password, DESIGNERS);
		user("admin", "Quản trị", "Hệ thống", password, ADMINS);
	}

	private void group(String id, String name, String type) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType(type);
			this.identity.saveGroup(group);
		}
	}

	private void user(String id, String firstName, String lastName, String password, String... groups) {
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			User user = this.identity.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setPassword(password);
			user.setEmail(id + "@motcua.local");
			this.identity.saveUser(user);
		}
		for (String group : groups) {
			if (this.identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
				this.identity.createMembership(id, group);
			}
		}
	}

	/** Takes back a permission an earlier version granted (a grant is never narrowed otherwise). */
	private void revoke(String groupId, Resource resource, String resourceId, Permission permission) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (existing != null && existing.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
				&& existing.isPermissionGranted(permission)) {
			existing.removePermission(permission);
			this.authorizations.saveAuthorization(existing);
		}
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		Authorization authorization = existing != null ? existing
				: this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		boolean changed = existing == null;
		for (Permission permission : permissions) {
			if (!authorization.isPermissionGranted(permission)) {
				authorization.addPermission(permission);
				changed = true;
			}
		}
		if (changed) {
			this.authorizations.saveAuthorization(authorization);
		}
	}

}
