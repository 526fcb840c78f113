package org.masthead.newsfeed;

import java.util.List;
import java.util.Optional;

import org.masthead.content.Page;

/** The news feed: reading it, changing it, and the numbered changes live pages follow. */
public interface NewsFeed {

	/** All items, newest first, pinned or not. */
	Page<NewsFeedItem> page(int page, int size);

	/** Pinned items, newest first (at most two). */
	List<NewsFeedItem> pinned();

	/** The newest items, pinned first, for the column beside articles. */
	List<NewsFeedItem> column(int size);

	Optional<NewsFeedItem> item(long id);

	/** The newest item flagged breaking that is still fresh enough for the banner. */
	Optional<NewsFeedItem> breaking();

	/** Posts an item; returns its id. Throws {@link InvalidNewsFeedItemException}. */
	long post(NewsFeedItemDraft draft, String postedBy);

	/** Changes an item; false when there is no such item. Throws {@link InvalidNewsFeedItemException}. */
	boolean edit(long id, NewsFeedItemDraft draft);

	/** Deletes an item; false when there is no such item. */
	boolean delete(long id);

	/** Changes after {@code seq}, oldest first, at most {@code limit}. */
	List<NewsFeedChange> changesAfter(long seq, int limit);

	/** The number of the newest change, 0 when there is none. */
	long lastChange();

}
