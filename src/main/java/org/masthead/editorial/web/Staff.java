package org.masthead.editorial.web;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.StaffMember;
import org.springframework.security.access.AccessDeniedException;

/** The staff member behind a newsroom request; the security chain lets only signed-in staff this far. */
final class Staff {

	private Staff() {
	}

	static StaffMember current() {
		return CurrentStaff.get().orElseThrow(() -> new AccessDeniedException("Sign in to the newsroom first."));
	}

}
