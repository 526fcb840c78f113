package org.masthead.identity.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.masthead.identity.StaffMember;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in staff member as Spring Security holds it (and Spring Session stores it). Its
 * user name is the staff id, not the email: the session index and "sign out everywhere" keep
 * working when an email address changes.
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final StaffMember staff;

	private final boolean active;

	private String passwordHash;

	public StaffPrincipal(StaffMember staff, boolean active, String passwordHash) {
		this.staff = staff;
		this.active = active;
		this.passwordHash = passwordHash;
	}

	public static StaffPrincipal of(StaffAccount account) {
		return new StaffPrincipal(account.member(), account.isActive(), account.passwordHash());
	}

	/** The name sessions are indexed by. */
	public static String principalName(long staffId) {
		return "staff:" + staffId;
	}

	public StaffMember staff() {
		return staff;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(staff.role().authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return principalName(staff.id());
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StaffPrincipal p && p.staff.id() == staff.id();
	}

	@Override
	public int hashCode() {
		return Long.hashCode(staff.id());
	}

	@Override
	public String toString() {
		return "StaffPrincipal[" + staff.id() + "]";
	}

}
