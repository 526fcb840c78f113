package org.masthead.content.internal;

import java.util.regex.Pattern;

/** The shape of a slug: what goes in a reader URL. */
final class Slugs {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private Slugs() {
	}

	static String require(String slug) {
		if (slug == null || slug.length() > 200 || !SLUG.matcher(slug).matches()) {
			throw new IllegalArgumentException("A slug is lowercase letters, digits and single dashes: " + slug);
		}
		return slug;
	}

}
