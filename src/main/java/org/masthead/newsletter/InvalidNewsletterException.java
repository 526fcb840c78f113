package org.masthead.newsletter;

import java.util.Map;

/** A newsletter that breaks a rule; the message of each field says what to fix. */
public class InvalidNewsletterException extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidNewsletterException(Map<String, String> errors) {
		super(String.join(" ", errors.values()), null, false, false);
		this.errors = Map.copyOf(errors);
	}

	/** Messages by field name of {@link NewsletterDraft}. */
	public Map<String, String> errors() {
		return errors;
	}

}
