package org.masthead.search;

import java.time.LocalDate;

/**
 * What a reader asks for.
 *
 * @param text the words typed, as typed
 * @param section a section slug, or null for all
 * @param author an author slug, or null for all
 * @param from first day (newsroom time zone), or null
 * @param to last day (inclusive), or null
 * @param page from 1
 */
public record SearchQuery(String text, String section, String author, LocalDate from, LocalDate to, Sort sort,
		int page, int size) {

	/** Most relevant first, or newest first. */
	public enum Sort {

		RELEVANCE, NEWEST

	}

	/** Words alone, most relevant first, the first ten results. */
	public static SearchQuery of(String text) {
		return new SearchQuery(text, null, null, null, null, Sort.RELEVANCE, 1, 10);
	}

}
