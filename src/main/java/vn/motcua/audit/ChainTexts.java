package vn.motcua.audit;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The sentences of the verification ({@code messages/audit-chain*.properties}), in the user's language. */
@Component
class ChainTexts {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final MessageSource messages;

	ChainTexts(MessageSource messages) {
		this.messages = messages;
	}

	String get(String key, Object... args) {
		// outside a request (sealer, tests, benchmark): Vietnamese, the product's language
		Locale locale = LocaleContextHolder.getLocaleContext() == null ? VIETNAMESE : LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, key, locale);
	}

	/** The name of a protected dossier field. */
	String field(String column) {
		return get("chain.field." + column);
	}

}
