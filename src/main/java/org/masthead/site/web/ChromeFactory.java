package org.masthead.site.web;

import org.masthead.platform.MastheadProperties;
import org.masthead.platform.StaticAssets;
import org.masthead.site.cache.SiteFurniture;
import org.springframework.stereotype.Component;

/** Builds the frame of every page; the stylesheet URL carries a hash of its content so it can be cached for a year. */
@Component
class ChromeFactory {

	private final SiteFurniture furniture;

	private final MastheadProperties properties;

	private final Dates dates;

	private final String cssHref;

	private final String newsFeedScript = StaticAssets.versioned("news-feed.js");

	ChromeFactory(SiteFurniture furniture, MastheadProperties properties) {
		this.furniture = furniture;
		this.properties = properties;
		this.dates = new Dates(properties.site().timeZone());
		this.cssHref = StaticAssets.versioned("site.css");
	}

	Chrome chrome() {
		MastheadProperties.Site site = properties.site();
		return new Chrome(site.name(), site.tagline(), site.language(), furniture.sections(), cssHref, dates, null,
				"/assets/logo.svg", furniture.breaking().orElse(null));
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
