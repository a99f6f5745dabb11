package vn.motcua.documents;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import vn.motcua.errors.ClientMistake;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * Who may ask for a copy signed by a unit of what the unit issues for itself (its control sheets, logbook and
 * reports): the unit's supervisors (its heads).
 */
@Component
public class SignedCopies {

	private final Organisation organisation;

	SignedCopies(Organisation organisation) {
		this.organisation = organisation;
	}

	/** Whether the user is a head of the unit. */
	public boolean mayAsk(String unitCode, Authentication authentication) {
		Unit unit = unitCode == null ? null : this.organisation.find(unitCode).orElse(null);
		return unit != null && authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("GROUP_" + unit.supervisorsGroup()));
	}

	/**
	 * Refuses (403, naming the unit and the parameter {@code signed}) a user who is not a head of the unit.
	 * @param messageCode the refusal's sentence, with the unit's name as its argument
	 */
	public void check(String unitCode, Authentication authentication, String messageCode) {
		if (!mayAsk(unitCode, authentication)) {
			throw new Refused(messageCode,
					this.organisation.find(unitCode).map(Unit::name).orElse(this.organisation.name()));
		}
	}

	/** A signed copy asked for by someone who is not a head of the issuing unit. */
	static final class Refused extends RuntimeException implements ClientMistake {

		private final String unitName;

		Refused(String messageCode, String unitName) {
			super(messageCode, null, false, false);
			this.unitName = unitName;
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.FORBIDDEN;
		}

		@Override
		public Object[] arguments() {
			return new Object[] { this.unitName };
		}

		@Override
		public String field() {
			return "signed";
		}

	}

}
