package org.masthead.content;

import java.time.Instant;
import java.util.List;

import org.masthead.content.Refs.AuthorRef;
import org.masthead.content.Refs.SectionRef;

/**
 * A published article as lists show it: headline, dek, byline, times and hero image.
 *
 * @param updatedAt when the published revision last changed after first publication, or null
 * @param hero the hero image, or null when the article has none
 */
public record ArticleSummary(long id, String slug, String headline, String dek, Instant publishedAt,
		Instant updatedAt, SectionRef section, List<AuthorRef> authors, Image hero, int readingMinutes) {

	/** The reader URL path of the article. */
	public String path() {
		return "/" + slug + "/";
	}

}
