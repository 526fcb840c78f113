package org.masthead.content;

import java.time.Instant;

/** One saved revision of an article's working copy. */
public record Revision(int number, Instant savedAt, String headline, ArticleDraft draft) {
}
