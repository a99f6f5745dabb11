package vn.motcua.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/** Names for people and units: first and last name from Camunda identity, unit names from the organisation. */
@Component("auditNames")
class Officials {

	private static final Pattern UNIT_CODE = Pattern.compile("(?<![\\p{L}\\d-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\\p{L}\\d-])");

	private final IdentityService identity;

	private final Organisation organisation;

	Officials(IdentityService identityService, Organisation organisation) {
		this.identity = identityService;
		this.organisation = organisation;
	}

	/** A name cache for one page or export. */
	public Names names() {
		return new Names();
	}

	public String unit(String code) {
		if (code == null) {
			return "";
		}
		return this.organisation.find(code).map(Unit::name).orElse(code);
	}

	/** The text with every unit code in it (a whole word of letters, digits and hyphens) replaced by its name. */
	public String withUnitNames(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		return UNIT_CODE.matcher(text)
			.replaceAll(m -> Matcher.quoteReplacement(
					this.organisation.find(m.group()).map(Unit::name).orElse(m.group())));
	}

	final class Names {

		private final Map<String, String> cache = new HashMap<>();

		public String official(String userId) {
			if (userId == null || userId.isBlank()) {
				return "";
			}
			return this.cache.computeIfAbsent(userId, id -> {
				User user = Officials.this.identity.createUserQuery().userId(id).singleResult();
				if (user == null) {
					return "Người dùng không có trong danh bạ";
				}
				String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
						+ (user.getLastName() == null ? "" : user.getLastName())).trim();
				return name.isEmpty() ? "Người dùng không có họ tên" : name;
			});
		}

		public String unit(String code) {
			return Officials.this.unit(code);
		}

		/** The text with every unit code in it replaced by the unit's name (reasons written with codes). */
		public String withUnitNames(String text) {
			return Officials.this.withUnitNames(text);
		}

	}

}
