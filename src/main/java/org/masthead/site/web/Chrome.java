package org.masthead.site.web;

import java.util.List;

import org.masthead.content.Section;
import org.masthead.newsfeed.NewsFeedItem;

/**
 * What every page's frame shows: the publication's name, the section navigation, the stylesheet,
 * and the breaking-news banner.
 *
 * @param currentSection slug of the section the page belongs to, or null, to mark it in the navigation
 * @param breaking the news feed item the breaking-news banner shows, or null
 */
public record Chrome(String siteName, String tagline, String language, List<Section> sections, String cssHref,
		Dates dates, String currentSection, String logoHref, NewsFeedItem breaking) {

	/** A frame without a breaking-news banner. */
	public Chrome(String siteName, String tagline, String language, List<Section> sections, String cssHref,
			Dates dates, String currentSection, String logoHref) {
		this(siteName, tagline, language, sections, cssHref, dates, currentSection, logoHref, null);
	}

	public Chrome inSection(String slug) {
		return new Chrome(siteName, tagline, language, sections, cssHref, dates, slug, logoHref, breaking);
	}

}
