package org.masthead.site.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.content.Article;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.platform.MastheadProperties;
import org.masthead.site.cache.PageDependencies;
import org.springframework.stereotype.Component;

/** Articles and news feed items as feed entries, with absolute links; whole text only when the setting asks for it. */
@Component
class FeedEntries {

	private static final Pattern RELATIVE = Pattern.compile("(\\s(?:src|href)=\")/(?!/)");

	private final ArticleCatalog catalog;

	private final FeedProperties feeds;

	private final MastheadProperties.Site site;

	FeedEntries(ArticleCatalog catalog, FeedProperties feeds, MastheadProperties properties) {
		this.catalog = catalog;
		this.feeds = feeds;
		this.site = properties.site();
	}

	List<FeedEntry> articles(List<ArticleSummary> summaries, HttpServletRequest request) {
		List<FeedEntry> entries = new ArrayList<>();
		for (ArticleSummary s : summaries) {
			PageDependencies.add(request, PageDependencies.article(s.id()));
			s.authors().forEach(a -> PageDependencies.add(request, PageDependencies.author(a.id())));
			String content = null;
			List<String> categories = new ArrayList<>();
			if (s.section() != null) {
				categories.add(s.section().name());
			}
			if (feeds.fullContent()) {
				Article article = catalog.article(s.slug()).orElse(null);
				if (article != null) {
					content = absolute(article.bodyHtml());
					article.tags().forEach(t -> categories.add(t.name()));
				}
			}
			String url = site.absolute(s.path());
			entries.add(new FeedEntry(url, url, s.headline(), s.dek(), content, s.publishedAt(), s.updatedAt(),
					s.authors().stream().map(a -> new FeedEntry.Author(a.name(), site.absolute("/author/" + a.slug() + "/"))).toList(),
					categories, s.hero() == null ? null : site.absolute(s.hero().urlAtLeast(1200))));
		}
		return entries;
	}

	FeedEntry item(NewsFeedItem item) {
		String permalink = site.absolute(item.path());
		String url = item.articlePath() != null ? site.absolute(item.articlePath()) : permalink;
		return new FeedEntry(permalink, url, item.headline(), item.body(), null, item.postedAt(), item.updatedAt(),
				List.of(), item.breaking() ? List.of("Breaking") : List.of(), null);
	}

	/** Links and pictures inside the body point at this site even when the feed is read elsewhere. */
	String absolute(String html) {
		return RELATIVE.matcher(html).replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(site.absolute("/")));
	}

}
