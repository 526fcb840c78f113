package org.masthead.identity.token;

import java.io.Serial;
import java.util.List;

import org.masthead.identity.StaffMember;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API token; its principal is the token's {@link StaffMember} view. */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	private final StaffMember token;

	public ApiTokenAuthentication(StaffMember token) {
		super(List.of(new SimpleGrantedAuthority(token.role().authority())));
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public StaffMember getPrincipal() {
		return token;
	}

	@Override
	public String getName() {
		return "api-token:" + token.id();
	}

}
