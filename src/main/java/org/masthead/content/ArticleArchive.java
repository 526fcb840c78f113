package org.masthead.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Published articles in bulk, for what reads the whole archive: the search index, feeds, sitemaps
 * and the Content API. Like {@link ArticleCatalog}, it shows only published revisions.
 */
public interface ArticleArchive {

	/**
	 * Whole articles whose id is greater than {@code afterId}, in id order, at most {@code limit}: page
	 * through the archive by passing the last id seen. Notes are left out (empty).
	 */
	List<Article> publishedAfter(long afterId, int limit);

	/** Whole articles for these ids, those that are published, in no particular order. Notes are left out. */
	List<Article> published(java.util.Collection<Long> articleIds);

	/** Articles matching the filter, newest first. */
	Page<ArticleSummary> find(ArticleFilter filter, int page, int size);

	/** Articles published in {@code [from, to)}, oldest first, for sitemaps. */
	List<ArchiveEntry> entries(Instant from, Instant to, int offset, int limit);

	/** How many articles were published in {@code [from, to)}. */
	long count(Instant from, Instant to);

	/** When the oldest live article was published; empty when nothing is. */
	Optional<Instant> firstPublishedAt();

	/** Every author, by name. */
	List<AuthorProfile> authors();

	/** Every tag, by name. */
	List<Tag> tags();

	/**
	 * Which articles to list; a null field matches everything.
	 *
	 * @param from published at or after
	 * @param to published before
	 */
	record ArticleFilter(Long sectionId, Long tagId, Long authorId, Instant from, Instant to) {

		public static ArticleFilter all() {
			return new ArticleFilter(null, null, null, null, null);
		}

	}

	/**
	 * An article as a sitemap lists it.
	 *
	 * @param updatedAt when it last changed after publication, or null
	 * @param hero its hero image, or null
	 */
	record ArchiveEntry(long id, String slug, String headline, String language, Instant publishedAt, Instant updatedAt,
			Image hero) {

		/** The reader URL path of the article. */
		public String path() {
			return "/" + slug + "/";
		}

	}

}
