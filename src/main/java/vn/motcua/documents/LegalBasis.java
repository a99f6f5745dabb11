package vn.motcua.documents;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The circular whose forms a dossier is printed on, chosen by the dossier's receipt date: Circular
 * 01/2018/TT-VPCP for dossiers received before 1 July 2025, Circular 03/2025/TT-VPCP (Appendix I)
 * from that day. The two number the forms differently, and 2025 adds the stop notice.
 * Texts (circular, form titles) are message codes of the bundle {@code messages/documents}.
 */
public enum LegalBasis {

	CIRCULAR_01_2018("2018", Map.of(OfficialForm.RECEIPT, "01", OfficialForm.SUPPLEMENT_REQUEST, "02",
			OfficialForm.REFUSAL, "03", OfficialForm.APOLOGY, "04", OfficialForm.CONTROL_SHEET, "05",
			OfficialForm.LOGBOOK, "06")),

	CIRCULAR_03_2025("2025", Map.of(OfficialForm.RECEIPT, "01", OfficialForm.SUPPLEMENT_REQUEST, "02",
			OfficialForm.REFUSAL, "03", OfficialForm.APOLOGY, "04", OfficialForm.STOP_NOTICE, "05",
			OfficialForm.CONTROL_SHEET, "06", OfficialForm.LOGBOOK, "07"));

	/** Circular 03/2025/TT-VPCP applies to dossiers received from this day (Vietnam time). */
	public static final LocalDate CIRCULAR_03_2025_FROM = LocalDate.of(2025, 7, 1);

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private final String year;

	private final Map<OfficialForm, String> numbers;

	LegalBasis(String year, Map<OfficialForm, String> numbers) {
		this.year = year;
		this.numbers = new EnumMap<>(numbers);
	}

	/** The basis of a dossier received on this day. */
	public static LegalBasis of(LocalDate receivedOn) {
		return receivedOn.isBefore(CIRCULAR_03_2025_FROM) ? CIRCULAR_01_2018 : CIRCULAR_03_2025;
	}

	/** The basis of a dossier received at this instant (its day in Vietnam time). */
	public static LegalBasis of(Date receivedAt) {
		return of(LocalDate.ofInstant(receivedAt.toInstant(), ZONE));
	}

	/** Whether the circular has this form (the stop notice is new in 2025). */
	public boolean has(OfficialForm form) {
		return this.numbers.containsKey(form);
	}

	/** The form's number in the circular, two digits ("05"); empty when the circular has no such form. */
	public Optional<String> number(OfficialForm form) {
		return Optional.ofNullable(this.numbers.get(form));
	}

	/** The message code of the circular's name, e.g. "Thông tư số 03/2025/TT-VPCP". */
	public String circularCode() {
		return "documents.basis." + this.year;
	}

	/** The message code of the form's title in capitals, as printed under the heading. */
	public String titleCode(OfficialForm form) {
		return "documents.form." + form.kind() + ".title." + this.year;
	}

}
