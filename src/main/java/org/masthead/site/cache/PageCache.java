package org.masthead.site.cache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import org.masthead.platform.MastheadProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Final page bytes by path, with an index from content key to the paths built from it, so a
 * change drops exactly the pages that showed the changed item. A generation number guards the
 * race where a page is rendered from old data while an invalidation runs: such a page is not stored.
 */
@Component
public class PageCache {

	/**
	 * The cache may fill a quarter of the maximum heap: at bin/masthead's -Xmx160m, 40 MB, about 5,000
	 * article pages of about 8 KB each (gzip-compressed, with headers and keys).
	 */
	static final int HEAP_SHARE = 4;

	private final Cache<String, CachedPage> pages;

	private final ConcurrentHashMap<String, Set<String>> pathsByKey = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong misses = new AtomicLong();

	@Autowired
	PageCache(MastheadProperties properties) {
		this(properties.cache().maxPages(), Runtime.getRuntime().maxMemory() / HEAP_SHARE);
	}

	/**
	 * Keeps at most {@code maxPages} pages and at most {@code maxBytes} of page bytes. A count alone
	 * is not a bound: at 10,000 articles of about 17 KB each (plain and gzipped), a 20,000-page cache
	 * outgrew a 256 MB heap and the JVM spent a quarter of its time in full collections. Every page
	 * weighs its bytes, and at least {@code maxBytes / maxPages}, so neither limit is passed.
	 */
	PageCache(int maxPages, long maxBytes) {
		long budget = Math.max(1, maxBytes);
		int floor = (int) Math.min(Integer.MAX_VALUE, Math.max(1, budget / Math.max(1, maxPages)));
		this.pages = Caffeine.newBuilder()
			.maximumWeight(maxPages == 0 ? 0 : budget)
			.weigher((String path, CachedPage page) -> Math.max(floor, weight(path, page)))
			.removalListener((String path, CachedPage page, RemovalCause cause) -> {
				if (page != null && cause.wasEvicted()) {
					unindex(path, page);
				}
			})
			.build();
	}

	/** The bytes a page holds on the heap: its bodies, plus a rough allowance for headers, keys and entry. */
	static int weight(String path, CachedPage page) {
		long bytes = (page.plain() == null ? 0L : page.plain().length) + page.gzipped().length + 2L * path.length() + 1024;
		for (CachedPage.Header header : page.headers()) {
			bytes += 2L * (header.name().length() + header.value().length());
		}
		return (int) Math.min(bytes, Integer.MAX_VALUE);
	}

	CachedPage get(String path) {
		CachedPage page = pages.getIfPresent(path);
		(page == null ? misses : hits).incrementAndGet();
		return page;
	}

	/**
	 * The plain bytes of a cached page, for a client that does not accept gzip: decompressed the first
	 * time and then kept with the page (weighed with it), so repeated plain requests cost no more
	 * than gzip ones. A page dropped meanwhile stays dropped.
	 */
	byte[] plain(String path, CachedPage page) throws IOException {
		if (page.plain() != null) {
			return page.plain();
		}
		byte[] plain;
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(page.gzipped()))) {
			plain = in.readAllBytes();
		}
		pages.asMap().replace(path, page, page.withPlain(plain));
		return plain;
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

	/** The bytes the cached pages hold, as weighed against the limit. */
	public long bytes() {
		pages.cleanUp();
		return pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
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
