package org.masthead.newsfeed;

import java.time.Instant;

/**
 * A news feed item as readers see it.
 *
 * @param postedAt the time the item shows, normally when it was posted
 * @param body one to three sentences of plain text
 * @param articleSlug the article it links to, or null
 * @param updatedAt when it was last edited, or null
 * @param postedBy the staff member (or API token) who posted it
 */
public record NewsFeedItem(long id, Instant postedAt, String headline, String body, String articleSlug,
		boolean breaking, boolean pinned, Instant updatedAt, String postedBy) {

	/** The item's permalink path. */
	public String path() {
		return "/news-feed/" + id + "/";
	}

	/** The reader path of the linked article, or null. */
	public String articlePath() {
		return articleSlug == null ? null : "/" + articleSlug + "/";
	}

}
