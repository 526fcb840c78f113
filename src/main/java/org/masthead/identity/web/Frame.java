package org.masthead.identity.web;

import java.util.Map;

import org.masthead.identity.CurrentStaff;
import org.masthead.identity.StaffMember;
import org.masthead.identity.account.FieldErrors;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every identity page hands to {@code admin/layout.jte}: title, signed-in staff member, CSRF
 * token, the current navigation entry, a notice, and the form's errors by field.
 */
public record Frame(String title, StaffMember staff, String csrfParameter, String csrfToken, String current,
		String notice, Map<String, String> errors) {

	public static Frame of(String title, String current, CsrfToken csrf) {
		return new Frame(title, CurrentStaff.get().orElse(null), csrf.getParameterName(), csrf.getToken(), current,
				null, Map.of());
	}

	public Frame notice(String text) {
		return new Frame(title, staff, csrfParameter, csrfToken, current, text, errors);
	}

	public Frame errors(FieldErrors fieldErrors) {
		return new Frame(title, staff, csrfParameter, csrfToken, current, notice, fieldErrors.asMap());
	}

	public String error(String field) {
		return errors.get(field);
	}

}
