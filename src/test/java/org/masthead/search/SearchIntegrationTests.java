package org.masthead.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.Newsroom;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Search end to end: English stemming, phrases, snippets, filters, sorting and pages; an article
 * is findable within a second of being published, changed or taken down; anything a reader can
 * type gets a results page.
 */
@MastheadIntegrationTest
class SearchIntegrationTests {

	/**
	 * The index follows within a second (the test below prints how long it took); a test allows
	 * more, as the first search in a cold JVM on a shared machine alone can take that long.
	 */
	private static final Duration PROMPTLY = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Newsroom newsroom;

	@Autowired
	Search search;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	org.springframework.core.env.Environment environment;

	Basics basics;

	String word;

	@BeforeEach
	void setUp() {
		basics = Basics.create(newsroom);
		word = "zq" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
	}

	@Test
	void stemmedWordsAndPhrasesFindTheRightArticles() {
		long election = publish("Councillors argue over the " + word + " election date",
				"<p>The regional " + word + " elections were moved twice. Voters were unhappy.</p>", Instant.now());
		long crane = publish("New harbour crane " + word, "<p>The harbour crane lifts containers of " + word + " coffee.</p>",
				Instant.now());
		long apart = publish("Crane spotted over the " + word + " harbour",
				"<p>A crane, the bird, nested near the old harbour of " + word + ".</p>", Instant.now());
		await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(20))
			.until(() -> ids(word).containsAll(List.of(election, crane, apart)));

		assertThat(ids(word + " electing")).as("'electing' stems like 'election'").containsExactly(election);
		assertThat(ids(word + " ELECTIONS")).containsExactly(election);
		assertThat(ids("\"harbour crane\" " + word)).as("a phrase").containsExactly(crane);
		assertThat(ids(word + " harbour -coffee")).containsExactly(apart);
		SearchResults results = search.search(SearchQuery.of(word + " elections"));
		assertThat(results.hits().get(0).snippetHtml()).contains("<mark>elections</mark>");
	}

	@Test
	void publishingChangingAndUnpublishingReachTheIndexPromptly() {
		String slug = TestContent.unique("index-story");
		long id = newsroom.createDraft(basics.draft(slug, "Lighthouse " + word + " restored", "<p>Fresh paint.</p>"));
		newsroom.publish(id, Instant.now());
		long published = System.nanoTime();
		await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(5)).until(() -> ids(word).contains(id));
		System.out.printf("search: published to searchable in %d ms%n", (System.nanoTime() - published) / 1_000_000);

		newsroom.saveDraft(id, basics.draft(slug, "Lighthouse restored", "<p>Fresh paint for the " + word + "x keeper.</p>"));
		newsroom.publish(id, Instant.now());
		await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(20))
			.until(() -> ids(word + "x").contains(id) && !ids(word).contains(id));

		newsroom.unpublish(id);
		await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(20)).until(() -> !ids(word + "x").contains(id));
	}

	@Test
	void filtersSortingAndPages() {
		Basics other = Basics.create(newsroom);
		Instant now = Instant.now();
		long old = publish("Old " + word + " report", "<p>Ferry " + word + ".</p>", now.minus(Duration.ofDays(40)));
		long recent = publish("Recent " + word + " report", "<p>Ferry " + word + ".</p>", now.minus(Duration.ofDays(1)));
		long elsewhere = publishAs(other, "Elsewhere " + word, "<p>Ferry " + word + " " + word + " " + word + ".</p>", now);
		await().atMost(Duration.ofSeconds(2)).until(() -> ids(word).size() == 3);

		ZoneId zone = ZoneId.of("Europe/Kyiv");
		assertThat(ids(new SearchQuery(word, basics.sectionSlug(), null, null, null, SearchQuery.Sort.RELEVANCE, 1, 10)))
			.containsExactlyInAnyOrder(old, recent);
		assertThat(ids(new SearchQuery(word, null, other.authorSlug(), null, null, SearchQuery.Sort.RELEVANCE, 1, 10)))
			.containsExactly(elsewhere);
		LocalDate lastWeek = LocalDate.now(zone).minusDays(7);
		assertThat(ids(new SearchQuery(word, null, null, lastWeek, null, SearchQuery.Sort.RELEVANCE, 1, 10)))
			.containsExactlyInAnyOrder(recent, elsewhere);
		assertThat(ids(new SearchQuery(word, null, null, null, lastWeek, SearchQuery.Sort.RELEVANCE, 1, 10)))
			.containsExactly(old);
		assertThat(ids(new SearchQuery(word, null, null, null, null, SearchQuery.Sort.NEWEST, 1, 10)))
			.containsExactly(elsewhere, recent, old);
		SearchResults second = search.search(new SearchQuery(word, null, null, null, null, SearchQuery.Sort.NEWEST, 2, 2));
		assertThat(second.total()).isEqualTo(3);
		assertThat(second.hits()).extracting(SearchResults.Hit::articleId).containsExactly(old);
	}

	@Test
	void theSearchPageShowsResultsWithFiltersAndTheHeaderHasASearchBox() throws Exception {
		long id = publish("Tram depot " + word + " opens", "<p>The new depot for " + word + " trams opened today.</p>", Instant.now());
		await().atMost(Duration.ofSeconds(2)).until(() -> ids(word).contains(id));
		Document home = Jsoup.parse(get("/").body());
		assertThat(home.select("header form[role=search][action=/search] input[name=q]")).hasSize(1);

		HttpResponse<String> response = get("/search?q=" + word + "&section=" + basics.sectionSlug() + "&sort=newest");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Surrogate-Key")).as("never from the page cache").isEmpty();
		Document page = Jsoup.parse(response.body());
		assertThat(page.select(".search-results a").eachAttr("href")).contains("/" + catalog.latest(1, 50).items().stream()
			.filter(a -> a.id() == id).findFirst().orElseThrow().slug() + "/");
		assertThat(page.select(".search-results mark").eachText()).contains(word);
		assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(page.select("#section option[selected]").attr("value")).isEqualTo(basics.sectionSlug());
		assertThat(page.select(".search-note")).isEmpty();
	}

	@Test
	void anythingAReaderTypesGetsAFriendlyResultsPage() throws Exception {
		List<String> queries = List.of("\"", "\"lone quote", "*", "?", "title:(", "[a TO", "a AND", "\\", "~", "/(a|b)*c{1000}/",
				"' OR 1=1 --", "<script>alert(1)</script>", "x".repeat(10_000), "elect* OR " + "word ".repeat(3000), "AND OR NOT",
				"%00", "\u0000\u0001");
		for (String q : queries) {
			HttpResponse<String> response = get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as("status for %s", q.length() > 40 ? q.substring(0, 40) + "…" : q).isEqualTo(200);
			Document page = Jsoup.parse(response.body());
			assertThat(page.select("h1").text()).isEqualTo("Search");
			assertThat(response.body()).doesNotContain("<script>alert(1)</script>");
		}
		Document lone = Jsoup.parse(get("/search?q=%22election").body());
		assertThat(lone.select(".search-note").text()).contains("searched for the words alone");
		Document stars = Jsoup.parse(get("/search?q=*").body());
		assertThat(stars.select(".search-note").text()).contains("Type a word or two");
		Document longOne = Jsoup.parse(get("/search?q=" + "y".repeat(10_000)).body());
		assertThat(longOne.select(".search-note").text()).contains("first 200 characters");
		Document unknown = Jsoup.parse(get("/search?q=ferry&colour=red&section=nowhere&from=yesterday&sort=sideways&page=-3").body());
		assertThat(unknown.select(".search-note").eachText()).anySatisfy(n -> assertThat(n).contains("colour"))
			.anySatisfy(n -> assertThat(n).contains("nowhere"))
			.anySatisfy(n -> assertThat(n).contains("yesterday"))
			.anySatisfy(n -> assertThat(n).contains("relevance"));
		assertThat(get("/search").statusCode()).isEqualTo(200);
	}

	@Test
	void aRebuildReadsEveryPublishedArticleFromTheDatabase() {
		publish("Rebuilt " + word, "<p>Still here after a rebuild.</p>", Instant.now());
		AtomicLong reported = new AtomicLong();
		long indexed = search.rebuild((done, total) -> reported.set(done));
		assertThat(indexed).isEqualTo(catalog.publishedCount());
		assertThat(reported.get()).isEqualTo(indexed);
		assertThat(search.indexedCount()).isEqualTo(indexed);
		assertThat(ids(word)).hasSize(1);
	}

	@Test
	void commandsRunBesideARunningServerAndARebuildSaysTheIndexIsInUse() {
		search.search(SearchQuery.of("anything")); // the server holds the index from here on
		List<String> args = new java.util.ArrayList<>(List.of("--masthead.data-dir=" + environment.getProperty("masthead.data-dir")));
		for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password")) {
			if (environment.getProperty(key) != null) {
				args.add("--" + key + "=" + environment.getProperty(key));
			}
		}
		java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		java.io.PrintStream errors = new java.io.PrintStream(err, true, StandardCharsets.UTF_8);
		java.io.PrintStream out = new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		List<String> admin = new java.util.ArrayList<>(List.of("admin", "create-api-token", "--name", TestContent.unique("cli"),
				"--role", "editor"));
		admin.addAll(args);
		assertThat(org.masthead.identity.AdminCommand.run(org.masthead.MastheadApplication.class, admin.toArray(String[]::new),
				new java.io.ByteArrayInputStream(new byte[0]), out, errors)).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
		List<String> rebuild = new java.util.ArrayList<>(List.of("search", "rebuild"));
		rebuild.addAll(args);
		assertThat(SearchCommand.run(org.masthead.MastheadApplication.class, rebuild.toArray(String[]::new), out, errors))
			.isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("is in use by another process");
	}

	private long publish(String headline, String body, Instant at) {
		return publishAs(basics, headline, body, at);
	}

	private long publishAs(Basics as, String headline, String body, Instant at) {
		long id = newsroom.createDraft(as.draft(TestContent.unique("search"), headline, body));
		newsroom.publish(id, at);
		return id;
	}

	private List<Long> ids(String text) {
		return ids(new SearchQuery(text, null, null, null, null, SearchQuery.Sort.RELEVANCE, 1, 10));
	}

	private List<Long> ids(SearchQuery query) {
		return search.search(query).hits().stream().map(SearchResults.Hit::articleId).toList();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
