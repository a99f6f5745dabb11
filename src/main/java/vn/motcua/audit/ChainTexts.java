package vn.motcua.audit;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The sentences of the verification ({@code messages/audit-chain*.properties}), in the user's language. */
@Component
class ChainTexts {

	private final MessageSource messages;

	ChainTexts(MessageSource messages) {
		this.messages = messages;
	}

	String get(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/** The name of a protected dossier field. */
	String field(String column) {
		return get("chain.field." + column);
	}

}
