package org.masthead.site.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.audio.NarrationReady;
import org.masthead.content.ContentEvents.ArticleNoteAdded;
import org.masthead.content.ContentEvents.ArticlePublished;
import org.masthead.content.ContentEvents.ArticleUnpublished;
import org.masthead.content.ContentEvents.AuthorChanged;
import org.masthead.content.ContentEvents.CuratedListChanged;
import org.masthead.content.ContentEvents.TaxonomyChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Turns content events into the cache keys of the pages they affect, after the change commits. */
@Component
class PageCacheInvalidation {

	private static final Logger log = LoggerFactory.getLogger(PageCacheInvalidation.class);

	private final PageCache cache;

	PageCacheInvalidation(PageCache cache) {
		this.cache = cache;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ArticlePublished event) {
		List<String> keys = keys(event.articleId(), event.sectionIds(), event.tagIds(), event.authorIds());
		int dropped = cache.invalidate(keys);
		cache.invalidatePath("/" + event.slug() + "/");
		if (event.previousSlug() != null) {
			cache.invalidatePath("/" + event.previousSlug() + "/");
		}
		log.debug("Article {} published: dropped {} cached pages", event.articleId(), dropped);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ArticleUnpublished event) {
		cache.invalidate(keys(event.articleId(), event.sectionIds(), event.tagIds(), event.authorIds()));
		cache.invalidatePath("/" + event.slug() + "/");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ArticleNoteAdded event) {
		cache.invalidate(List.of(PageDependencies.article(event.articleId())));
	}

	/** A narration became playable: the article page shows its player from now on. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(NarrationReady event) {
		cache.invalidate(List.of(PageDependencies.article(event.articleId())));
		cache.invalidatePath("/" + event.slug() + "/");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CuratedListChanged event) {
		cache.invalidate(List.of(PageDependencies.list(event.list().slug())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(AuthorChanged event) {
		cache.invalidate(List.of(PageDependencies.author(event.authorId())));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(TaxonomyChanged event) {
		cache.invalidate(List.of(PageDependencies.TAXONOMY));
	}

	private static List<String> keys(long articleId, Set<Long> sections, Set<Long> tags, Set<Long> authors) {
		List<String> keys = new ArrayList<>();
		keys.add(PageDependencies.article(articleId));
		keys.add(PageDependencies.LATEST);
		sections.forEach(id -> keys.add(PageDependencies.section(id)));
		tags.forEach(id -> keys.add(PageDependencies.tag(id)));
		authors.forEach(id -> keys.add(PageDependencies.author(id)));
		return keys;
	}

}
