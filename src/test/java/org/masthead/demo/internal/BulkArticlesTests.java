package org.masthead.demo.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.testing.MastheadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated articles fill the demo newsroom up to the number asked for, and read like articles.
 * 80 rather than a round 60: the hand-written demo newsroom alone has more than 40 articles, and
 * the test wants a few dozen generated ones.
 */
@MastheadIntegrationTest
@TestPropertySource(properties = { "masthead.demo=true", "masthead.demo.generate-articles=80" })
class BulkArticlesTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	BulkArticles bulkArticles;

	@Test
	void fillsTheNewsroomUpToTheNumberAskedFor() throws Exception {
		assertThat(catalog.publishedCount()).isEqualTo(80);
		List<ArticleSummary> generated = generated();
		assertThat(generated).hasSizeGreaterThanOrEqualTo(30);
		assertThat(generated).extracting(ArticleSummary::headline).doesNotHaveDuplicates();
		assertThat(generated).extracting(a -> a.section().slug()).hasSizeGreaterThan(1);
		Instant weekAgo = Instant.now().minus(Duration.ofDays(7));
		assertThat(generated).allMatch(a -> a.publishedAt().isBefore(weekAgo));
		// A handful of illustrations, each shared by many articles.
		assertThat(generated.stream().map(a -> a.hero().assetId()).distinct().count()).isBetween(2L, 14L);
	}

	@Test
	void generatedArticlePagesRenderWithParagraphsASubHeadingAndAQuote() throws Exception {
		for (ArticleSummary summary : generated().subList(0, 10)) {
			HttpResponse<String> response = get(summary.path());
			assertThat(response.statusCode()).isEqualTo(200);
			Document doc = Jsoup.parse(response.body());
			assertThat(doc.select("h1").text()).isEqualTo(summary.headline());
			assertThat(doc.select(".story-body h2")).isNotEmpty();
			assertThat(doc.select(".story-body blockquote")).hasSize(1);
			assertThat(doc.select(".story-body p").size()).isGreaterThanOrEqualTo(5);
			int words = doc.select(".story-body").text().split("\\s+").length;
			assertThat(words).isBetween(400, 800);
		}
		assertThat(get("/").statusCode()).isEqualTo(200);
		assertThat(get("/section/politics/").statusCode()).isEqualTo(200);
	}

	@Test
	void runningAgainAddsNothingOnceTheNumberIsReached() throws Exception {
		bulkArticles.run(null);
		assertThat(catalog.publishedCount()).isEqualTo(80);
	}

	private List<ArticleSummary> generated() {
		return catalog.latest(1, 100).items().stream()
			.filter(a -> a.hero() != null && "Illustration: The Vesna Ledger".equals(a.hero().credit()))
			.toList();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
