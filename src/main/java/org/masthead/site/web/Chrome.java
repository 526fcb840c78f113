package org.masthead.site.web;

import java.util.List;

import org.masthead.content.Section;

/**
 * What every page's frame shows: the publication's name, the section navigation, the stylesheet.
 *
 * @param currentSection slug of the section the page belongs to, or null, to mark it in the navigation
 */
public record Chrome(String siteName, String tagline, String language, List<Section> sections, String cssHref,
		Dates dates, String currentSection, String logoHref) {

	public Chrome inSection(String slug) {
		return new Chrome(siteName, tagline, language, sections, cssHref, dates, slug, logoHref);
	}

}
