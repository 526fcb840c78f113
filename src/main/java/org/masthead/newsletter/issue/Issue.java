package org.masthead.newsletter.issue;

import java.time.Instant;
import java.util.List;

/**
 * One edition of a newsletter as stored.
 *
 * @param articleSlugs the chosen articles in order (empty for a digest)
 * @param digestSince for a digest, articles published after this time; null for chosen articles
 * @param html the rendered email as sent (with per-subscriber placeholders), null until sending starts
 */
public record Issue(long id, long newsletterId, String slug, String subject, String preheader, IssueStatus status,
		boolean digest, Instant digestSince, List<String> articleSlugs, Instant scheduledAt, String html, String text,
		String createdBy, Instant createdAt, Instant updatedAt, Instant sendingStartedAt, Instant sentAt) {

	public boolean isDigest() {
		return digest;
	}

	/** The same issue with other rendered HTML (e.g. with links led through click tracking). */
	public Issue withHtml(String other) {
		return new Issue(id, newsletterId, slug, subject, preheader, status, digest, digestSince, articleSlugs, scheduledAt,
				other, text, createdBy, createdAt, updatedAt, sendingStartedAt, sentAt);
	}

}
