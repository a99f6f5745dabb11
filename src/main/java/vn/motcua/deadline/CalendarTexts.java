package vn.motcua.deadline;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** User-facing texts of the calendar from the {@code messages/calendar} bundle. */
@Component
class CalendarTexts {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final MessageSource messages;

	CalendarTexts(MessageSource messages) {
		this.messages = messages;
	}

	String get(String code, Object... args) {
		return messages.getMessage(code, args, code, locale());
	}

	/** The reason of a listed day: the file's text, or the computed day's message. */
	String reason(CalendarDay day) {
		if (day.reasonCode() != null) {
			return get(day.reasonCode(), day.reasonArgs().toArray());
		}
		return day.reason();
	}

	String kind(DayKind kind) {
		return get("calendar.kind." + kind.code());
	}

	/** For example "10:00 thứ Hai, 23/02/2026". */
	String dateTime(LocalDateTime t) {
		return get("calendar.datetime", t.format(TIME), get("calendar.weekday." + t.getDayOfWeek().getValue()),
				t.format(DATE));
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
