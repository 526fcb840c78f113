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
import org.masthead.platform.ClusterSignals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns content events into the cache keys and paths of the pages they affect, and drops them on
 * every node once the change commits: the keys travel as a cluster signal written in the change's
 * transaction (see {@link ClusterSignals}), so every node drops the same pages. The same keys go to
 * the CDN's purge hook ({@link CdnPurge}).
 */
@Component
class PageCacheInvalidation {

	private static final Logger log = LoggerFactory.getLogger(PageCacheInvalidation.class);

	/** The signal channel: one line per key ({@code k <key>}) or path ({@code p <path>}). */
	static final String CHANNEL = "site.page-cache";

	private final PageCache cache;

	private final ClusterSignals signals;

	private final CdnPurge cdn;

	private final SiteFurniture furniture;

	PageCacheInvalidation(PageCache cache, ClusterSignals signals, CdnPurge cdn, SiteFurniture furniture) {
		this.cache = cache;
		this.furniture = furniture;
		this.signals = signals;
		this.cdn = cdn;
		signals.subscribe(CHANNEL, this::drop);
	}

	/** Drops the keys and paths a signal names, on this node. */
	void drop(String payload) {
		furniture.dropContent(); // first: pages rendered from here on must not get the old furniture
		List<String> keys = new ArrayList<>();
		int paths = 0;
		for (String line : payload.split("\n")) {
			if (line.startsWith("k ")) {
				keys.add(line.substring(2));
			}
			else if (line.startsWith("p ")) {
				cache.invalidatePath(line.substring(2));
				paths++;
			}
		}
		int dropped = cache.invalidate(keys);
		log.debug("Dropped {} cached pages for {} keys and {} paths", dropped, keys.size(), paths);
	}

	private void signal(List<String> keys, String... paths) {
		StringBuilder payload = new StringBuilder();
		keys.forEach(key -> payload.append("k ").append(key).append('\n'));
		for (String path : paths) {
			payload.append("p ").append(path).append('\n');
		}
		signals.publish(CHANNEL, payload.toString());
		cdn.queue(keys, List.of(paths)); // once, from the node where the change happened
	}

	@EventListener
	void on(ArticlePublished event) {
		List<String> keys = keys(event.articleId(), event.sectionIds(), event.tagIds(), event.authorIds());
		if (event.previousSlug() != null) {
			signal(keys, "/" + event.slug() + "/", "/" + event.previousSlug() + "/");
		}
		else {
			signal(keys, "/" + event.slug() + "/");
		}
	}

	@EventListener
	void on(ArticleUnpublished event) {
		signal(keys(event.articleId(), event.sectionIds(), event.tagIds(), event.authorIds()), "/" + event.slug() + "/");
	}

	@EventListener
	void on(ArticleNoteAdded event) {
		signal(List.of(PageDependencies.article(event.articleId())));
	}

	/** A narration became playable: the article page shows its player from now on. */
	@EventListener
	void on(NarrationReady event) {
		signal(List.of(PageDependencies.article(event.articleId())), "/" + event.slug() + "/");
	}

	@EventListener
	void on(CuratedListChanged event) {
		signal(List.of(PageDependencies.list(event.list().slug())));
	}

	@EventListener
	void on(AuthorChanged event) {
		signal(List.of(PageDependencies.author(event.authorId())));
	}

	@EventListener
	void on(TaxonomyChanged event) {
		signal(List.of(PageDependencies.TAXONOMY));
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
