package org.masthead.content;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Read access to what readers may see: only published revisions, never working copies. */
public interface ArticleCatalog {

	/** The live article at a slug. */
	Optional<Article> article(String slug);

	/** The current slug of an article that was once published under {@code oldSlug}. */
	Optional<String> currentSlugFor(String oldSlug);

	/** The newest published articles. */
	Page<ArticleSummary> latest(int page, int size);

	/** The newest articles in a section. */
	Page<ArticleSummary> inSection(long sectionId, int page, int size);

	/** The newest articles with a tag. */
	Page<ArticleSummary> withTag(long tagId, int page, int size);

	/** The newest articles by an author. */
	Page<ArticleSummary> byAuthor(long authorId, int page, int size);

	/** A curated list in its editors' order, published articles only. */
	List<ArticleSummary> curated(CuratedList list, int limit);

	/** Published articles for a set of slugs (for related-article cards); unknown slugs are left out. */
	List<ArticleSummary> summaries(Collection<String> slugs);

	/** Sections in header order. */
	List<Section> sections();

	Optional<Section> section(String slug);

	Optional<Tag> tag(String slug);

	Optional<AuthorProfile> author(String slug);

	/** How many articles are live. */
	long publishedCount();

}
