package org.masthead.identity.invitation;

import java.time.Instant;

import org.masthead.identity.Role;

/** An invitation to join the newsroom, as the staff page lists it. */
public record Invitation(long id, String email, Role role, String invitedByName, Instant createdAt, Instant expiresAt,
		Instant acceptedAt) {

	public boolean isPending(Instant now) {
		return acceptedAt == null && expiresAt.isAfter(now);
	}

}
