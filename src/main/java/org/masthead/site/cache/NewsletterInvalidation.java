package org.masthead.site.cache;

import java.util.List;

import org.masthead.newsletter.NewslettersChanged;
import org.masthead.platform.ClusterSignals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drops the cached pages that show sign-up blocks or the newsletter pages when a newsletter is
 * created or changed, on every node: the change travels as a cluster signal written in the
 * change's transaction.
 */
@Component
class NewsletterInvalidation {

	static final String CHANNEL = "site.newsletters";

	private final PageCache cache;

	private final ClusterSignals signals;

	private final SiteFurniture furniture;

	NewsletterInvalidation(PageCache cache, ClusterSignals signals, SiteFurniture furniture) {
		this.cache = cache;
		this.furniture = furniture;
		this.signals = signals;
		signals.subscribe(CHANNEL, this::drop);
	}

	@EventListener
	void on(NewslettersChanged changed) {
		signals.publish(CHANNEL, Long.toString(changed.newsletterId()));
	}

	void drop(String payload) {
		furniture.dropNewsletters(); // first: pages rendered from here on must not get the old blocks
		cache.invalidate(List.of(PageDependencies.NEWSLETTERS));
	}

}
