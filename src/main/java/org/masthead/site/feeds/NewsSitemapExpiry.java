package org.masthead.site.feeds;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.masthead.site.cache.PageCache;
import org.springframework.stereotype.Component;

/**
 * The Google News sitemap lists the last 48 hours: articles leave it as time passes, with no event
 * to drop the cached copy, so it is dropped every few minutes.
 */
@Component
class NewsSitemapExpiry {

	private final PageCache cache;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "news-sitemap-expiry");
		thread.setDaemon(true);
		return thread;
	});

	NewsSitemapExpiry(PageCache cache) {
		this.cache = cache;
	}

	@PostConstruct
	void start() {
		timer.scheduleWithFixedDelay(() -> cache.invalidatePath("/sitemap-news.xml"), 5, 5, TimeUnit.MINUTES);
	}

	@PreDestroy
	void stop() {
		timer.shutdownNow();
	}

}
