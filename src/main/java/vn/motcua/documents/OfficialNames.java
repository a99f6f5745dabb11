package vn.motcua.documents;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The full names printed in signature blocks: never an account id. */
@Component
public class OfficialNames {

	private final IdentityService identity;

	OfficialNames(IdentityService identity) {
		this.identity = identity;
	}

	/** The official's full name; empty when unknown (the signatory writes it by hand). */
	public String fullName(String userId) {
		if (userId == null || userId.isBlank()) {
			return "";
		}
		User user = this.identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return "";
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).strip();
		return name;
	}

}
