package org.masthead.newsletter.issue;

import java.util.Map;

/** An issue's fields break a rule; {@link #errors()} says which field and what is wrong. */
public class InvalidIssueException extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidIssueException(Map<String, String> errors) {
		super("The issue breaks a rule: " + errors, null, false, false);
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return errors;
	}

}
