package vn.motcua.documents;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * Builds the {@link OfficialFrame} of a document issued by a unit: the agency heading (parent above
 * unit), the place of the date line, the legal basis by the dossier's receipt date.
 */
@Component
public class OfficialFrames {

	/** The place is the name after the last administrative level word of a unit's name. */
	private static final Pattern PLACE = Pattern
		.compile("(?iu)^(?:.*\\s)?(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\\s+(\\S.*)$");

	private final Organisation organisation;

	OfficialFrames(Organisation organisation) {
		this.organisation = organisation;
	}

	/**
	 * The frame of a form issued by {@code unitCode} on {@code issuedOn} for a dossier received at
	 * {@code receivedAt}. A form the dossier's circular does not have (the stop notice for a dossier
	 * received before 1/7/2025: stopping at the applicant's request is a procedure of Circular
	 * 03/2025) is printed on the form of Circular 03/2025.
	 */
	public OfficialFrame of(String unitCode, OfficialForm form, Date receivedAt, LocalDate issuedOn) {
		Unit unit = this.organisation.unit(unitCode);
		String parent = unit.parent() == null ? null
				: this.organisation.find(unit.parent()).map(Unit::name).orElse(null);
		return new OfficialFrame(parent, unit.name(), place(unit), issuedOn, basis(form, receivedAt), form);
	}

	/** The circular a form of a dossier received at {@code receivedAt} is printed on. */
	public static LegalBasis basis(OfficialForm form, Date receivedAt) {
		LegalBasis basis = LegalBasis.of(receivedAt);
		return basis.has(form) ? basis : LegalBasis.CIRCULAR_03_2025;
	}

	/** The place of the unit: from its name, else from its nearest ancestor's, else the organisation's. */
	String place(Unit unit) {
		for (Unit u = unit; u != null; u = u.parent() == null ? null : this.organisation.find(u.parent()).orElse(null)) {
			Optional<String> place = place(u.name());
			if (place.isPresent()) {
				return place.get();
			}
		}
		return place(this.organisation.name()).orElse(this.organisation.name());
	}

	static Optional<String> place(String name) {
		Matcher m = PLACE.matcher(name.strip());
		return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
	}

}
