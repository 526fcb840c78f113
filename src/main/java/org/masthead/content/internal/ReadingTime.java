package org.masthead.content.internal;

import org.jsoup.Jsoup;

/** "N min read", from the words of the body at an adult's silent reading pace. */
final class ReadingTime {

	static final int WORDS_PER_MINUTE = 230;

	private ReadingTime() {
	}

	static int minutes(String headline, String bodyHtml) {
		String text = (headline == null ? "" : headline) + " " + Jsoup.parse(bodyHtml == null ? "" : bodyHtml).text();
		int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
		return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
	}

}
