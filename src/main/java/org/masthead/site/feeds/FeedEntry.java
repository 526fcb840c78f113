package org.masthead.site.feeds;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, whatever the format.
 *
 * @param contentHtml the whole text as HTML with absolute links, or null for summary feeds
 * @param imageUrl absolute URL of the hero image, or null
 */
record FeedEntry(String id, String url, String title, String summary, String contentHtml, Instant published,
		Instant updated, List<Author> authors, List<String> categories, String imageUrl) {

	record Author(String name, String url) {
	}

}
