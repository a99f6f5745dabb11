package vn.motcua.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates the product's own pages against Camunda identity, so an official has one account
 * for Tasklist, the REST API and Motcua. Groups become authorities {@code GROUP_<id>} plus a role:
 * ADMIN, AUDITOR, DESIGNER, SUPERVISOR or OFFICER.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String user = authentication.getName();
		Object credentials = authentication.getCredentials();
		if (user == null || credentials == null || !this.identityService.checkPassword(user, credentials.toString())) {
			throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng");
		}
		List<String> groups = this.identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(groups));
	}

	/** {@code GROUP_<id>} for every group, plus each group's role once. */
	static List<GrantedAuthority> authorities(List<String> groupIds) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String group : groupIds) {
			authorities.add(new SimpleGrantedAuthority("GROUP_" + group));
			String role = roleOf(group);
			if (role != null && authorities.stream().noneMatch(a -> a.getAuthority().equals(role))) {
				authorities.add(new SimpleGrantedAuthority(role));
			}
		}
		return authorities;
	}

	static String roleOf(String groupId) {
		if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
			return "ROLE_ADMIN";
		}
		if ("auditors".equals(groupId)) {
			return "ROLE_AUDITOR";
		}
		if ("designers".equals(groupId)) {
			return "ROLE_DESIGNER";
		}
		if (groupId.endsWith("-supervisors")) {
			return "ROLE_SUPERVISOR";
		}
		if (groupId.endsWith("-officers")) {
			return "ROLE_OFFICER";
		}
		return null;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
