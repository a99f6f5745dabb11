package vn.motcua.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriUtils;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.IntakeForm;

/**
 * Adds the header of a step form (appointment, due time, office time left, documents received,
 * unit names) to the form variables Tasklist loads ({@code GET …/task/{id}/form-variables}), computed
 * at that moment, so the time left is never stale, and the dossier's values of the read-only fields
 * of the form (a step instance holds only its own variables; the dossier's are the procedure's).
 * Only a successful answer is completed: the engine has already checked that the caller may read
 * the task.
 */
class FormHeaderFilter extends OncePerRequestFilter {

	private static final Pattern FORM_VARIABLES = Pattern
		.compile("^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/task/([^/]+)/form-variables/?$");

	private final IdentityService identity;

	private final TaskService tasks;

	private final TaskDisplay display;

	private final ObjectMapper json;

	private final FormService forms;

	FormHeaderFilter(IdentityService identity, TaskService tasks, FormService forms, TaskDisplay display, ObjectMapper json) {
		this.forms = forms;
		this.identity = identity;
		this.tasks = tasks;
		this.display = display;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = FORM_VARIABLES.matcher(path(request));
		matcher.matches();
		ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, cached);
		byte[] body = cached.getContentAsByteArray();
		if (cached.getStatus() == HttpServletResponse.SC_OK && body.length > 0) {
			// the caller may read the task (the engine answered 200); the header reads the dossier as the system
			Authentication caller = this.identity.getCurrentAuthentication();
			this.identity.clearAuthentication();
			try {
				body = withHeader(matcher.group(1), body, request.getParameter("variableNames"));
			}
			finally {
				if (caller != null) {
					this.identity.setAuthentication(caller);
				}
			}
		}
		cached.resetBuffer();
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The forms are in Vietnamese, whatever the browser's language: so is their header. */
	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private byte[] withHeader(String taskId, byte[] body, String requested) {
		try {
			JsonNode variables = this.json.readTree(body);
			Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
			if (task == null || !variables.isObject()) {
				return body;
			}
			ObjectNode answer = (ObjectNode) variables;
			List<String> names = requested == null ? null : List.of(requested.split(","));
			List<String> missing = formKeys(taskId).stream()
				.filter(key -> !answer.has(key) && (names == null || names.contains(key)))
				.toList();
			Dossier dossier = this.display.dossierOf(task);
			VariableValueDto.fromMap(this.display.dossierFields(task, dossier, missing), true).forEach((name, value) -> {
				if (value.getValue() != null) {
					answer.set(name, restVariable(value));
				}
			});
			for (Map.Entry<String, String> entry : this.display
				.formHeader(task, dossier, ClockUtil.getCurrentTime(), VIETNAMESE)
				.entrySet()) {
				ObjectNode variable = ((ObjectNode) variables).putObject(entry.getKey());
				variable.put("type", "String");
				variable.put("value", entry.getValue());
				variable.putObject("valueInfo");
			}
			return this.json.writeValueAsBytes(variables);
		}
		catch (IOException | RuntimeException ex) {
			return body; // the form still opens, without its header
		}
	}

	/** The keys of the read-only fields of the task's form; none when the task has no Camunda Form. */
	private List<String> formKeys(String taskId) {
		try (InputStream in = this.forms.getDeployedTaskForm(taskId)) {
			return new IntakeForm(this.json.readTree(in)).readOnlyKeys();
		}
		catch (ProcessEngineException | IOException ex) {
			return List.of();
		}
	}

	/** A variable as the engine's REST API answers it (its date format included). */
	private ObjectNode restVariable(VariableValueDto value) {
		ObjectNode variable = this.json.valueToTree(value);
		if (value.getValue() instanceof Date date) {
			variable.put("value", DATE.format(date.toInstant()));
		}
		return variable;
	}

	/** The engine REST API's date format. */
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
		.withZone(ZoneId.systemDefault());

	private static String path(HttpServletRequest request) {
		return UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()),
				StandardCharsets.UTF_8);
	}

}
