package org.masthead.newsfeed;

import java.util.Map;

/** A news feed item that breaks a rule; the message of each field says what to fix. */
public class InvalidNewsFeedItemException extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidNewsFeedItemException(Map<String, String> errors) {
		super(String.join(" ", errors.values()), null, false, false);
		this.errors = Map.copyOf(errors);
	}

	/** Messages by field: headline, body, articleSlug, postedAt. */
	public Map<String, String> errors() {
		return errors;
	}

}
