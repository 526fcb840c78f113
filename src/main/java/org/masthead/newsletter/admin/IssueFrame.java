package org.masthead.newsletter.admin;

import java.util.Map;

import org.masthead.identity.StaffMember;

/** What the issue pages hand to {@code admin/layout.jte}, and the form's errors by field. */
public record IssueFrame(String title, StaffMember staff, String csrfParameter, String csrfToken, String notice,
		Map<String, String> errors) {

	public String error(String field) {
		return errors.get(field);
	}

}
