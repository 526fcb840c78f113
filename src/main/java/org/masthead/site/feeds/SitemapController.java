package org.masthead.site.feeds;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.masthead.content.ArticleArchive;
import org.masthead.content.ArticleArchive.ArchiveEntry;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.Section;
import org.masthead.platform.MastheadProperties;
import org.masthead.site.cache.PageDependencies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sitemaps for search engines: {@code /sitemap.xml} is an index of the section pages' sitemap and
 * one article sitemap per month (UTC), each continued in another file past
 * {@code masthead.feeds.sitemap-max-urls} (at most 50,000, as the protocol allows); articles carry
 * their hero image. {@code /sitemap-news.xml} is the Google News sitemap: only articles from the
 * last 48 hours, at most 1,000. All of them are served from the page cache.
 */
@RestController
class SitemapController {

	static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

	static final String IMAGE = "http://www.google.com/schemas/sitemap-image/1.1";

	static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

	private static final String XML = "application/xml;charset=UTF-8";

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{1,4}))?");

	private final ArticleArchive archive;

	private final ArticleCatalog catalog;

	private final FeedProperties feeds;

	private final MastheadProperties.Site site;

	private final Clock clock;

	SitemapController(ArticleArchive archive, ArticleCatalog catalog, FeedProperties feeds,
			MastheadProperties properties, Clock clock) {
		this.archive = archive;
		this.catalog = catalog;
		this.feeds = feeds;
		this.site = properties.site();
		this.clock = clock;
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<String> index(HttpServletRequest request) {
		PageDependencies.add(request, PageDependencies.LATEST);
		List<String> files = new ArrayList<>();
		files.add("/sitemap-pages.xml");
		archive.firstPublishedAt().ifPresent(first -> {
			YearMonth month = YearMonth.from(first.atZone(ZoneOffset.UTC));
			YearMonth last = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
			for (; !month.isAfter(last); month = month.plusMonths(1)) {
				long count = archive.count(start(month), start(month.plusMonths(1)));
				long parts = (count + feeds.sitemapMaxUrls() - 1) / feeds.sitemapMaxUrls();
				for (int part = 1; part <= parts; part++) {
					files.add("/sitemap-articles-" + month + (part > 1 ? "-" + part : "") + ".xml");
				}
			}
		});
		return xml(FeedWriters.xml(w -> {
			w.setDefaultNamespace(SITEMAP);
			w.writeStartElement("sitemapindex");
			w.writeDefaultNamespace(SITEMAP);
			for (String file : files) {
				w.writeStartElement("sitemap");
				FeedWriters.text(w, "loc", site.absolute(file));
				w.writeEndElement();
			}
			w.writeEndElement();
		}));
	}

	@GetMapping("/sitemap-pages.xml")
	ResponseEntity<String> pages(HttpServletRequest request) {
		PageDependencies.add(request, PageDependencies.TAXONOMY);
		List<String> paths = new ArrayList<>(List.of("/", "/news-feed/"));
		catalog.sections().stream().map(Section::path).forEach(paths::add);
		archive.tags().forEach(t -> paths.add(t.path()));
		archive.authors().forEach(a -> paths.add(a.path()));
		return xml(FeedWriters.xml(w -> {
			w.setDefaultNamespace(SITEMAP);
			w.writeStartElement("urlset");
			w.writeDefaultNamespace(SITEMAP);
			for (String path : paths) {
				w.writeStartElement("url");
				FeedWriters.text(w, "loc", site.absolute(path));
				w.writeEndElement();
			}
			w.writeEndElement();
		}));
	}

	@GetMapping("/sitemap-articles-{month}.xml")
	ResponseEntity<String> articles(@PathVariable String month, HttpServletRequest request) {
		Matcher m = MONTH.matcher(month);
		if (!m.matches()) {
			throw notFound();
		}
		YearMonth ym;
		try {
			ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}
		catch (java.time.DateTimeException ex) {
			throw notFound();
		}
		int part = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
		if (part < 1 || (m.group(3) != null && part == 1)) {
			throw notFound();
		}
		List<ArchiveEntry> entries = archive.entries(start(ym), start(ym.plusMonths(1)),
				(part - 1) * feeds.sitemapMaxUrls(), feeds.sitemapMaxUrls());
		if (entries.isEmpty()) {
			throw notFound();
		}
		PageDependencies.add(request, PageDependencies.LATEST);
		return xml(FeedWriters.xml(w -> {
			w.setDefaultNamespace(SITEMAP);
			w.writeStartElement("urlset");
			w.writeDefaultNamespace(SITEMAP);
			w.writeNamespace("image", IMAGE);
			for (ArchiveEntry e : entries) {
				w.writeStartElement("url");
				FeedWriters.text(w, "loc", site.absolute(e.path()));
				FeedWriters.text(w, "lastmod", FeedWriters.iso(e.updatedAt() != null ? e.updatedAt() : e.publishedAt()));
				if (e.hero() != null) {
					w.writeStartElement("image", "image", IMAGE);
					w.writeStartElement("image", "loc", IMAGE);
					w.writeCharacters(site.absolute(e.hero().urlAtLeast(1200)));
					w.writeEndElement();
					w.writeEndElement();
				}
				w.writeEndElement();
			}
			w.writeEndElement();
		}));
	}

	@GetMapping("/sitemap-news.xml")
	ResponseEntity<String> news(HttpServletRequest request) {
		PageDependencies.add(request, PageDependencies.LATEST);
		Instant now = clock.instant();
		Instant from = now.minus(feeds.newsWindow());
		Instant to = now.plusSeconds(1);
		long count = archive.count(from, to);
		int max = feeds.newsMaxUrls();
		List<ArchiveEntry> entries = new ArrayList<>(archive.entries(from, to, (int) Math.max(0, count - max), max));
		java.util.Collections.reverse(entries); // newest first
		return xml(FeedWriters.xml(w -> {
			w.setDefaultNamespace(SITEMAP);
			w.writeStartElement("urlset");
			w.writeDefaultNamespace(SITEMAP);
			w.writeNamespace("news", NEWS);
			for (ArchiveEntry e : entries) {
				w.writeStartElement("url");
				FeedWriters.text(w, "loc", site.absolute(e.path()));
				w.writeStartElement("news", "news", NEWS);
				w.writeStartElement("news", "publication", NEWS);
				newsText(w, "name", site.name());
				newsText(w, "language", newsLanguage(e.language()));
				w.writeEndElement();
				newsText(w, "publication_date", FeedWriters.iso(e.publishedAt()));
				newsText(w, "title", e.headline());
				w.writeEndElement();
				w.writeEndElement();
			}
			w.writeEndElement();
		}));
	}

	@GetMapping("/robots.txt")
	ResponseEntity<String> robots(HttpServletRequest request) {
		PageDependencies.add(request);
		String body = """
				User-agent: *
				Allow: /
				Disallow: /admin/
				Disallow: /api/admin/
				Disallow: /search

				Sitemap: %s
				Sitemap: %s
				""".formatted(site.absolute("/sitemap.xml"), site.absolute("/sitemap-news.xml"));
		return ResponseEntity.ok().header("Content-Type", "text/plain;charset=UTF-8").body(body);
	}

	/** Google News wants ISO 639 codes: "en", and "zh-cn" or "zh-tw" for Chinese. */
	static String newsLanguage(String language) {
		String tag = language == null || language.isBlank() ? "en" : language.toLowerCase(Locale.ROOT).replace('_', '-');
		if (tag.startsWith("zh-")) {
			return tag.contains("tw") || tag.contains("hant") ? "zh-tw" : "zh-cn";
		}
		int dash = tag.indexOf('-');
		return dash > 0 ? tag.substring(0, dash) : tag;
	}

	private static void newsText(javax.xml.stream.XMLStreamWriter w, String name, String value)
			throws javax.xml.stream.XMLStreamException {
		w.writeStartElement("news", name, NEWS);
		w.writeCharacters(FeedWriters.clean(value));
		w.writeEndElement();
	}

	private static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static ResponseEntity<String> xml(String body) {
		return ResponseEntity.ok().header("Content-Type", XML).body(body);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
