package vn.motcua.tasklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriUtils;

/**
 * Adds the header of a step form (appointment, due time, office time left, documents received,
 * unit names) to the form variables Tasklist loads ({@code GET …/task/{id}/form-variables}), computed
 * at that moment, so the time left is never stale. Only a successful answer is completed: the engine
 * has already checked that the caller may read the task.
 */
class FormHeaderFilter extends OncePerRequestFilter {

	private static final Pattern FORM_VARIABLES = Pattern
		.compile("^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/task/([^/]+)/form-variables/?$");

	private final IdentityService identity;

	private final TaskService tasks;

	private final TaskDisplay display;

	private final ObjectMapper json;

	FormHeaderFilter(IdentityService identity, TaskService tasks, TaskDisplay display, ObjectMapper json) {
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
				body = withHeader(matcher.group(1), body);
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

	private byte[] withHeader(String taskId, byte[] body) {
		try {
			JsonNode variables = this.json.readTree(body);
			Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
			if (task == null || !variables.isObject()) {
				return body;
			}
			for (Map.Entry<String, String> entry : this.display.formHeader(task, ClockUtil.getCurrentTime(), VIETNAMESE).entrySet()) {
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

	private static String path(HttpServletRequest request) {
		return UriUtils.decode(request.getRequestURI().substring(request.getContextPath().length()),
				StandardCharsets.UTF_8);
	}

}
