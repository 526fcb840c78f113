package org.masthead.site.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.AuthorProfile;
import org.masthead.testing.MastheadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader pages of the demo newsroom, as a browser receives them. */
@MastheadIntegrationTest
@TestPropertySource(properties = "masthead.demo=true")
class ReaderPagesIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	ArticleCatalog catalog;

	@Test
	void homePageShowsLeadFeaturedMoreNewsPicksAndSections() throws Exception {
		HttpResponse<String> response = get("/");
		assertThat(response.statusCode()).isEqualTo(200);
		Document doc = Jsoup.parse(response.body());
		assertThat(doc.select("a.skip-link").first().attr("href")).isEqualTo("#content");
		assertThat(doc.select("h1")).hasSize(1);
		assertThat(doc.select(".lead-headline a")).hasSize(1);
		assertThat(doc.select("#featured-heading")).hasSize(1);
		assertThat(doc.select(".latest .card")).hasSizeGreaterThanOrEqualTo(6);
		assertThat(doc.select("#editors-picks + ol li")).hasSize(6);
		// Other tests sharing this application may add sections of their own; the demo's five are there.
		assertThat(doc.select(".section-block h2")).extracting(Element::id)
			.contains("section-city", "section-politics", "section-business", "section-culture", "section-science");
		assertThat(doc.select("nav.sections a")).extracting(Element::text)
			.contains("City", "Politics", "Business", "Culture");
	}

	@Test
	void articlePageHasEveryElementOfTheReferencePage() throws Exception {
		ArticleSummary summary = withManyParts();
		HttpResponse<String> response = get(summary.path());
		assertThat(response.statusCode()).isEqualTo(200);
		Document doc = Jsoup.parse(response.body());
		assertThat(doc.select("a.skip-link").first().attr("href")).isEqualTo("#content");
		assertThat(doc.select("main#content")).hasSize(1);
		assertThat(doc.select("h1")).hasSize(1);
		assertThat(doc.select("h1").text()).isEqualTo(summary.headline());
		assertThat(doc.select(".byline a[href^=/author/]")).hasSize(summary.authors().size());
		assertThat(doc.select(".byline").text()).startsWith("by ");
		Element published = doc.select(".story-meta > time").first();
		assertThat(published.attr("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
		assertThat(published.text()).matches("[A-Z][a-z]+ \\d{1,2}, \\d{4} \\d{1,2}:\\d\\d [AP]M");
		assertThat(doc.select(".reading-time").text()).matches("\\d+ min read");
		assertThat(doc.select("figure.hero img").attr("alt")).isNotBlank();
		assertThat(doc.select("figure.hero img").attr("srcset")).contains("480w", "960w");
		assertThat(doc.select("figure.hero figcaption .credit").text()).startsWith("(").endsWith(")");
		assertThat(doc.select("#more-news + ol li")).isNotEmpty();
		assertThat(doc.select("#editors-picks + ol li")).isNotEmpty();
		assertThat(doc.select("nav.tags a[rel=tag]")).isNotEmpty();
		assertThat(doc.select("link[rel=canonical]").attr("href")).endsWith(summary.path());
		assertThat(doc.select("meta[property=og:title]")).hasSize(1);
		assertThat(doc.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
		String jsonLd = doc.select("script[type=application/ld+json]").html();
		assertThat(jsonLd).contains("\"@type\":\"NewsArticle\"", "\"@type\":\"BreadcrumbList\"", "\"datePublished\"",
				"\"dateModified\"", "\"@type\":\"Person\"", "\"logo\"");
		// the same bytes on every node and after every restart (the page's ETag depends on them)
		assertThat(jsonLd).contains("\"author\":[{\"@type\":\"Person\",\"name\":",
				"\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":",
				"\"logo\":{\"@type\":\"ImageObject\",\"url\":");
	}

	@Test
	void demoNewsroomHasRelatedCardsQuotesCorrectionsAndUpdates() throws Exception {
		int cards = 0;
		int quotes = 0;
		int notes = 0;
		int updated = 0;
		for (ArticleSummary summary : catalog.latest(1, 100).items()) {
			Document doc = Jsoup.parse(get(summary.path()).body());
			cards += doc.select(".story-body aside.related-card a[href]").size();
			quotes += doc.select(".story-body blockquote").size();
			notes += doc.select(".notes .note").size();
			updated += doc.select(".story-meta .updated time[datetime]").size();
		}
		assertThat(catalog.publishedCount()).isGreaterThanOrEqualTo(40);
		assertThat(cards).isGreaterThanOrEqualTo(10);
		assertThat(quotes).isGreaterThanOrEqualTo(8);
		assertThat(notes).isGreaterThanOrEqualTo(5);
		assertThat(updated).isGreaterThanOrEqualTo(1);
	}

	@Test
	void sectionTagAndAuthorPagesListArticlesAndPaginate() throws Exception {
		Document section = Jsoup.parse(get("/section/city/").body());
		assertThat(section.select("h1").text()).isEqualTo("City");
		assertThat(section.select(".card")).isNotEmpty();

		AuthorProfile author = catalog.author("olena-marchuk").orElseThrow();
		Document authorPage = Jsoup.parse(get(author.path()).body());
		assertThat(authorPage.select("h1").text()).isEqualTo(author.name());
		assertThat(authorPage.select(".job-title").text()).isEqualTo(author.jobTitle());
		assertThat(authorPage.select("img.author-photo")).hasSize(1);
		assertThat(authorPage.select(".bio").text()).isNotBlank();

		Document page2 = Jsoup.parse(get("/page/2/").body());
		assertThat(page2.select(".pagination a[rel=prev]").attr("href")).isEqualTo("/");
		assertThat(get("/page/1/").statusCode()).isEqualTo(302);
	}

	@Test
	void badAddressesGetAPageInTheSiteLayoutNeverA500() throws Exception {
		for (String path : List.of("/no-such-article/", "/tag/no-such-tag/", "/author/nobody/", "/section/nowhere/",
				"/page/0/", "/page/abc/", "/page/99999/", "/page/999999999999999999999999/", "/section/city/page/-1/",
				"/media/../../etc/passwd", "/media/images/..%2F..%2Fetc%2Fpasswd", "/media/%2e%2e/%2e%2e/etc/passwd",
				"/media/images/nothing.jpg", "/media/x.exe")) {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(path).isBetween(400, 499);
			assertThat(response.body()).as(path).contains("class=\"site-header\"").doesNotContain("Exception", "at org.");
		}
		HttpResponse<String> longQuery = get("/?q=" + "a".repeat(10_000));
		assertThat(longQuery.statusCode()).isEqualTo(414);
		assertThat(longQuery.body()).contains("class=\"site-header\"");
	}

	@Test
	void invalidIfNoneMatchGetsA400Page() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/")).header("If-None-Match", "not-an-etag").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("class=\"site-header\"", "Bad request");
	}

	private ArticleSummary withManyParts() {
		return catalog.latest(1, 100).items().stream()
			.filter(a -> a.hero() != null && a.hero().credit() != null)
			.findFirst()
			.orElseThrow();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
