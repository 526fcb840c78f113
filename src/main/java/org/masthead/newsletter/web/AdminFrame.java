package org.masthead.newsletter.web;

import java.util.Map;

import org.masthead.identity.StaffMember;

/** What the newsletter pages of the newsroom hand to {@code admin/layout.jte}, and the form's errors by field. */
public record AdminFrame(String title, StaffMember staff, String csrfParameter, String csrfToken, String notice,
		Map<String, String> errors) {

	public String error(String field) {
		return errors.get(field);
	}

}
