package org.masthead.identity.account;

import java.time.Instant;

import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;

/** A staff account row, with what only the identity module sees (password hash, TOTP secret). */
public record StaffAccount(long id, String email, String name, Role role, StaffStatus status, String passwordHash,
		String totpSecret, Instant totpEnabledAt, Long totpLastStep, Instant createdAt) {

	public StaffMember member() {
		return new StaffMember(id, email, name, role);
	}

	public boolean isActive() {
		return status == StaffStatus.ACTIVE;
	}

	public boolean hasTwoFactor() {
		return totpEnabledAt != null;
	}

}
