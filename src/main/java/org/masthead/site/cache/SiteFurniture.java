package org.masthead.site.cache;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.CuratedList;
import org.masthead.content.Section;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.newsfeed.NewsFeedProperties;
import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.Newsletters;
import org.springframework.stereotype.Component;

/**
 * What nearly every reader page shows besides its own story, read once and kept until it changes:
 * the sections of the navigation, the breaking-news banner, the newest articles ("More news"),
 * Editors' Picks, the News Feed column and the active newsletters of the sign-up blocks. Without it
 * an article page asked the database a dozen questions about the frame for every one about the
 * article.
 * <p>
 * It is a cache of the database, dropped by the handlers of the cluster signals that drop cached
 * pages ({@link PageCacheInvalidation}, {@link NewsFeedInvalidation}, {@link NewsletterInvalidation}),
 * so every node drops it once a change commits anywhere. They drop it before the pages, so a page
 * rendered after the pages were dropped cannot be stored with the old furniture in it. Any content
 * signal drops all the content parts: refilling costs a few small queries, and keeping track of
 * which part a change touches would be easy to get wrong. The breaking-news banner also leaves when
 * its item gets too old, without a change to announce it.
 */
@Component
public class SiteFurniture {

	/** How many of the newest articles and Editors' Picks are kept: an article page shows five of six. */
	public static final int LIST_SIZE = 6;

	/** The News Feed column's items (pinned first) and the newest change they reflect. */
	public record NewsFeedColumn(List<NewsFeedItem> items, long since) {
	}

	private final Clock clock;

	private final CachedValue<List<Section>> sections;

	private final CachedValue<Optional<NewsFeedItem>> breaking;

	private final CachedValue<List<ArticleSummary>> latest;

	private final CachedValue<List<ArticleSummary>> editorsPicks;

	private final CachedValue<NewsFeedColumn> newsFeedColumn;

	private final CachedValue<List<Newsletter>> newsletters;

	SiteFurniture(ArticleCatalog catalog, NewsFeed feed, NewsFeedProperties feedProperties, Newsletters letters,
			Clock clock) {
		this.clock = clock;
		this.sections = new CachedValue<>(() -> List.copyOf(catalog.sections()));
		this.breaking = new CachedValue<>(feed::breaking, item -> item.map(i -> i.postedAt().plus(feedProperties.breakingFor()))
			.orElse(Instant.MAX));
		this.latest = new CachedValue<>(() -> List.copyOf(catalog.latest(1, LIST_SIZE).items()));
		this.editorsPicks = new CachedValue<>(() -> List.copyOf(catalog.curated(CuratedList.EDITORS_PICKS, LIST_SIZE)));
		int columnSize = feedProperties.columnSize();
		this.newsFeedColumn = new CachedValue<>(() -> {
			// the change number first: a change landing between the two reads is then shown again
			// by the live script, never missed
			long since = feed.lastChange();
			return new NewsFeedColumn(List.copyOf(feed.column(columnSize)), since);
		});
		this.newsletters = new CachedValue<>(() -> List.copyOf(letters.active()));
	}

	/** The sections, in navigation order. */
	public List<Section> sections() {
		return sections.get(clock.instant());
	}

	/** The breaking-news banner's item, if one is fresh enough. */
	public Optional<NewsFeedItem> breaking() {
		return breaking.get(clock.instant());
	}

	/** The {@value #LIST_SIZE} newest published articles. */
	public List<ArticleSummary> latest() {
		return latest.get(clock.instant());
	}

	/** The first {@value #LIST_SIZE} of Editors' Picks. */
	public List<ArticleSummary> editorsPicks() {
		return editorsPicks.get(clock.instant());
	}

	/** The News Feed column's items. */
	public NewsFeedColumn newsFeedColumn() {
		return newsFeedColumn.get(clock.instant());
	}

	/** The active newsletters, in their order. */
	public List<Newsletter> activeNewsletters() {
		return newsletters.get(clock.instant());
	}

	/** After a content change: sections, the newest articles and Editors' Picks. */
	void dropContent() {
		sections.drop();
		latest.drop();
		editorsPicks.drop();
	}

	/** After a news feed change: the banner and the column. */
	void dropNewsFeed() {
		breaking.drop();
		newsFeedColumn.drop();
	}

	/** After a newsletter change: the sign-up blocks' newsletters. */
	void dropNewsletters() {
		newsletters.drop();
	}

}
