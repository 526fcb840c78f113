package org.masthead.site.cache;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import org.masthead.platform.MastheadProperties;
import org.springframework.stereotype.Component;

/**
 * Final page bytes by path, with an index from content key to the paths built from it, so a
 * change drops exactly the pages that showed the changed item. A generation number guards the
 * race where a page is rendered from old data while an invalidation runs: such a page is not stored.
 */
@Component
public class PageCache {

	private final Cache<String, CachedPage> pages;

	private final ConcurrentHashMap<String, Set<String>> pathsByKey = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong misses = new AtomicLong();

	PageCache(MastheadProperties properties) {
		this.pages = Caffeine.newBuilder()
			.maximumSize(properties.cache().maxPages())
			.removalListener((String path, CachedPage page, RemovalCause cause) -> {
				if (page != null && cause.wasEvicted()) {
					unindex(path, page);
				}
			})
			.build();
	}

	CachedPage get(String path) {
		CachedPage page = pages.getIfPresent(path);
		(page == null ? misses : hits).incrementAndGet();
		return page;
	}

	long generation() {
		return generation.get();
	}

	void put(String path, CachedPage page, long renderedAtGeneration) {
		for (String key : page.keys()) {
			pathsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(path);
		}
		pages.put(path, page);
		if (generation.get() != renderedAtGeneration) {
			pages.invalidate(path);
		}
	}

	/** Drops every page built from any of these keys; returns how many were dropped. */
	public int invalidate(Collection<String> keys) {
		generation.incrementAndGet();
		int dropped = 0;
		for (String key : keys) {
			Set<String> paths = pathsByKey.remove(key);
			if (paths != null) {
				for (String path : paths) {
					if (pages.asMap().remove(path) != null) {
						dropped++;
					}
				}
			}
		}
		return dropped;
	}

	/** Drops one path, whatever it was built from. */
	public void invalidatePath(String path) {
		generation.incrementAndGet();
		pages.invalidate(path);
	}

	/** Drops everything. */
	public void clear() {
		generation.incrementAndGet();
		pages.invalidateAll();
		pathsByKey.clear();
	}

	public long size() {
		return pages.estimatedSize();
	}

	public long hits() {
		return hits.get();
	}

	public long misses() {
		return misses.get();
	}

	private void unindex(String path, CachedPage page) {
		for (String key : page.keys()) {
			Set<String> paths = pathsByKey.get(key);
			if (paths != null) {
				paths.remove(path);
			}
		}
	}

}
