package vn.motcua.documents;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;

/**
 * Which official documents a dossier has now, with their links, and the read-only facts the forms
 * print that no other capability exposes (all supplement requests, brought or not; the apology's
 * new appointment). Reads the tables {@code supplement_request} and {@code apology}, never writes.
 */
@Component
public class DossierDocuments {

	/**
	 * A document of a dossier.
	 *
	 * @param form the form
	 * @param name its name in the reader's language
	 * @param page the print page (path of the application)
	 * @param pdf the A4 PDF (path of the application)
	 */
	public record Link(OfficialForm form, String name, String page, String pdf) {
	}

	/** A supplement request (form 02) as stored, brought ({@code resumedAt}) or not. */
	record Supplement(String unitCode, Date requestedAt, String requestedBy, String items, Date citizenDue,
			Date resumedAt) {
	}

	private final JdbcClient jdbc;

	private final MessageSource messages;

	DossierDocuments(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** The path of a form of a dossier: {@code /dossiers/{code}/documents/{kind}}. */
	public static String page(String code, OfficialForm form) {
		return "/dossiers/" + code + "/documents/" + form.kind();
	}

	/** The path of the A4 PDF of a form: {@code /dossiers/{code}/documents/{kind}.pdf}. */
	public static String pdf(String code, OfficialForm form) {
		return page(code, form) + ".pdf";
	}

	/**
	 * The documents the dossier has: the receipt always, the supplement request once one was made,
	 * the refusal once refused (also a part refusal), the apology once approved, the stop notice once stopped.
	 */
	public List<Link> available(Dossier dossier, Locale locale) {
		List<Link> links = new ArrayList<>();
		links.add(link(dossier, OfficialForm.RECEIPT, locale));
		if (!supplements(dossier.code()).isEmpty()) {
			links.add(link(dossier, OfficialForm.SUPPLEMENT_REQUEST, locale));
		}
		if (refused(dossier)) {
			links.add(link(dossier, OfficialForm.REFUSAL, locale));
		}
		if (rescheduledAppointment(dossier.code()).isPresent()) {
			links.add(link(dossier, OfficialForm.APOLOGY, locale));
		}
		if (dossier.status() == DossierStatus.STOPPED) {
			links.add(link(dossier, OfficialForm.STOP_NOTICE, locale));
		}
		return links;
	}

	private Link link(Dossier dossier, OfficialForm form, Locale locale) {
		LegalBasis basis = OfficialFrames.basis(form, dossier.receivedAt());
		String name = form == OfficialForm.APOLOGY
				? capitalised(this.messages.getMessage(basis.titleCode(form), null, locale), locale)
				: this.messages.getMessage(form.nameCode(), null, locale);
		return new Link(form, name, page(dossier.code(), form), pdf(dossier.code(), form));
	}

	/** The reason of the unit's signature on a form of the dossier: its title, in Vietnamese. */
	public String signatureReason(OfficialForm form, Dossier dossier) {
		LegalBasis basis = OfficialFrames.basis(form, dossier.receivedAt());
		Locale vietnamese = Locale.forLanguageTag("vi");
		return capitalised(this.messages.getMessage(basis.titleCode(form), null, vietnamese), vietnamese) + " "
				+ dossier.code();
	}

	private static String capitalised(String title, Locale locale) {
		String lower = title.toLowerCase(locale);
		return lower.substring(0, 1).toUpperCase(locale) + lower.substring(1);
	}

	static boolean refused(Dossier dossier) {
		return dossier.status() == DossierStatus.REFUSED
				|| dossier.refusalReason() != null && !dossier.refusalReason().isBlank();
	}

	/** The appointment an apology (form 04) moved the dossier to, if one was issued. */
	public Optional<Date> rescheduledAppointment(String code) {
		return this.jdbc.sql("select new_appointment from apology where dossier_code = ?")
			.param(code)
			.query((rs, row) -> (Date) new Date(rs.getTimestamp(1).getTime()))
			.optional();
	}

	/** The supplement requests of the dossier, the earliest first. */
	List<Supplement> supplements(String code) {
		return this.jdbc.sql("""
				select unit_code, requested_at, requested_by, items, citizen_due, resumed_at from supplement_request
				where dossier_code = ? order by requested_at, id""")
			.param(code)
			.query((rs, row) -> new Supplement(rs.getString(1), date(rs.getTimestamp(2)), rs.getString(3),
					rs.getString(4), date(rs.getTimestamp(5)), date(rs.getTimestamp(6))))
			.list();
	}

	private static Date date(Timestamp t) {
		return t == null ? null : new Date(t.getTime());
	}

}
