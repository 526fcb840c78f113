package org.masthead.site.web;

import org.masthead.content.ArticleCatalog;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.platform.MastheadProperties;
import org.masthead.platform.StaticAssets;
import org.springframework.stereotype.Component;

/** Builds the frame of every page; the stylesheet URL carries a hash of its content so it can be cached for a year. */
@Component
class ChromeFactory {

	private final ArticleCatalog catalog;

	private final MastheadProperties properties;

	private final Dates dates;

	private final String cssHref;

	private final NewsFeed newsFeed;

	private final String newsFeedScript = StaticAssets.versioned("news-feed.js");

	ChromeFactory(ArticleCatalog catalog, MastheadProperties properties, NewsFeed newsFeed) {
		this.catalog = catalog;
		this.properties = properties;
		this.newsFeed = newsFeed;
		this.dates = new Dates(properties.site().timeZone());
		this.cssHref = StaticAssets.versioned("site.css");
	}

	Chrome chrome() {
		MastheadProperties.Site site = properties.site();
		return new Chrome(site.name(), site.tagline(), site.language(), catalog.sections(), cssHref, dates, null,
				"/assets/logo.svg", newsFeed.breaking().orElse(null));
	}

	/** The frame when the database cannot be read: the error page must still render. */
	Chrome chromeWithoutSections() {
		MastheadProperties.Site site = properties.site();
		return new Chrome(site.name(), site.tagline(), site.language(), java.util.List.of(), cssHref, dates, null,
				"/assets/logo.svg");
	}

	/** The News Feed's live script, its address carrying a hash of its content like the stylesheet's. */
	String newsFeedScript() {
		return newsFeedScript;
	}

	Dates dates() {
		return dates;
	}

	String absolute(String path) {
		return properties.site().absolute(path);
	}

}
