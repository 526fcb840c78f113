package org.masthead.search;

import java.time.Instant;
import java.util.List;

/**
 * One page of results.
 *
 * @param total how many articles match
 * @param notes what the reader should know about how the query was read (e.g. "searched as plain
 *     words"); empty when nothing is worth saying
 */
public record SearchResults(List<Hit> hits, long total, int page, int size, List<String> notes) {

	public int totalPages() {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + size - 1) / size));
	}

	public boolean hasNext() {
		return page < totalPages();
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	/** No results and nothing to explain. */
	public static SearchResults empty(int page, int size, List<String> notes) {
		return new SearchResults(List.of(), 0, page, size, List.copyOf(notes));
	}

	/**
	 * One matching article.
	 *
	 * @param snippetHtml a passage of the article, HTML-escaped, with the matching words in {@code <mark>}
	 */
	public record Hit(long articleId, String slug, String headline, String dek, String snippetHtml, Instant publishedAt,
			String sectionName, List<String> authors) {

		public String path() {
			return "/" + slug + "/";
		}

	}

}
