package org.masthead.audio.web;

import org.masthead.identity.StaffMember;
import org.springframework.security.web.csrf.CsrfToken;

/** What the narration pages hand to the newsroom's layout: title, staff member, CSRF token, notice. */
public record AdminPage(String title, StaffMember staff, String csrfParameter, String csrfToken, String notice) {

	AdminPage(String title, StaffMember staff, CsrfToken csrf, Object notice) {
		this(title, staff, csrf.getParameterName(), csrf.getToken(), notice == null ? null : notice.toString());
	}

}
