package org.masthead.content;

import java.time.Instant;

/**
 * An article's working copy as the editor shows it.
 *
 * @param revision the number of the last saved revision; a save must name it, so that two people
 *     editing the same article find out before one overwrites the other
 * @param ownerId the staff member who created it (for "authors publish their own articles"), or null
 * @param scheduledAt when a scheduled article goes live, or null
 * @param reviewComment what a reviewer said when sending it back, or null
 * @param liveSlug the slug readers reach it at, when it is published
 */
public record WorkingCopy(long id, ArticleDraft draft, ArticleStatus status, int revision, Long ownerId,
		Instant createdAt, Instant updatedAt, Instant scheduledAt, String reviewComment, String liveSlug,
		Instant publishedAt) {

	public boolean isLive() {
		return liveSlug != null;
	}

}
