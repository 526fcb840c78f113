package org.masthead.site.feeds;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleDraft;
import org.masthead.content.Image;
import org.masthead.content.MediaLibrary;
import org.masthead.content.Newsroom;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds parsed by a real feed library (ROME), sitemaps validated against the sitemaps.org schemas
 * and Google's image and news extensions, the news sitemap's 48-hour and size rules, robots.txt read
 * by a strict parser (crawler-commons), and all of them served from the page cache. Small limits
 * here (3 URLs a sitemap, 4 in the news sitemap) stand in for 50,000 and 1,000.
 */
@MastheadIntegrationTest
@TestPropertySource(properties = { "masthead.feeds.sitemap-max-urls=3", "masthead.feeds.news-max-urls=4",
		"masthead.feeds.full-content=true", "masthead.site.base-url=https://news.example" })
class FeedsAndSitemapsIntegrationTests {

	private static Schema sitemapSchema;

	private static Schema indexSchema;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Newsroom newsroom;

	@Autowired
	MediaLibrary media;

	@Autowired
	NewsFeed newsFeed;

	@BeforeAll
	static void schemas() throws Exception {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		sitemapSchema = factory.newSchema(new Source[] { xsd("com/redfin/sitemapgenerator/sitemap.xsd"),
				xsd("sitemaps/sitemap-image.xsd"), xsd("sitemaps/sitemap-news.xsd") });
		indexSchema = factory.newSchema(xsd("com/redfin/sitemapgenerator/siteindex.xsd"));
	}

	@Test
	void rssAtomAndJsonFeedsCarryTheNewestArticlesWholeWithAbsoluteLinks() throws Exception {
		Basics basics = Basics.create(newsroom);
		long first = publish(basics, "Ferry timetable changes", "<p>See <a href=\"/timetable/\">the timetable</a>.</p>",
				Instant.now().minusSeconds(60), null);
		long second = publish(basics, "Harbour <festival> & fireworks", "<p>Tonight at nine.</p>", Instant.now(), null);

		SyndFeed rss = feed("/rss/", "application/rss+xml");
		assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
		assertThat(rss.getLink()).isEqualTo("https://news.example/");
		SyndEntry newest = rss.getEntries().get(0);
		assertThat(newest.getTitle()).isEqualTo("Harbour <festival> & fireworks");
		assertThat(newest.getLink()).startsWith("https://news.example/").endsWith("/");
		assertThat(newest.getAuthor()).startsWith("Author ");
		SyndEntry older = rss.getEntries().stream().filter(e -> e.getTitle().equals("Ferry timetable changes")).findFirst()
			.orElseThrow();
		assertThat(rss.getEntries().indexOf(older)).isPositive();
		assertThat(older.getContents().get(0).getValue()).contains("href=\"https://news.example/timetable/\"");
		assertThat(older.getDescription().getValue()).isEqualTo("A dek for Ferry timetable changes");

		SyndFeed atom = feed("/atom.xml", "application/atom+xml");
		assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
		assertThat(atom.getEntries().get(0).getTitle()).isEqualTo("Harbour <festival> & fireworks");
		assertThat(atom.getEntries().get(0).getContents().get(0).getValue()).contains("Tonight at nine.");

		HttpResponse<String> jsonFeed = get("/feed.json");
		assertThat(jsonFeed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/feed+json"));
		JsonNode feed = json.readTree(jsonFeed.body());
		assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
		assertThat(feed.get("feed_url").asString()).isEqualTo("https://news.example/feed.json");
		JsonNode item = feed.get("items").get(0);
		assertThat(item.get("title").asString()).isEqualTo("Harbour <festival> & fireworks");
		assertThat(item.get("content_html").asString()).contains("Tonight at nine.");
		assertThat(item.get("date_published").asString()).endsWith("Z");
		assertThat(item.get("authors").get(0).get("name").asString()).startsWith("Author ");

		SyndFeed tag = feed("/tag/" + basics.tagSlug() + "/rss/", "application/rss+xml");
		assertThat(tag.getEntries()).extracting(SyndEntry::getTitle)
			.containsExactly("Harbour <festival> & fireworks", "Ferry timetable changes");
		SyndFeed author = feed("/author/" + basics.authorSlug() + "/rss/", "application/rss+xml");
		assertThat(author.getEntries()).hasSize(2);
		assertThat(get("/tag/no-such-tag/rss/").statusCode()).isEqualTo(404);
		assertThat(first).isLessThan(second);
	}

	@Test
	void newsFeedItemsHaveAFeedOfTheirOwn() throws Exception {
		long id = newsFeed.post(new NewsFeedItemDraft("Bridge closed", "High winds close the bridge.", null, true, false, null),
				"Test");
		SyndFeed items = feed("/news-feed/rss/", "application/rss+xml");
		SyndEntry entry = items.getEntries().stream().filter(e -> e.getTitle().equals("Bridge closed")).findFirst().orElseThrow();
		assertThat(entry.getLink()).isEqualTo("https://news.example/news-feed/" + id + "/");
		assertThat(entry.getDescription().getValue()).isEqualTo("High winds close the bridge.");
		newsFeed.delete(id);
		assertThat(feed("/news-feed/rss/", "application/rss+xml").getEntries()).noneMatch(e -> e.getTitle().equals("Bridge closed"));
	}

	@Test
	void feedsAndSitemapsAreServedFromTheCacheAndFollowNewArticles() throws Exception {
		Basics basics = Basics.create(newsroom);
		for (String path : List.of("/rss/", "/sitemap-news.xml", "/sitemap.xml", "/feed.json")) {
			HttpResponse<String> one = get(path);
			HttpResponse<String> two = get(path);
			assertThat(two.headers().firstValue("Surrogate-Key")).as("%s is cached", path).isPresent();
			assertThat(two.headers().firstValue("ETag")).isEqualTo(one.headers().firstValue("ETag"));
		}
		String headline = TestContent.unique("Cache follows");
		publish(basics, headline, "<p>Text.</p>", Instant.now(), null);
		assertThat(get("/rss/").body()).contains(headline);
		assertThat(get("/sitemap-news.xml").body()).contains(headline);
	}

	@Test
	void sitemapsAreValidSplitAfterTheLimitAndShowHeroImages() throws Exception {
		Basics basics = Basics.create(newsroom);
		Image hero = media.store(TestContent.picture(1600, 900, "jpg"), "A harbour at dusk", null, "Photo: Test");
		YearMonth month = YearMonth.of(2024, 3);
		Instant mid = month.atDay(15).atStartOfDay(ZoneOffset.UTC).toInstant();
		for (int i = 0; i < 4; i++) {
			publish(basics, "March story " + i, "<p>Text.</p>", mid.plus(Duration.ofHours(i)), i == 0 ? hero : null);
		}
		Document index = xml(get("/sitemap.xml"));
		indexSchema.newValidator().validate(new StreamSource(new StringReader(get("/sitemap.xml").body())));
		List<String> sitemaps = index.select("sitemap > loc").eachText();
		assertThat(sitemaps).contains("https://news.example/sitemap-articles-2024-03.xml",
				"https://news.example/sitemap-articles-2024-03-2.xml", "https://news.example/sitemap-pages.xml");
		int urls = 0;
		for (String loc : sitemaps) {
			HttpResponse<String> sitemap = get(loc.substring("https://news.example".length()));
			assertThat(sitemap.statusCode()).as(loc).isEqualTo(200);
			sitemapSchema.newValidator().validate(new StreamSource(new StringReader(sitemap.body())));
			Document doc = xml(sitemap);
			if (loc.contains("sitemap-articles-")) {
				assertThat(doc.select("url").size()).as(loc).isBetween(1, 3);
			}
			if (loc.contains("2024-03")) {
				urls += doc.select("url").size();
			}
		}
		assertThat(urls).isEqualTo(4);
		Document march = xml(get("/sitemap-articles-2024-03.xml"));
		assertThat(march.select("url").first().select("image|loc").text()).startsWith("https://news.example/media/");
		assertThat(march.select("lastmod").first().text()).isEqualTo("2024-03-15T00:00:00Z");
		assertThat(get("/sitemap-articles-2024-13.xml").statusCode()).isEqualTo(404);
		assertThat(get("/sitemap-articles-1999-01.xml").statusCode()).isEqualTo(404);
		assertThat(get("/sitemap-articles-2024-03-1.xml").statusCode()).isEqualTo(404);
		assertThat(get("/sitemap-articles-2024-03-9.xml").statusCode()).isEqualTo(404);
	}

	@Test
	void theNewsSitemapHasOnlyTheLast48HoursNewestFirstAndAtMostItsLimit() throws Exception {
		Basics basics = Basics.create(newsroom);
		Instant now = Instant.now();
		String old = TestContent.unique("Two days and an hour ago");
		publish(basics, old, "<p>Old.</p>", now.minus(Duration.ofHours(49)), null);
		List<String> recent = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String headline = TestContent.unique("Recent " + i);
			publish(basics, headline, "<p>New.</p>", now.minus(Duration.ofHours(47)).plus(Duration.ofHours(i)), null);
			recent.add(headline);
		}
		HttpResponse<String> news = get("/sitemap-news.xml");
		sitemapSchema.newValidator().validate(new StreamSource(new StringReader(news.body())));
		Document doc = xml(news);
		List<String> titles = doc.select("news|title").eachText();
		assertThat(titles).hasSize(4).doesNotContain(old);
		List<String> dates = doc.select("news|publication_date").eachText();
		assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		for (String date : dates) {
			assertThat(Instant.parse(date)).isAfter(now.minus(Duration.ofHours(48)));
		}
		assertThat(doc.select("news|publication > news|language").first().text()).isEqualTo("en");
		assertThat(doc.select("news|publication > news|name").first().text()).isEqualTo("The Vesna Ledger");
		assertThat(titles).as("the oldest of the recent ones fall past the limit").doesNotContain(recent.get(0));
	}

	@Test
	void robotsTxtNamesTheSitemapsAndKeepsCrawlersOutOfTheNewsroom() throws Exception {
		HttpResponse<String> robots = get("/robots.txt");
		assertThat(robots.statusCode()).isEqualTo(200);
		BaseRobotRules rules = new SimpleRobotRulesParser().parseContent("https://news.example/robots.txt",
				robots.body().getBytes(StandardCharsets.UTF_8), "text/plain", List.of("testbot"));
		assertThat(rules.getSitemaps()).containsExactly("https://news.example/sitemap.xml",
				"https://news.example/sitemap-news.xml");
		assertThat(rules.isAllowed("https://news.example/some-article/")).isTrue();
		assertThat(rules.isAllowed("https://news.example/admin/")).isFalse();
		assertThat(rules.isAllowed("https://news.example/api/admin/articles")).isFalse();
		assertThat(rules.isAllowed("https://news.example/search?q=x")).isFalse();
	}

	private long publish(Basics basics, String headline, String body, Instant at, Image hero) {
		String slug = TestContent.unique("march");
		long id = newsroom.createDraft(new ArticleDraft(slug, headline, "A dek for " + headline, body,
				hero == null ? null : hero.assetId(), hero == null ? null : "A harbour", null, null, basics.sectionId(),
				List.of(basics.authorId()), List.of(basics.tagId()), "en", null, null));
		newsroom.publish(id, at);
		return id;
	}

	private SyndFeed feed(String path, String type) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(type));
		return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))));
	}

	private static Document xml(HttpResponse<String> response) {
		return Jsoup.parse(response.body(), "", Parser.xmlParser());
	}

	private static Source xsd(String resource) throws Exception {
		return new StreamSource(new ClassPathResource(resource).getInputStream(), resource);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
