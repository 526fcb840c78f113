package org.masthead.site.feeds;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.AuthorProfile;
import org.masthead.content.Page;
import org.masthead.content.Tag;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.platform.MastheadProperties;
import org.masthead.site.cache.PageDependencies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The site's feeds: RSS 2.0 for the whole site ({@code /rss/}), each tag and each author, Atom
 * ({@code /atom.xml}), JSON Feed 1.1 ({@code /feed.json}) and the news feed's items
 * ({@code /news-feed/rss/}). Served from the page cache and dropped with the pages they mirror.
 */
@RestController
class FeedController {

	private final ArticleCatalog catalog;

	private final NewsFeed newsFeed;

	private final FeedEntries entries;

	private final FeedProperties feeds;

	private final MastheadProperties.Site site;

	FeedController(ArticleCatalog catalog, NewsFeed newsFeed, FeedEntries entries, FeedProperties feeds,
			MastheadProperties properties) {
		this.catalog = catalog;
		this.newsFeed = newsFeed;
		this.entries = entries;
		this.feeds = feeds;
		this.site = properties.site();
	}

	@GetMapping("/rss/")
	ResponseEntity<String> rss(HttpServletRequest request) {
		return ok(FeedWriters.RSS, FeedWriters.rss(site(request, "/rss/")));
	}

	@GetMapping("/atom.xml")
	ResponseEntity<String> atom(HttpServletRequest request) {
		return ok(FeedWriters.ATOM, FeedWriters.atom(site(request, "/atom.xml")));
	}

	@GetMapping("/feed.json")
	ResponseEntity<String> jsonFeed(HttpServletRequest request) {
		return ok(FeedWriters.JSON_FEED, FeedWriters.jsonFeed(site(request, "/feed.json")));
	}

	@GetMapping("/tag/{slug}/rss/")
	ResponseEntity<String> tag(@PathVariable String slug, HttpServletRequest request) {
		Tag tag = catalog.tag(slug).orElseThrow(FeedController::notFound);
		PageDependencies.add(request, PageDependencies.tag(tag.id()), PageDependencies.TAXONOMY);
		Page<org.masthead.content.ArticleSummary> page = catalog.withTag(tag.id(), 1, feeds.items());
		return ok(FeedWriters.RSS, FeedWriters.rss(channel(tag.name() + " — " + site.name(),
				tag.description() != null ? tag.description() : "The latest on " + tag.name() + " from " + site.name(),
				tag.path(), tag.path() + "rss/", entries.articles(page.items(), request))));
	}

	@GetMapping("/author/{slug}/rss/")
	ResponseEntity<String> author(@PathVariable String slug, HttpServletRequest request) {
		AuthorProfile author = catalog.author(slug).orElseThrow(FeedController::notFound);
		PageDependencies.add(request, PageDependencies.author(author.id()), PageDependencies.TAXONOMY);
		Page<org.masthead.content.ArticleSummary> page = catalog.byAuthor(author.id(), 1, feeds.items());
		return ok(FeedWriters.RSS, FeedWriters.rss(channel(author.name() + " — " + site.name(),
				"Articles by " + author.name() + " in " + site.name(), author.path(), author.path() + "rss/",
				entries.articles(page.items(), request))));
	}

	@GetMapping("/news-feed/rss/")
	ResponseEntity<String> newsFeed(HttpServletRequest request) {
		PageDependencies.add(request, PageDependencies.NEWS_FEED);
		List<NewsFeedItem> items = newsFeed.page(1, feeds.items()).items();
		List<FeedEntry> list = items.stream().map(entries::item).toList();
		return ok(FeedWriters.RSS, FeedWriters.rss(channel("News Feed — " + site.name(),
				"Short updates from the " + site.name() + " newsroom as news happens", "/news-feed/", "/news-feed/rss/", list)));
	}

	private FeedChannel site(HttpServletRequest request, String self) {
		PageDependencies.add(request, PageDependencies.LATEST, PageDependencies.TAXONOMY);
		List<org.masthead.content.ArticleSummary> latest = catalog.latest(1, feeds.items()).items();
		return channel(site.name(), site.tagline(), "/", self, entries.articles(latest, request));
	}

	private FeedChannel channel(String title, String description, String link, String self, List<FeedEntry> list) {
		Instant updated = list.stream().map(e -> e.updated() != null ? e.updated() : e.published())
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH);
		return new FeedChannel(title, description, site.absolute(link), site.absolute(self), site.language(), updated, list);
	}

	private static ResponseEntity<String> ok(String type, String body) {
		return ResponseEntity.ok().header("Content-Type", type).body(body);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
	}

}
