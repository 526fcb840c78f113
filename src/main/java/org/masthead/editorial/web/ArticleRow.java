package org.masthead.editorial.web;

import org.masthead.content.ArticleStatus;
import org.masthead.content.WorkingCopy;

/**
 * An article as newsroom lists show it.
 *
 * @param when the time that matters for its status, in the newsroom's zone
 * @param livePath the reader address, when it is live
 */
public record ArticleRow(long id, String headline, ArticleStatus status, String when, String livePath) {

	static ArticleRow of(WorkingCopy copy, NewsroomTime time) {
		String when = switch (copy.status()) {
			case SCHEDULED -> time.full(copy.scheduledAt());
			case PUBLISHED -> time.full(copy.publishedAt() != null ? copy.publishedAt() : copy.updatedAt());
			default -> time.full(copy.updatedAt());
		};
		String headline = copy.draft().headline() == null || copy.draft().headline().isBlank() ? "(no headline)"
				: copy.draft().headline();
		return new ArticleRow(copy.id(), headline, copy.status(), when, copy.isLive() ? "/" + copy.liveSlug() + "/" : null);
	}

	/** "In review", "Scheduled"... */
	public String statusLabel() {
		return label(status);
	}

	static String label(ArticleStatus status) {
		String words = status.name().toLowerCase().replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
