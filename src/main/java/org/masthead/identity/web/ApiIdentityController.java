package org.masthead.identity.web;

import java.time.Instant;
import java.util.List;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.StaffMember;
import org.masthead.identity.token.ApiTokens;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API endpoints of the identity module: who a token is ({@code /api/admin/me}) and, for
 * Administrator tokens, the list of tokens.
 */
@RestController
class ApiIdentityController {

	private final ApiTokens tokens;

	ApiIdentityController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	record Me(long id, String name, String role, boolean apiToken) {
	}

	record TokenView(long id, String name, String role, String prefix, Instant createdAt, Instant lastUsedAt,
			Instant revokedAt) {
	}

	@GetMapping("/api/admin/me")
	Me me() {
		StaffMember me = CurrentStaff.get().orElseThrow();
		return new Me(me.id(), me.name(), me.role().name(), me.isApiToken());
	}

	@GetMapping("/api/admin/tokens")
	List<TokenView> tokens() {
		return tokens.list().stream()
			.map(t -> new TokenView(t.id(), t.name(), t.role().name(), t.prefix(), t.createdAt(), t.lastUsedAt(),
					t.revokedAt()))
			.toList();
	}

}
