package org.masthead.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.content.ArticleCatalog;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.masthead.platform.MastheadProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo newsroom's News Feed: a day and a half of short items, some linking to demo articles,
 * one pinned, posted through the same command editors use. Only into a feed that never had an item.
 */
@Component
@Order(5)
class DemoNewsFeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNewsFeed.class);

	/** Minutes ago, headline, text, the demo article it links to (or null), pinned. */
	private record Item(int minutesAgo, String headline, String body, String slug, boolean pinned) {
	}

	private static final List<Item> ITEMS = List.of(
			new Item(2000, "How the regional election works", "Our explainer walks through the ballot, the districts and the count.",
					"explainer-how-the-regional-parliament-election-works", true),
			new Item(1900, "Night ferry cancelled", "The 23:40 crossing to Northmole will not sail because of fog. The first morning ferry runs as planned.", null, false),
			new Item(1700, "Tram line 7 back to full service", "Trams run every six minutes again after the bridge repairs.",
					"tram-line-7-reopens-after-bridge-repairs", false),
			new Item(420, "Council session starts late", "The budget debate began forty minutes behind schedule. Twelve councillors asked to speak.", null, false),
			new Item(300, "Harbourside promenade partly reopened", "The northern half is open to walkers. Cyclists are asked to use the embankment lane.",
					"storm-damage-closes-part-of-the-harbourside-promenade", false),
			new Item(185, "Debate date confirmed", "The second televised debate will be held on Thursday at the Drama Theatre.",
					"housing-dominates-first-televised-election-debate", false),
			new Item(95, "Beach warning lifted at Lyman Bay", "Water tests came back clear this morning. Two beaches stay closed until tomorrow.",
					"algae-bloom-closes-three-lyman-beaches", false),
			new Item(40, "Shipyard vote count under way", "Results of the workers' ballot are expected within the hour.",
					"shipyard-workers-vote-to-accept-wage-deal", false),
			new Item(12, "Rain expected this evening", "Forecasters expect heavy showers along the coast after 6 PM.", null, false));

	private final NewsFeed feed;

	private final ArticleCatalog catalog;

	private final MastheadProperties properties;

	private final Clock clock;

	DemoNewsFeed(NewsFeed feed, ArticleCatalog catalog, MastheadProperties properties, Clock clock) {
		this.feed = feed;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo() || feed.lastChange() > 0) {
			return;
		}
		Instant now = clock.instant();
		for (Item item : ITEMS) {
			String slug = item.slug() != null && !catalog.summaries(List.of(item.slug())).isEmpty() ? item.slug() : null;
			feed.post(new NewsFeedItemDraft(item.headline(), item.body(), slug, false, item.pinned(),
					now.minus(Duration.ofMinutes(item.minutesAgo()))), "Newsroom");
		}
		log.info("Demo news feed: posted {} items", ITEMS.size());
	}

}
