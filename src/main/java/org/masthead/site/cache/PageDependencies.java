package org.masthead.site.cache;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a page was built from, declared by the controller that renders it. Only pages that
 * declare their dependencies are cached, so a page that forgets can never be served stale.
 */
public final class PageDependencies {

	/** Every page showing the list of newest articles depends on this key. */
	public static final String LATEST = "latest";

	/** Every page showing the section navigation depends on this key. */
	public static final String TAXONOMY = "taxonomy";

	/** Every page showing the News Feed column or list depends on this key. */
	public static final String NEWS_FEED = "news-feed";

	/** Every page showing newsletter sign-up blocks or the list of newsletters depends on this key. */
	public static final String NEWSLETTERS = "newsletters";

	static final String ATTRIBUTE = PageDependencies.class.getName();

	private PageDependencies() {
	}

	/** Marks the page being rendered as cacheable and records what it depends on. */
	public static void add(HttpServletRequest request, String... keys) {
		keysOf(request).addAll(Set.of(keys));
	}

	public static String article(long id) {
		return "article:" + id;
	}

	public static String section(long id) {
		return "section:" + id;
	}

	public static String tag(long id) {
		return "tag:" + id;
	}

	public static String author(long id) {
		return "author:" + id;
	}

	public static String newsFeedItem(long id) {
		return "news-feed-item:" + id;
	}

	public static String list(String slug) {
		return "list:" + slug;
	}

	@SuppressWarnings("unchecked")
	static Set<String> keysOf(HttpServletRequest request) {
		Object keys = request.getAttribute(ATTRIBUTE);
		if (keys == null) {
			keys = new LinkedHashSet<String>();
			request.setAttribute(ATTRIBUTE, keys);
		}
		return (Set<String>) keys;
	}

	static boolean isDeclared(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) != null;
	}

}
