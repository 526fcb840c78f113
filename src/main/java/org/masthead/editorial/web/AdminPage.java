package org.masthead.editorial.web;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.StaffMember;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every newsroom page of this module hands to the admin layout: its title, the signed-in staff
 * member, the CSRF token for its forms, the navigation entry it belongs to and a notice.
 */
public record AdminPage(String title, StaffMember staff, String csrfParameter, String csrfHeader, String csrfToken,
		String current, String notice) {

	public static AdminPage of(String title, String current, CsrfToken csrf) {
		return new AdminPage(title, CurrentStaff.get().orElse(null), csrf.getParameterName(), csrf.getHeaderName(),
				csrf.getToken(), current, null);
	}

	AdminPage notice(String text) {
		return new AdminPage(title, staff, csrfParameter, csrfHeader, csrfToken, current, text);
	}

	AdminPage titled(String text) {
		return new AdminPage(text, staff, csrfParameter, csrfHeader, csrfToken, current, notice);
	}

}
