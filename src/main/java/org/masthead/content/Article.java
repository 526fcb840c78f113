package org.masthead.content;

import java.time.Instant;
import java.util.List;

import org.masthead.content.Refs.TagRef;

/**
 * A published article, whole: what its page shows.
 *
 * @param bodyHtml sanitized HTML; related-article cards appear as
 *     {@code <aside class="related-card" data-slug="...">} placeholders for the page to fill in
 * @param notes corrections and editor's notes, oldest first
 * @param seoTitle the title for search results and link previews, or null for the headline
 * @param seoDescription the description for search results, or null for the dek
 */
public record Article(ArticleSummary summary, String bodyHtml, String language, List<TagRef> tags,
		List<Note> notes, String seoTitle, String seoDescription) {

	/** An article without its own SEO title and description. */
	public Article(ArticleSummary summary, String bodyHtml, String language, List<TagRef> tags, List<Note> notes) {
		this(summary, bodyHtml, language, tags, notes, null, null);
	}

	/** A correction or editor's note shown with the article. */
	public record Note(NoteKind kind, String body, Instant createdAt) {
	}

	/** What a note is. */
	public enum NoteKind {

		/** Fixes a factual error. */
		CORRECTION,

		/** Explains what changed or how the story was reported. */
		EDITORS_NOTE

	}

}
