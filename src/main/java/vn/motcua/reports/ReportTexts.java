package vn.motcua.reports;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.organisation.Organisation;

/** Texts of a report (title, period, scope, headers) in the reader's language. */
@Component
class ReportTexts {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Period.ZONE);

	private final MessageSource messages;

	private final Organisation organisation;

	private final PerformanceReports reports;

	ReportTexts(MessageSource messages, Organisation organisation, PerformanceReports reports) {
		this.messages = messages;
		this.organisation = organisation;
		this.reports = reports;
	}

	String get(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	String title(Locale locale) {
		return get("reports.official-title", locale);
	}

	String period(Report report, Locale locale) {
		return period(report.period(), locale);
	}

	String period(Period period, Locale locale) {
		return get("reports.period.line", locale, DAY.format(period.from()), DAY.format(period.to()));
	}

	String asOf(Report report, Locale locale) {
		return get("reports.as-of.line", locale, MINUTE.format(report.asOf()));
	}

	String scope(Scope scope, Locale locale) {
		String what = switch (scope.kind()) {
			case PROVINCE -> this.organisation.name();
			case LEVEL -> this.organisation.levels()
				.stream()
				.filter(l -> l.id().equals(scope.value()))
				.findFirst()
				.map(l -> l.name())
				.orElse(scope.value());
			case UNIT, UNIT_ONLY -> this.reports.unitName(scope.value());
			case PROCEDURE -> this.reports.procedureNames().getOrDefault(scope.value(), scope.value());
		};
		return get("reports.scope.line." + scope.kind().name().toLowerCase(Locale.ROOT), locale, what);
	}

	String group(String key, Locale locale) {
		return get("reports.group." + key, locale);
	}

	String column(Column column, Locale locale) {
		return get("reports.col." + column.key(), locale);
	}

	/**
	 * The official frame of the report (Decree 30/2020 layout): issuing agency under its parent,
	 * number left blank for the registry, national heading, place and date, recipients, signature;
	 * {@code issuerCode} is the code of the issuing unit, which signs the report's PDF.
	 */
	record Frame(String parent, String issuer, String number, String placeDate, List<String> recipients,
			String signer, String signHint, String issuerCode) {
	}

	Frame frame(Scope scope, java.time.Instant issuedAt, Locale locale) {
		vn.motcua.organisation.Unit issuer = switch (scope.kind()) {
			case UNIT, UNIT_ONLY -> this.organisation.find(scope.value()).orElse(null);
			default -> null;
		};
		if (issuer == null) {
			issuer = this.organisation.units().stream().filter(u -> u.parent() == null).findFirst().orElse(null);
		}
		String parent = issuer == null || issuer.parent() == null ? null
				: this.organisation.find(issuer.parent()).map(vn.motcua.organisation.Unit::name).orElse(null);
		java.time.LocalDate day = issuedAt.atZone(Period.ZONE).toLocalDate();
		List<String> recipients = new java.util.ArrayList<>();
		if (parent != null) {
			recipients.add(get("reports.frame.recipient.parent", locale, parent));
		}
		recipients.add(get("reports.frame.recipient.archive", locale));
		return new Frame(parent == null ? null : parent.toUpperCase(locale),
				issuer == null ? this.organisation.name().toUpperCase(locale) : issuer.name().toUpperCase(locale),
				get("reports.frame.number", locale),
				get("reports.frame.place-date", locale, this.organisation.name(), "%02d".formatted(day.getDayOfMonth()),
						"%02d".formatted(day.getMonthValue()), String.valueOf(day.getYear())),
				recipients, get("reports.frame.signer", locale), get("reports.frame.sign-hint", locale),
				issuer == null ? null : issuer.code());
	}

	String rowHeader(Report report, Locale locale) {
		return get(report.by() == Report.Grouping.UNIT ? "reports.col.unit" : "reports.col.procedure", locale);
	}

}
