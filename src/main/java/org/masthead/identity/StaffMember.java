package org.masthead.identity;

import java.io.Serializable;

/**
 * Someone who signs in to the newsroom, or an API token acting in the newsroom.
 *
 * @param id the staff member's id; for an API token, the token's id (ids never collide)
 * @param email lower-case sign-in address; null for an API token
 * @param name the name shown in the newsroom and the audit log
 * @param role what they may do
 */
public record StaffMember(long id, String email, String name, Role role) implements Serializable {

	/** Whether this is an API token rather than a person. */
	public boolean isApiToken() {
		return email == null;
	}

	/** Whether this staff member's role includes {@code role}. */
	public boolean may(Role role) {
		return this.role.includes(role);
	}

}
