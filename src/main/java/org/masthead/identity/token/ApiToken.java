package org.masthead.identity.token;

import java.time.Instant;

import org.masthead.identity.Role;

/** An API token as the tokens page lists it; the secret itself is never kept. */
public record ApiToken(long id, String name, Role role, String prefix, Long createdBy, String createdByName,
		Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

	public boolean isRevoked() {
		return revokedAt != null;
	}

}
