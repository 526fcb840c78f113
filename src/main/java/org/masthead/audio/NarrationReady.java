package org.masthead.audio;

/** A narration became playable: the article's page should show (or update) its player. */
public record NarrationReady(long articleId, String slug) {
}
