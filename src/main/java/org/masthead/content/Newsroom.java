package org.masthead.content;

import java.time.Instant;
import java.util.List;

import org.masthead.content.Article.NoteKind;

/**
 * Commands that change content. Each runs in its own transaction and announces itself with a
 * {@link ContentEvents} event once committed.
 */
public interface Newsroom {

	long createSection(String slug, String name, String description);

	long createTag(String slug, String name, String description);

	long createAuthor(String slug, String name, String jobTitle, String bio, Long photoId);

	/** Saves a new working copy as revision 1, in status {@link ArticleStatus#DRAFT}. */
	long createDraft(ArticleDraft draft);

	/** Saves the working copy as a new revision; readers see nothing until it is published. */
	void saveDraft(long articleId, ArticleDraft draft);

	/**
	 * Makes the working copy the live revision. The first publication sets the publication time;
	 * later ones set the "Updated" time.
	 */
	void publish(long articleId, Instant at);

	/** Takes the article off the site; its working copy stays. */
	void unpublish(long articleId);

	/** Adds a correction or editor's note, shown at once. */
	void addNote(long articleId, NoteKind kind, String body, Instant at);

	/** Replaces a curated list with these articles, in this order. */
	void curate(CuratedList list, List<Long> articleIds);

	/** Whether any article exists at all (the demo newsroom loads only into an empty database). */
	boolean isEmpty();

}
