package org.masthead.site.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The page cache on {@code /actuator/prometheus}: hits and misses of anonymous reader requests
 * ({@code rate(masthead_page_cache_hits_total[5m])}), the hit ratio since start, pages and bytes held;
 * and the CDN purges sent, failed and waiting.
 */
@Component
class PageCacheMetrics implements MeterBinder {

	private final PageCache cache;

	private final CdnPurge cdn;

	PageCacheMetrics(PageCache cache, CdnPurge cdn) {
		this.cache = cache;
		this.cdn = cdn;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("masthead.page.cache.hits", cache, PageCache::hits)
			.description("Reader requests answered from the page cache")
			.register(registry);
		FunctionCounter.builder("masthead.page.cache.misses", cache, PageCache::misses)
			.description("Cacheable reader requests that had to be rendered")
			.register(registry);
		Gauge.builder("masthead.page.cache.hit.ratio", cache, PageCacheMetrics::hitRatio)
			.description("Share of cacheable reader requests answered from the cache since start")
			.register(registry);
		Gauge.builder("masthead.page.cache.pages", cache, PageCache::size)
			.description("Pages held in the page cache")
			.register(registry);
		Gauge.builder("masthead.page.cache.size", cache, PageCache::bytes)
			.description("Bytes of pages held in the page cache")
			.baseUnit("bytes")
			.register(registry);
		FunctionCounter.builder("masthead.cdn.purge.requests", cdn, CdnPurge::accepted)
			.description("Purge requests the CDN accepted (this node)")
			.tag("outcome", "accepted")
			.register(registry);
		FunctionCounter.builder("masthead.cdn.purge.requests", cdn, CdnPurge::failed)
			.description("Purge requests the CDN refused or did not answer (this node)")
			.tag("outcome", "failed")
			.register(registry);
		Gauge.builder("masthead.cdn.purge.waiting", cdn, CdnPurge::waiting)
			.description("CDN purges waiting to be sent, all nodes")
			.register(registry);
	}

	static double hitRatio(PageCache cache) {
		long hits = cache.hits();
		long all = hits + cache.misses();
		return all == 0 ? 0 : (double) hits / all;
	}

}
