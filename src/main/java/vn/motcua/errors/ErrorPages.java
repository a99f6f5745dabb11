package vn.motcua.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /error}: what the servlet container, a filter or Spring Security could not answer itself
 * (403, 404, 413, 500…), answered like the controllers' refusals.
 */
@Controller
class ErrorPages implements ErrorController {

	/** Request attribute a filter sets to explain the status it sends (a {@link ClientMistake}). */
	static final String MISTAKE = ErrorPages.class.getName() + ".mistake";

	private final ErrorAnswers answers;

	ErrorPages(ErrorAnswers answers) {
		this.answers = answers;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		String path = ErrorAnswers.originalPath(request);
		ErrorAnswers.Answer answer = ErrorAnswers.wantsJson(request, path)
				&& request.getHeader("Accept-Language") != null
						? ErrorAnswers.inLanguageOf(request, () -> answer(request)) : answer(request);
		return this.answers.render(request, response, answer, path);
	}

	private ErrorAnswers.Answer answer(HttpServletRequest request) {
		Object mistake = request.getAttribute(MISTAKE);
		Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (mistake instanceof ClientMistake m) {
			return this.answers.answer(m);
		}
		if (exception instanceof Throwable t) {
			return this.answers.answer(t);
		}
		return this.answers.byStatus(HttpStatusCode.valueOf(code instanceof Integer i ? i : 500));
	}

}
