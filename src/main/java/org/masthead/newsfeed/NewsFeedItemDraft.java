package org.masthead.newsfeed;

import java.time.Instant;

/**
 * What an editor writes for a news feed item; checked by {@link NewsFeed#post} and {@link NewsFeed#edit}.
 *
 * @param postedAt the time to show, or null for now
 * @param articleSlug the slug of a published article to link to, or null
 */
public record NewsFeedItemDraft(String headline, String body, String articleSlug, boolean breaking, boolean pinned,
		Instant postedAt) {
}
