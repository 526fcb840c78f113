package org.masthead.newsfeed;

import java.time.Instant;

/**
 * One numbered change to the news feed, as open pages receive it.
 *
 * @param seq the change's number: every change has a higher one than all committed before it
 * @param item the item as it is now; null when it was deleted (or deleted since)
 */
public record NewsFeedChange(long seq, long itemId, Kind kind, Instant occurredAt, NewsFeedItem item) {

	/** What happened to the item. */
	public enum Kind {

		POSTED, EDITED, DELETED;

		/** The Server-Sent Events event name: "posted", "edited", "deleted". */
		public String eventName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
