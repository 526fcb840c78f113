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

}
