package org.masthead.content;

import java.util.Set;

/** What content tells other modules after a change is committed. */
public final class ContentEvents {

	private ContentEvents() {
	}

	/**
	 * An article went live or its live revision changed.
	 *
	 * @param previousSlug the slug readers knew it by before, or null
	 * @param sectionIds sections it is shown in, before and after the change
	 * @param tagIds tags, before and after
	 * @param authorIds authors, before and after
	 */
	public record ArticlePublished(long articleId, String slug, String previousSlug, Set<Long> sectionIds,
			Set<Long> tagIds, Set<Long> authorIds) {
	}

	/** An article was taken off the site. */
	public record ArticleUnpublished(long articleId, String slug, Set<Long> sectionIds, Set<Long> tagIds,
			Set<Long> authorIds) {
	}

	/** A correction or editor's note was added to a published article. */
	public record ArticleNoteAdded(long articleId) {
	}

	/** A curated list's contents or order changed. */
	public record CuratedListChanged(CuratedList list) {
	}

	/** An author's profile changed. */
	public record AuthorChanged(long authorId) {
	}

	/** A section or tag was added or renamed. */
	public record TaxonomyChanged() {
	}

}
