package org.masthead.site.cache;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedChanged;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.platform.ClusterSignals;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drops the cached pages a news feed change affects: those showing the News Feed (column or page)
 * and the item's permalink. Every reader page shows the breaking-news banner, so a change to a
 * breaking item, and a banner that expires, drop the whole cache; breaking news is rare. Every node
 * drops them: the change travels as a cluster signal written in the change's transaction.
 */
@Component
class NewsFeedInvalidation {

	private static final Logger log = LoggerFactory.getLogger(NewsFeedInvalidation.class);

	private final PageCache cache;

	private final NewsFeed feed;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "breaking-banner");
		thread.setDaemon(true);
		return thread;
	});

	/** The signal channel: {@code breaking}, or the id of the (not breaking) item that changed. */
	static final String CHANNEL = "site.news-feed";

	private final ClusterSignals signals;

	private volatile Long bannerItem;

	private final CdnPurge cdn;

	private final SiteFurniture furniture;

	NewsFeedInvalidation(PageCache cache, NewsFeed feed, ClusterSignals signals, CdnPurge cdn,
			SiteFurniture furniture) {
		this.cache = cache;
		this.furniture = furniture;
		this.feed = feed;
		this.signals = signals;
		this.cdn = cdn;
		signals.subscribe(CHANNEL, this::drop);
	}

	@EventListener
	void on(NewsFeedChanged changed) {
		signals.publish(CHANNEL, changed.breaking() ? "breaking" : Long.toString(changed.itemId()));
		if (changed.breaking()) {
			cdn.queueAll();
		}
		else {
			cdn.queue(List.of(PageDependencies.NEWS_FEED, PageDependencies.newsFeedItem(changed.itemId())), List.of());
		}
	}

	void drop(String payload) {
		furniture.dropNewsFeed(); // first: pages rendered from here on must not get the old column
		if (payload.equals("breaking")) {
			bannerItem = currentBanner();
			cache.clear();
		}
		else {
			cache.invalidate(List.of(PageDependencies.NEWS_FEED, PageDependencies.newsFeedItem(Long.parseLong(payload))));
		}
	}

	@EventListener(ContextRefreshedEvent.class)
	void start() {
		bannerItem = currentBanner();
		timer.scheduleWithFixedDelay(this::checkBanner, 30, 30, TimeUnit.SECONDS);
	}

	/** A breaking item leaves the banner when it gets old, without any change to announce it. */
	void checkBanner() {
		try {
			Long now = currentBanner();
			if (!Objects.equals(now, bannerItem)) {
				bannerItem = now;
				log.debug("Breaking-news banner changed to {}: dropping cached pages", now);
				furniture.dropNewsFeed();
				cache.clear();
			}
		}
		catch (RuntimeException ex) {
			log.debug("Breaking-news banner check failed: {}", ex.toString());
		}
	}

	private Long currentBanner() {
		return feed.breaking().map(NewsFeedItem::id).orElse(null);
	}

	@PreDestroy
	void stop() {
		timer.shutdownNow();
	}

}
