package org.masthead.site.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.CuratedList;
import org.masthead.content.Newsroom;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.NewsletterDraft;
import org.masthead.newsletter.NewsletterStatus;
import org.masthead.newsletter.Newsletters;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frame every page shares (sections, breaking news, More news, Editors' Picks, the News Feed
 * column, sign-up blocks) is kept between renders, and a change shows on the very next render.
 * The pages are asked for with a query string, which the page cache never answers, so every
 * request here renders.
 */
@MastheadIntegrationTest
class SiteFurnitureIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Newsroom newsroom;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	NewsFeed feed;

	@Autowired
	Newsletters newsletters;

	private TestContent.Basics basics;

	private String article;

	@BeforeEach
	void anArticle() {
		basics = TestContent.Basics.create(newsroom);
		article = publish("Ferry timetable changes for winter", Instant.now());
	}

	@Test
	void aNewSectionShowsInTheNavigationOfTheNextRender() throws Exception {
		String slug = TestContent.unique("weather");
		assertThat(render(article)).doesNotContain("/section/" + slug + "/");

		newsroom.createSection(slug, "Weather " + slug, null);

		assertThat(Jsoup.parse(render(article)).select("nav a[href=/section/" + slug + "/]").eachText())
			.isNotEmpty()
			.allMatch(("Weather " + slug)::equals);
	}

	@Test
	void aNewEditorsPickShowsOnTheNextRender() throws Exception {
		String headline = "Archive photos of the old harbour " + TestContent.unique("pick");
		String pick = publish(headline, Instant.now().minus(Duration.ofDays(400)));
		List<Long> before = catalog.curated(CuratedList.EDITORS_PICKS, 100).stream().map(ArticleSummary::id).toList();
		assertThat(editorsPicks()).doesNotContain(headline);
		try {
			newsroom.curate(CuratedList.EDITORS_PICKS,
					java.util.stream.Stream.concat(java.util.stream.Stream.of(idOf(pick)), before.stream()).toList());

			assertThat(editorsPicks()).contains(headline);
		}
		finally {
			newsroom.curate(CuratedList.EDITORS_PICKS, before);
		}
		assertThat(editorsPicks()).doesNotContain(headline);
	}

	@Test
	void aNewArticleShowsInMoreNewsOnTheNextRender() throws Exception {
		String headline = "Night market opens on the quay " + TestContent.unique("latest");
		assertThat(moreNews()).doesNotContain(headline);

		publish(headline, Instant.now());

		assertThat(moreNews()).contains(headline);
	}

	@Test
	void aBreakingItemShowsInTheBannerAndTheColumnOnTheNextRender() throws Exception {
		String headline = "Bridge closed after barge strike " + TestContent.unique("breaking");
		Document before = Jsoup.parse(render(article));
		assertThat(before.text()).doesNotContain(headline);

		long id = feed.post(new NewsFeedItemDraft(headline, "Traffic is being diverted.", null, true, false, null), "Desk");
		try {
			Document page = Jsoup.parse(render(article));
			assertThat(page.select("#breaking-banner").text()).contains(headline);
			// the column shows the newest items, which other tests may have dated later than this one;
			// the number of the change it reflects (where the live script resumes) moves on in any case
			assertThat(since(page)).isGreaterThan(since(before));
		}
		finally {
			feed.delete(id);
		}
		assertThat(render(article)).doesNotContain(headline);
	}

	@Test
	void aRenamedNewsletterShowsItsNewNameInTheSignupBlocksOfTheNextRender() throws Exception {
		String slug = "tide-" + System.nanoTime() % 10_000_000;
		String before = "000 Tide Tables " + slug;
		String after = "000 Low Water " + slug;
		long id = newsletters.create(draft(before, slug, NewsletterStatus.ACTIVE));
		try {
			assertThat(render(article)).contains(before);

			newsletters.update(id, draft(after, slug, NewsletterStatus.ACTIVE));

			assertThat(render(article)).contains(after).doesNotContain(before);
		}
		finally {
			newsletters.update(id, draft(after, slug, NewsletterStatus.PAUSED));
		}
		assertThat(render(article)).doesNotContain(after);
	}

	private static NewsletterDraft draft(String name, String slug, NewsletterStatus status) {
		return new NewsletterDraft(name, slug, "The tides of the week.", null, "Every Monday", "Tide Tables",
				"tides@ledger.test", null, status, 0, false);
	}

	private final java.util.Map<String, Long> ids = new java.util.concurrent.ConcurrentHashMap<>();

	private String publish(String headline, Instant at) {
		String slug = TestContent.unique("story");
		long id = newsroom.createDraft(basics.draft(slug, headline, "<p>Some reporting.</p>"));
		newsroom.publish(id, at);
		ids.put(slug, id);
		return slug;
	}

	private long idOf(String slug) {
		return ids.get(slug);
	}

	private static long since(Document page) {
		return Long.parseLong(page.select(".news-feed-column").attr("data-since"));
	}

	private String editorsPicks() throws Exception {
		return Jsoup.parse(render(article)).select("section:has(#editors-picks)").text();
	}

	private String moreNews() throws Exception {
		return Jsoup.parse(render(article)).select("section:has(#more-news)").text();
	}

	/** The article page, rendered for this request (a query string keeps the page cache out). */
	private String render(String slug) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + slug + "/?ref=furniture")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
