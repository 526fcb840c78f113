package org.masthead.identity.signin;

import java.io.Serial;
import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The state between a correct password and a correct two-factor code: it opens only the code page
 * ({@link #AUTHORITY}), never a newsroom page, and expires after a few minutes.
 */
public final class PendingTwoFactorAuthentication extends AbstractAuthenticationToken {

	@Serial
	private static final long serialVersionUID = 1L;

	public static final String AUTHORITY = "TWO_FACTOR_PENDING";

	private final long staffId;

	private final String email;

	private final Instant passwordAcceptedAt;

	public PendingTwoFactorAuthentication(long staffId, String email, Instant passwordAcceptedAt) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		this.staffId = staffId;
		this.email = email;
		this.passwordAcceptedAt = passwordAcceptedAt;
		setAuthenticated(true);
	}

	public long staffId() {
		return staffId;
	}

	public String email() {
		return email;
	}

	public Instant passwordAcceptedAt() {
		return passwordAcceptedAt;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return "pending:" + staffId;
	}

}
