package vn.motcua.audit;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What one user may see: everything (auditors, administrators) or the dossiers received by, or
 * handed to, the units they supervise ({@code GROUP_<unit>-supervisors}).
 */
record AuditScope(boolean all, Set<String> units) {

	static AuditScope of(Authentication authentication) {
		Set<String> units = new TreeSet<>();
		boolean all = false;
		if (authentication != null) {
			for (GrantedAuthority a : authentication.getAuthorities()) {
				String name = a.getAuthority();
				if ("ROLE_AUDITOR".equals(name) || "ROLE_ADMIN".equals(name)) {
					all = true;
				}
				else if (name.startsWith("GROUP_") && name.endsWith("-supervisors")) {
					units.add(name.substring("GROUP_".length(), name.length() - "-supervisors".length()));
				}
			}
		}
		return new AuditScope(all, Set.copyOf(units));
	}

	public boolean sees(String unit) {
		return this.all || this.units.contains(unit);
	}

	public boolean auditor() {
		return this.all;
	}

}
