package org.masthead.site.web;

import java.util.regex.Pattern;

/** Reads a page number from a URL segment; anything but 2..99999 is "not found". */
final class PageNumbers {

	private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,4}");

	private PageNumbers() {
	}

	static int parse(String segment) {
		if (segment == null || !NUMBER.matcher(segment).matches()) {
			throw new NotFoundException("No such page: " + segment);
		}
		return Integer.parseInt(segment);
	}

}
