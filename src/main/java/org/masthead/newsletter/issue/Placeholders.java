package org.masthead.newsletter.issue;

/**
 * Markers in an issue's rendered email that sending replaces for each subscriber. They survive
 * HTML escaping unchanged and cannot come from an article (which is escaped text).
 */
public final class Placeholders {

	public static final String UNSUBSCRIBE = "%%masthead-unsubscribe%%";

	public static final String MANAGE = "%%masthead-manage%%";

	/** Where the open-tracking pixel goes (an empty string when tracking is off). */
	public static final String PIXEL = "%%masthead-pixel%%";

	private Placeholders() {
	}

}
