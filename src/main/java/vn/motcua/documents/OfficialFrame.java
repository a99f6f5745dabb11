package vn.motcua.documents;

import java.time.LocalDate;

/**
 * What the common official frame ({@code templates/documents/frame.html}) prints around a form.
 *
 * @param parentName the name of the issuing unit's parent (printed above it), null for a root unit
 * @param unitName the name of the issuing unit
 * @param place the place of the date line (e.g. "An Bình")
 * @param date the day the document is issued
 * @param basis the circular the form follows
 * @param form the form
 */
public record OfficialFrame(String parentName, String unitName, String place, LocalDate date, LegalBasis basis,
		OfficialForm form) {

	/** "05": the form's number in its circular. */
	public String number() {
		return this.basis.number(this.form).orElse("");
	}

	public String day() {
		return String.format("%02d", this.date.getDayOfMonth());
	}

	public String month() {
		return String.format("%02d", this.date.getMonthValue());
	}

	public String year() {
		return String.valueOf(this.date.getYear());
	}

}
