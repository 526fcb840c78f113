package org.masthead.identity;

import java.util.Optional;

import org.masthead.identity.account.StaffPrincipal;
import org.masthead.identity.token.ApiTokenAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The staff member behind the current request: signed in with a session (newsroom pages, and
 * reader pages visited while signed in) or an API token ({@link StaffMember#isApiToken()}). Empty
 * for readers, and for someone who has given a password but not yet their two-factor code.
 */
public final class CurrentStaff {

	private CurrentStaff() {
	}

	public static Optional<StaffMember> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof StaffPrincipal principal) {
			return Optional.of(principal.staff());
		}
		if (authentication instanceof ApiTokenAuthentication token) {
			return Optional.of(token.getPrincipal());
		}
		return Optional.empty();
	}

	/** Whether someone is signed in whose role includes {@code role}. */
	public static boolean may(Role role) {
		return get().map(staff -> staff.may(role)).orElse(false);
	}

}
