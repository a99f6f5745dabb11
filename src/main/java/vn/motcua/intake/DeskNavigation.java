package vn.motcua.intake;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Whether the pages link the desk page for this user: {@code ${@deskNavigation.shows(#authentication)}}. */
@Component("deskNavigation")
class DeskNavigation {

	private final ReceivingDesks desks;

	DeskNavigation(ReceivingDesks desks) {
		this.desks = desks;
	}

	/** True for officers and supervisors of a desk unit. */
	public boolean shows(Authentication auth) {
		if (auth == null || !auth.isAuthenticated()) {
			return false;
		}
		List<String> groups = auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("GROUP_"))
			.map(a -> a.substring("GROUP_".length()))
			.toList();
		return !groups.isEmpty() && !this.desks.of(groups).isEmpty();
	}

}
