package org.masthead.site.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.masthead.content.Article;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.Section;

/**
 * One page of every type a reader can reach in the demo newsroom, for the checks that look at
 * whole pages (HTML validity, accessibility): the front page, articles that between them show every
 * part an article can have, section, tag and author listings, later pages of a listing, and the
 * error pages.
 */
final class ReaderPageSamples {

	/** The parts of an article page that only some articles have; the samples show each of them. */
	private static final List<String> ARTICLE_PARTS = List.of("figure.hero figcaption .credit",
			".story-body aside.related-card", ".story-body blockquote", ".story-body ul, .story-body ol", ".notes .note",
			".story-meta .updated");

	/** A page to fetch: what it is, its path, the status it answers with and any request header it needs. */
	record SamplePage(String name, String path, int status, Map<String, String> headers) {

		static SamplePage ok(String name, String path) {
			return new SamplePage(name, path, 200, Map.of());
		}

		@Override
		public String toString() {
			return this.name + " " + this.path;
		}

	}

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final ArticleCatalog catalog;

	private final int port;

	ReaderPageSamples(ArticleCatalog catalog, int port) {
		this.catalog = catalog;
		this.port = port;
	}

	/** Every published article, newest first. */
	List<ArticleSummary> articles() {
		return this.catalog.latest(1, 500).items();
	}

	/** One page of each type; articles are chosen so that every optional part of an article shows. */
	List<SamplePage> pageTypes() throws IOException, InterruptedException {
		List<SamplePage> pages = new ArrayList<>();
		pages.add(SamplePage.ok("home", "/"));
		List<ArticleSummary> articles = richArticles();
		for (ArticleSummary article : articles) {
			pages.add(SamplePage.ok("article", article.path()));
		}
		ArticleSummary first = articles.get(0);
		Article full = this.catalog.article(first.slug()).orElseThrow();
		Section section = this.catalog.sections().get(0);
		pages.add(SamplePage.ok("section", section.path()));
		if (!full.tags().isEmpty()) {
			pages.add(SamplePage.ok("tag", "/tag/" + full.tags().get(0).slug() + "/"));
		}
		pages.add(SamplePage.ok("author", "/author/" + first.authors().get(0).slug() + "/"));
		pages.add(SamplePage.ok("latest, page 2", "/page/2/"));
		for (Section s : this.catalog.sections()) {
			String next = get(s.path()).select(".pagination a[rel=next]").attr("href");
			if (!next.isEmpty()) {
				pages.add(SamplePage.ok("section, page 2", next));
				break;
			}
		}
		pages.add(SamplePage.ok("news feed", "/news-feed/"));
		pages.add(SamplePage.ok("news feed item", get("/news-feed/").select(".feed-days a.feed-time").first().attr("href")));
		pages.add(SamplePage.ok("search results", "/search?q=harbour&sort=newest"));
		pages.add(SamplePage.ok("search, nothing readable", "/search?q=%22"));
		pages.add(SamplePage.ok("newsletters", "/newsletters/"));
		String newsletter = get("/newsletters/").select(".signup form").first().attr("action").replace("signup", "");
		String newsletterSlug = newsletter.split("/")[2];
		pages.add(SamplePage.ok("newsletter", newsletter));
		pages.add(SamplePage.ok("article, sign-up refused without JavaScript",
				first.path() + "?signup=" + newsletterSlug + "&result=invalid"));
		pages.add(SamplePage.ok("home, sign-up sent without JavaScript", "/?signup=" + newsletterSlug + "&result=sent"));
		pages.add(new SamplePage("newsletter confirmation, unknown link", "/newsletters/confirm?token=unknown", 404, Map.of()));
		pages.add(new SamplePage("manage newsletters, broken link", "/newsletters/manage/m.1.2.broken/", 404, Map.of()));
		pages.add(new SamplePage("not found", "/no-such-page/", 404, Map.of()));
		pages.add(new SamplePage("bad request", "/", 400, Map.of("If-None-Match", "garbage")));
		return pages;
	}

	/** As few articles as show, between them, every part in {@link #ARTICLE_PARTS}. */
	private List<ArticleSummary> richArticles() throws IOException, InterruptedException {
		Map<ArticleSummary, List<String>> partsOf = new LinkedHashMap<>();
		for (ArticleSummary article : articles()) {
			Document doc = get(article.path());
			partsOf.put(article, ARTICLE_PARTS.stream().filter(part -> !doc.select(part).isEmpty()).toList());
		}
		List<String> missing = new ArrayList<>(ARTICLE_PARTS);
		List<ArticleSummary> chosen = new ArrayList<>();
		while (!missing.isEmpty()) {
			ArticleSummary best = partsOf.entrySet().stream()
				.max((a, b) -> Long.compare(a.getValue().stream().filter(missing::contains).count(),
						b.getValue().stream().filter(missing::contains).count()))
				.map(Map.Entry::getKey)
				.orElseThrow();
			if (partsOf.get(best).stream().noneMatch(missing::contains)) {
				break; // no article has the rest; the newsroom does not use them
			}
			missing.removeAll(partsOf.get(best));
			chosen.add(best);
		}
		if (chosen.isEmpty()) {
			chosen.add(partsOf.keySet().iterator().next());
		}
		return chosen;
	}

	HttpResponse<String> fetch(SamplePage page) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(page.path()));
		page.headers().forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	String body(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private Document get(String path) throws IOException, InterruptedException {
		return Jsoup.parse(body(path));
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
