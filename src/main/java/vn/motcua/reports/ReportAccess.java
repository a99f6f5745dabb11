package vn.motcua.reports;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import vn.motcua.organisation.Organisation;

/**
 * Who sees what: auditors and administrators the whole province, a supervisor the units of the
 * groups {@code <unit>-supervisors} they belong to, with their subtrees. Anyone else nothing.
 */
@Component
class ReportAccess {

	private static final String SUPERVISORS = "-supervisors";

	private final Organisation organisation;

	ReportAccess(Organisation organisation) {
		this.organisation = organisation;
	}

	/** Unit codes the user may see; null means every unit. */
	Set<String> visibleUnits(Authentication authentication) {
		if (authentication == null) {
			throw new AccessDeniedException("not authenticated");
		}
		Set<String> authorities = new TreeSet<>();
		authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(authorities::add);
		if (authorities.contains("ROLE_ADMIN") || authorities.contains("ROLE_AUDITOR")) {
			return null;
		}
		Set<String> units = new TreeSet<>();
		for (String authority : authorities) {
			if (authority.startsWith("GROUP_") && authority.endsWith(SUPERVISORS)) {
				String unit = authority.substring("GROUP_".length(), authority.length() - SUPERVISORS.length());
				this.organisation.find(unit).ifPresent(u -> units.addAll(this.organisation.subtree(u.code())));
			}
		}
		if (units.isEmpty()) {
			throw new AccessDeniedException("reports are for auditors, supervisors and administrators");
		}
		return units;
	}

	/** The scope a user gets without asking: the province, or the first unit they supervise. */
	Scope defaultScope(Authentication authentication) {
		Set<String> visible = visibleUnits(authentication);
		if (visible == null) {
			return Scope.PROVINCE;
		}
		return this.organisation.units()
			.stream()
			.filter(u -> visible.contains(u.code()))
			.findFirst()
			.map(u -> new Scope(Scope.Kind.UNIT, u.code()))
			.orElse(Scope.PROVINCE);
	}

	/**
	 * The units of {@code scope} the user may see (null: every unit). A unit scope outside the
	 * user's units is refused; wider scopes are narrowed to them.
	 */
	Set<String> units(Scope scope, Set<String> visible) {
		Set<String> wanted = scope.units(this.organisation);
		if (visible == null) {
			return wanted;
		}
		if ((scope.kind() == Scope.Kind.UNIT || scope.kind() == Scope.Kind.UNIT_ONLY) && !visible.contains(scope.value())) {
			throw new AccessDeniedException("unit " + scope.value() + " is outside your units");
		}
		if (wanted == null) {
			return new TreeSet<>(visible);
		}
		Set<String> both = new TreeSet<>(wanted);
		both.retainAll(visible);
		return both;
	}

}
