package org.masthead.site.web;

/**
 * A page's metadata for browsers, search engines and link previews.
 *
 * @param canonical absolute canonical URL, or null for pages that have none (errors)
 * @param imageUrl absolute URL of the preview image, or null
 * @param jsonLd structured data, already serialised and safe inside a script element, or null
 */
public record Meta(String title, String description, String canonical, String ogType, String imageUrl,
		String jsonLd, boolean noindex) {

	public static Meta error(String title) {
		return new Meta(title, null, null, "website", null, null, true);
	}

}
