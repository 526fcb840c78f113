package org.masthead.site;

import org.masthead.content.Article;

/**
 * Renders an article page exactly as readers will see it, from an {@link Article} that need not be
 * published: the newsroom's preview. The page is marked {@code noindex}; whoever serves it must
 * also forbid caching ({@code Cache-Control: no-store}). It is never stored in the page cache.
 */
public interface ArticlePreview {

	/** The whole HTML page for the article, with the site's frame, related cards filled in. */
	String render(Article article);

}
