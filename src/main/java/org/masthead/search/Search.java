package org.masthead.search;

/** Full-text search over the published articles. */
public interface Search {

	/** Never throws for anything a reader can type: unreadable syntax is searched as plain words. */
	SearchResults search(SearchQuery query);

	/** How many articles the index holds. */
	long indexedCount();

	/**
	 * Reads every published article from the database into a fresh index and swaps it in;
	 * searches keep being answered from the old one meanwhile.
	 *
	 * @param progress told {@code (done, total)} as articles are indexed
	 * @return how many articles were indexed
	 */
	long rebuild(java.util.function.BiConsumer<Long, Long> progress);

}
