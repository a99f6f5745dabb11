package vn.motcua.system;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese first: pages are in Vietnamese unless the user picks English with {@code ?lang=en};
 * {@code /api/**} answers in the language of an explicit {@code Accept-Language} header.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	static final Set<String> SUPPORTED = Set.of("vi", "en");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("motcua-lang");
		resolver.setDefaultLocale(VIETNAMESE);
		// Pages are Vietnamese unless chosen otherwise; JSON APIs honour an explicit Accept-Language.
		resolver.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith("/api/")
				&& request.getHeader("Accept-Language") != null ? request.getLocale() : VIETNAMESE);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// ?lang= takes vi or en; anything else is ignored (the page stays in its language)
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws ServletException {
				String lang = request.getParameter(getParamName());
				return lang == null || SUPPORTED.contains(lang) ? super.preHandle(request, response, handler) : true;
			}
		};
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
	}

}
