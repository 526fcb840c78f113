package org.masthead.site.web;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.masthead.audio.NarrationReady;
import org.masthead.audio.narration.NarrationPlanner;
import org.masthead.audio.narration.NarrationRepository;
import org.masthead.audio.narration.NarrationStatus;
import org.masthead.content.Newsroom;
import org.masthead.platform.MediaStorage;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The player on the article page (valid HTML, the disclosure, works without JavaScript), the
 * AudioObject in its JSON-LD, the cached page dropped when a narration becomes ready, and the
 * podcast feed, parsed. Narrations are stored directly here: no engine is needed.
 */
@MastheadIntegrationTest
class NarrationPlayerIntegrationTests {

	@Autowired
	Newsroom newsroom;

	@Autowired
	NarrationRepository narrations;

	@Autowired
	NarrationPlanner planner;

	@Autowired
	MediaStorage storage;

	@Autowired
	ApplicationEventPublisher events;

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theArticlePageShowsThePlayerOnceANarrationIsReady() throws Exception {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("listen");
		long id = newsroom.createDraft(basics.draft(slug, "Harbour “ferries” & trams", "<p>Body.</p>"));
		newsroom.publish(id, Instant.now());
		planner.planDue();

		String before = get("/" + slug + "/").body();
		assertThat(Jsoup.parse(before).select("audio")).isEmpty();

		String key = storeNarration(id, 125_000);
		events.publishEvent(new NarrationReady(id, slug));

		HttpResponse<String> page = get("/" + slug + "/");
		Document html = Jsoup.parse(page.body());
		Element audio = html.selectFirst("section.narration audio");
		assertThat(audio).isNotNull();
		assertThat(audio.attr("src")).isEqualTo("/media/" + key);
		assertThat(audio.hasAttr("controls")).isTrue();
		assertThat(audio.attr("preload")).isEqualTo("none");
		assertThat(audio.selectFirst("a[href=/media/" + key + "]")).as("a link without audio support").isNotNull();
		assertThat(html.selectFirst(".narration time").attr("datetime")).isEqualTo("PT2M5S");
		assertThat(html.selectFirst(".narration time").text()).isEqualTo("2:05");
		assertThat(html.selectFirst(".narration").text()).contains("This audio is created with AI assistance");
		assertThat(html.selectFirst("script[src=/assets/narration-player.js]").attr("type")).isEqualTo("module");
		String jsonLd = html.selectFirst("script[type=application/ld+json]").data();
		assertThat(jsonLd).contains("\"audio\":{\"@type\":\"AudioObject\"", "\"encodingFormat\":\"audio/mpeg\"",
				"\"duration\":\"PT2M5S\"", "/media/" + key);

		HtmlChecker.Report report = new HtmlChecker().checkHtml("/" + slug + "/", page.body());
		assertThat(report.errors()).isEmpty();
		assertThat(get("/assets/narration-player.js").statusCode()).isEqualTo(200);
	}

	@Test
	void thePodcastFeedListsNarratedArticlesWithTheirEnclosures() throws Exception {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("podcast");
		long id = newsroom.createDraft(basics.draft(slug, "Seagrass <returns> & thrives", "<p>Body.</p>"));
		newsroom.publish(id, Instant.now());
		planner.planDue();
		String key = storeNarration(id, 61_000);

		HttpResponse<String> response = get("/podcast/rss/");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
		SyndFeed feed = new SyndFeedInput().build(new StringReader(response.body()));
		assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
		SyndEntry entry = feed.getEntries().stream().filter(e -> e.getLink().endsWith("/" + slug + "/")).findFirst().orElseThrow();
		assertThat(entry.getTitle()).isEqualTo("Seagrass <returns> & thrives");
		assertThat(entry.getEnclosures()).singleElement().satisfies(enclosure -> {
			assertThat(enclosure.getType()).isEqualTo("audio/mpeg");
			assertThat(enclosure.getLength()).isEqualTo(1234L);
			assertThat(enclosure.getUrl()).endsWith("/media/" + key);
		});
		assertThat(entry.getDescription().getValue()).contains("This audio is created with AI assistance");
		Document xml = Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser());
		assertThat(xml.select("channel > itunes|image").attr("href")).endsWith("/podcast/artwork.png");
		assertThat(xml.select("channel > itunes|category").attr("text")).isEqualTo("News");
		assertThat(xml.select("item").stream().filter(i -> i.selectFirst("link").text().endsWith(slug + "/")).findFirst()
			.orElseThrow().selectFirst("itunes|duration").text()).isEqualTo("61");

		HttpResponse<byte[]> artwork = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/podcast/artwork.png")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(artwork.body()));
		assertThat(image.getWidth()).isEqualTo(1400);
		assertThat(image.getHeight()).isEqualTo(1400);

		newsroom.unpublish(id);
		assertThat(get("/podcast/rss/").body()).doesNotContain(slug);
	}

	/** A ready narration as the job would leave it; the bytes need not be real audio here. */
	private String storeNarration(long articleId, long durationMs) throws Exception {
		long row = narrations.insert(articleId, TestContent.unique("hash"), "festival:cmu_us_slt_arctic_hts",
				NarrationStatus.PENDING, null, "Spoken text.", 2, Instant.now());
		String key = "audio/" + Long.toHexString(row) + "0123456789abcdef.mp3";
		storage.put(key, new byte[1234]);
		narrations.ready(row, key, durationMs, 1234, "festival:cmu_us_slt_arctic_hts", Instant.now());
		return key;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
