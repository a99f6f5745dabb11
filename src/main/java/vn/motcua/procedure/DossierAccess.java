package vn.motcua.procedure;

import java.util.HashSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import vn.motcua.intake.Dossier;

/**
 * Who may see and act on a dossier: officials (officers or supervisors) of the receiving unit and
 * of every unit it was handed to; auditors and administrators may read every dossier.
 */
@Component
public class DossierAccess {

	private final Handoffs handoffs;

	DossierAccess(Handoffs handoffs) {
		this.handoffs = handoffs;
	}

	public boolean mayRead(Authentication auth, Dossier dossier) {
		return has(auth, "ROLE_AUDITOR") || has(auth, "ROLE_ADMIN") || handledBy(auth, dossier);
	}

	/** Officials of a unit that handled (or holds) the dossier. */
	public boolean handledBy(Authentication auth, Dossier dossier) {
		Set<String> units = new HashSet<>();
		units.add(dossier.receivingUnit());
		this.handoffs.ofDossier(dossier.code()).forEach(h -> units.add(h.toUnit()));
		return units.stream()
			.anyMatch(u -> has(auth, "GROUP_" + u + "-officers") || has(auth, "GROUP_" + u + "-supervisors"));
	}

	private static boolean has(Authentication auth, String authority) {
		return auth != null && auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
	}

}
