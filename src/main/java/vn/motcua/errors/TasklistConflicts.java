package vn.motcua.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist reaches the engine through the webapps' own REST application
 * ({@code /camunda/api/engine/…}), not {@code /engine-rest}; there a concurrent task completion comes
 * back as a 500 carrying ENGINE-03005. This filter answers it as {@code /engine-rest} does: 409 with
 * «Việc này vừa được người khác xử lý.» in Camunda's {@code message}, which Tasklist shows.
 */
@Component
class TasklistConflicts extends OncePerRequestFilter {

	private static final String CONCURRENT = "ENGINE-03005";

	private final MessageSource messages;

	private final ObjectMapper json;

	TasklistConflicts(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/camunda/api/engine/")
				|| !request.getRequestURI().contains("/task/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, wrapper);
		if (wrapper.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()
				&& new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8).contains(CONCURRENT)) {
			String message = this.messages.getMessage("errors.concurrent", null, ErrorAnswers.requestLocale(request));
			wrapper.resetBuffer();
			wrapper.setStatus(HttpStatus.CONFLICT.value());
			wrapper.setContentType("application/json;charset=UTF-8");
			wrapper.getOutputStream()
				.write(this.json.writeValueAsBytes(java.util.Map.of("type", "OptimisticLockingException", "message",
						message, "status", HttpStatus.CONFLICT.value(), "detail", message)));
		}
		wrapper.copyBodyToResponse();
	}

}
