package org.masthead.site.feeds;

import java.time.Instant;
import java.util.List;

/**
 * A feed: what it is about, where it lives, and its entries newest first.
 *
 * @param link the page the feed mirrors (absolute)
 * @param self the feed's own address (absolute)
 */
record FeedChannel(String title, String description, String link, String self, String language, Instant updated,
		List<FeedEntry> entries) {
}
