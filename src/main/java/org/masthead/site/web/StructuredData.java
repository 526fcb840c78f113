package org.masthead.site.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.masthead.audio.Narration;
import org.masthead.content.Article;
import org.masthead.content.ArticleSummary;
import org.masthead.content.Image;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.platform.MastheadProperties;
import org.springframework.stereotype.Component;

/** JSON-LD for search engines: {@code NewsArticle} and {@code BreadcrumbList}, safe inside a script element. */
@Component
class StructuredData {

	private final JsonMapper json = JsonMapper.builder().build();

	private final MastheadProperties properties;

	private final Dates dates;

	StructuredData(MastheadProperties properties) {
		this.properties = properties;
		this.dates = new Dates(properties.site().timeZone());
	}

	String article(Article article) {
		return article(article, null);
	}

	/** The article's JSON-LD; with a narration, its {@code audio} is an {@code AudioObject}. */
	String article(Article article, Narration narration) {
		ArticleSummary s = article.summary();
		Map<String, Object> news = new LinkedHashMap<>();
		news.put("@context", "https://schema.org");
		news.put("@type", "NewsArticle");
		news.put("mainEntityOfPage", url(s.path()));
		news.put("headline", s.headline());
		if (s.dek() != null) {
			news.put("description", s.dek());
		}
		if (s.hero() != null) {
			Image hero = s.hero();
			news.put("image", List.of(url(hero.urlAtLeast(1200)), url(hero.url())));
		}
		news.put("datePublished", dates.iso(s.publishedAt()));
		news.put("dateModified", dates.iso(s.updatedAt() != null ? s.updatedAt() : s.publishedAt()));
		news.put("inLanguage", article.language());
		List<Map<String, Object>> authors = new ArrayList<>();
		s.authors().forEach(a -> authors.add(ordered("@type", "Person", "name", a.name(), "url", url("/author/" + a.slug() + "/"))));
		news.put("author", authors);
		news.put("publisher", publisher());
		if (s.section() != null) {
			news.put("articleSection", s.section().name());
		}
		if (narration != null) {
			Map<String, Object> audio = new LinkedHashMap<>();
			audio.put("@type", "AudioObject");
			audio.put("name", s.headline());
			audio.put("description", Narration.DISCLOSURE + ".");
			audio.put("contentUrl", url(narration.path()));
			audio.put("encodingFormat", "audio/mpeg");
			audio.put("duration", narration.isoDuration());
			audio.put("contentSize", narration.byteSize() + " B");
			audio.put("uploadDate", dates.iso(narration.readyAt()));
			audio.put("inLanguage", article.language());
			news.put("audio", audio);
		}
		List<Map<String, Object>> crumbs = new ArrayList<>();
		crumbs.add(crumb(1, properties.site().name(), url("/")));
		if (s.section() != null) {
			crumbs.add(crumb(2, s.section().name(), url("/section/" + s.section().slug() + "/")));
		}
		crumbs.add(crumb(crumbs.size() + 1, s.headline(), url(s.path())));
		Map<String, Object> breadcrumbs = new LinkedHashMap<>();
		breadcrumbs.put("@context", "https://schema.org");
		breadcrumbs.put("@type", "BreadcrumbList");
		breadcrumbs.put("itemListElement", crumbs);
		return safe(json.writeValueAsString(List.of(news, breadcrumbs)));
	}

	String listing(String name, String path) {
		Map<String, Object> breadcrumbs = new LinkedHashMap<>();
		breadcrumbs.put("@context", "https://schema.org");
		breadcrumbs.put("@type", "BreadcrumbList");
		breadcrumbs.put("itemListElement",
				List.of(crumb(1, properties.site().name(), url("/")), crumb(2, name, url(path))));
		return safe(json.writeValueAsString(breadcrumbs));
	}

	String website() {
		Map<String, Object> site = new LinkedHashMap<>();
		site.put("@context", "https://schema.org");
		site.put("@type", "WebSite");
		site.put("name", properties.site().name());
		site.put("url", url("/"));
		return safe(json.writeValueAsString(site));
	}

	/** The News Feed as a {@code LiveBlogPosting} whose updates are the page's items. */
	String liveBlog(List<NewsFeedItem> items, String path) {
		Map<String, Object> blog = new LinkedHashMap<>();
		blog.put("@context", "https://schema.org");
		blog.put("@type", "LiveBlogPosting");
		blog.put("headline", "News Feed — " + properties.site().name());
		blog.put("url", url(path));
		blog.put("mainEntityOfPage", url(path));
		if (!items.isEmpty()) {
			NewsFeedItem newest = items.get(0);
			NewsFeedItem oldest = items.get(items.size() - 1);
			blog.put("coverageStartTime", dates.iso(oldest.postedAt()));
			blog.put("datePublished", dates.iso(oldest.postedAt()));
			blog.put("dateModified", dates.iso(newest.updatedAt() != null && newest.updatedAt().isAfter(newest.postedAt())
					? newest.updatedAt() : newest.postedAt()));
		}
		blog.put("publisher", publisher());
		blog.put("liveBlogUpdate", items.stream().map(this::blogPosting).toList());
		return safe(json.writeValueAsString(blog));
	}

	/** One news feed item, on its permalink page. */
	String feedItem(NewsFeedItem item) {
		Map<String, Object> posting = blogPosting(item);
		posting.put("@context", "https://schema.org");
		return safe(json.writeValueAsString(posting));
	}

	private Map<String, Object> blogPosting(NewsFeedItem item) {
		Map<String, Object> posting = new LinkedHashMap<>();
		posting.put("@type", "BlogPosting");
		posting.put("headline", item.headline());
		posting.put("articleBody", item.body());
		posting.put("datePublished", dates.iso(item.postedAt()));
		if (item.updatedAt() != null) {
			posting.put("dateModified", dates.iso(item.updatedAt()));
		}
		posting.put("url", url(item.path()));
		return posting;
	}

	private Map<String, Object> publisher() {
		return ordered("@type", "NewsMediaOrganization", "name", properties.site().name(), "url", url("/"),
				"logo", ordered("@type", "ImageObject", "url", url("/assets/logo.png"), "width", 600, "height", 60));
	}

	/**
	 * Keys in the order given. {@code Map.of} iterates in an order that changes from one JVM start to
	 * the next, so the same article got different bytes, and so a different ETag, on each node and
	 * after each restart.
	 */
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private Map<String, Object> crumb(int position, String name, String item) {
		Map<String, Object> crumb = new LinkedHashMap<>();
		crumb.put("@type", "ListItem");
		crumb.put("position", position);
		crumb.put("name", name);
		crumb.put("item", item);
		return crumb;
	}

	private String url(String path) {
		return path.startsWith("http") ? path : properties.site().absolute(path);
	}

	/** A script element ends at the first {@code </}: no raw {@code <} (only ever inside strings) survives. */
	private static String safe(String json) {
		return json.replace("<", "\\u003c");
	}

}
