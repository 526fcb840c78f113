package org.masthead.newsfeed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.Newsroom;
import org.masthead.identity.token.ApiTokens;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The news feed end to end: Editors post, edit and delete items through the Admin API; readers see
 * them on {@code /news-feed/} (grouped by day, with permalinks and LiveBlogPosting JSON-LD), in the
 * column beside articles and on the home page, and breaking ones in a banner; cached pages follow
 * every change; bad input gets problem JSON.
 */
@MastheadIntegrationTest
class NewsFeedIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Newsroom newsroom;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	NewsFeed feed;

	String editor;

	String author;

	String articleSlug;

	@BeforeEach
	void setUp() {
		editor = tokens.create(TestContent.unique("editor"), "EDITOR", null).secret();
		author = tokens.create(TestContent.unique("author"), "AUTHOR", null).secret();
		Basics basics = Basics.create(newsroom);
		articleSlug = TestContent.unique("ferry-story");
		long id = newsroom.createDraft(basics.draft(articleSlug, "Ferry terminal permit reviewed", "<p>The court spoke.</p>"));
		newsroom.publish(id, java.time.Instant.now());
	}

	@Test
	void anItemPostedThroughTheApiShowsOnTheFeedItsPermalinkTheColumnAndTheHomePage() throws Exception {
		get("/news-feed/"); // cached before the item exists
		get("/" + articleSlug + "/");
		String headline = TestContent.unique("Harbour crane collapses");
		HttpResponse<String> posted = send(editor, "POST", "/api/admin/news-feed", """
				{"headline":"%s","body":"No one was hurt. The port is closed until noon.","articleSlug":"/%s/"}"""
			.formatted(headline, articleSlug));
		assertThat(posted.statusCode()).isEqualTo(201);
		JsonNode item = json.readTree(posted.body());
		String id = item.get("id").asString();
		assertThat(item.get("articleSlug").asString()).isEqualTo(articleSlug);
		assertThat(posted.headers().firstValue("Location")).contains("/api/admin/news-feed/" + id);

		Document page = Jsoup.parse(get("/news-feed/").body());
		var li = page.getElementById("item-" + id);
		assertThat(li).as("the new item on the (formerly cached) feed page").isNotNull();
		assertThat(li.select(".feed-headline").text()).isEqualTo(headline);
		assertThat(li.select(".feed-body").text()).isEqualTo("No one was hurt. The port is closed until noon.");
		assertThat(li.select(".feed-link a").attr("href")).isEqualTo("/" + articleSlug + "/");
		assertThat(li.closest(".feed-group").select(".feed-day").first().text()).matches("[A-Z][a-z]+ \\d{1,2}, \\d{4}");
		assertThat(li.select("time").attr("datetime")).isNotBlank();
		assertThat(li.select("time").text()).matches("\\d{1,2}:\\d{2} [AP]M");
		String jsonLd = page.select("script[type=application/ld+json]").html();
		JsonNode blog = json.readTree(jsonLd);
		assertThat(blog.get("@type").asString()).isEqualTo("LiveBlogPosting");
		assertThat(blog.get("liveBlogUpdate").get(0).get("headline").asString()).isEqualTo(headline);

		String permalink = li.select("a.feed-time").attr("href");
		assertThat(permalink).isEqualTo("/news-feed/" + id + "/");
		Document single = Jsoup.parse(get(permalink).body());
		assertThat(single.select("h1").text()).isEqualTo(headline);

		Document article = Jsoup.parse(get("/" + articleSlug + "/").body());
		assertThat(article.select(".news-feed-column #item-" + id)).as("the column on the (formerly cached) article page").hasSize(1);
		assertThat(article.select(".news-feed-column").attr("data-since")).isNotBlank();
		assertThat(article.select("script[type=module][src^=/assets/news-feed.js]")).hasSize(1);
		Document home = Jsoup.parse(get("/").body());
		assertThat(home.select(".news-feed-column #item-" + id)).hasSize(1);
	}

	@Test
	void editsAndDeletionsReachEveryPageAndTheBreakingBannerComesAndGoes() throws Exception {
		String id = json.readTree(send(editor, "POST", "/api/admin/news-feed",
				"{\"headline\":\"Storm warning\",\"body\":\"Gusts of 90 km/h expected.\"}").body()).get("id").asString();
		Section section = anySection();
		assertThat(Jsoup.parse(get(section.path).body()).select("#breaking-banner")).isEmpty();

		HttpResponse<String> edited = send(editor, "PUT", "/api/admin/news-feed/" + id,
				"{\"headline\":\"Storm warning upgraded\",\"body\":\"Gusts of 120 km/h expected.\",\"breaking\":true}");
		assertThat(edited.statusCode()).isEqualTo(200);
		assertThat(json.readTree(edited.body()).get("breaking").asBoolean()).isTrue();
		Document withBanner = Jsoup.parse(get(section.path).body());
		assertThat(withBanner.select("#breaking-banner a").text()).isEqualTo("Storm warning upgraded");
		assertThat(withBanner.select("#breaking-banner a").attr("href")).isEqualTo("/news-feed/" + id + "/");
		assertThat(Jsoup.parse(get("/news-feed/").body()).select("#item-" + id + " .feed-headline").text())
			.isEqualTo("Storm warning upgraded");

		assertThat(send(editor, "DELETE", "/api/admin/news-feed/" + id, null).statusCode()).isEqualTo(204);
		assertThat(Jsoup.parse(get(section.path).body()).select("#breaking-banner")).isEmpty();
		assertThat(Jsoup.parse(get("/news-feed/").body()).select("#item-" + id)).isEmpty();
		assertThat(get("/news-feed/" + id + "/").statusCode()).isEqualTo(404);
		assertThat(send(editor, "DELETE", "/api/admin/news-feed/" + id, null).statusCode()).isEqualTo(404);
	}

	@Test
	void theFeedIsPaginatedNewestFirstWithPinnedItemsOnTop() throws Exception {
		for (int i = 0; i < 22; i++) {
			feed.post(new NewsFeedItemDraft("Paged item " + i, "Item number " + i + ".", null, false, false,
					java.time.Instant.now().plusSeconds(60 + i)), "Test");
		}
		long pinned = feed.post(new NewsFeedItemDraft("Pinned explainer", "How the vote works.", null, false, true,
				java.time.Instant.now().minusSeconds(3600)), "Test");
		Document first = Jsoup.parse(get("/news-feed/").body());
		assertThat(first.select(".feed-pinned #item-" + pinned)).hasSize(1);
		List<String> times = first.select(".feed-days .feed-item").eachAttr("data-posted-at");
		assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(first.select(".feed-days .feed-headline").first().text()).isEqualTo("Paged item 21");
		String next = first.select(".pagination a[rel=next]").attr("href");
		assertThat(next).isEqualTo("/news-feed/page/2/");
		Document second = Jsoup.parse(get(next).body());
		assertThat(second.select(".feed-days .feed-item")).isNotEmpty();
		assertThat(second.select(".feed-pinned")).isEmpty();
		assertThat(get("/news-feed/page/1/").statusCode()).isEqualTo(302);
		assertThat(get("/news-feed/page/999/").statusCode()).isEqualTo(404);
		assertThat(get("/news-feed/page/abc/").statusCode()).isEqualTo(404);
		assertThat(get("/news-feed/99999999999999999999/").statusCode()).isEqualTo(404);
	}

	@Test
	void itemTextIsShownAsTextNeverAsMarkup() throws Exception {
		String id = json.readTree(send(editor, "POST", "/api/admin/news-feed",
				"{\"headline\":\"<script>alert(1)</script>\",\"body\":\"<img src=x onerror=alert(2)> ' OR 1=1 --\"}").body())
			.get("id").asString();
		for (String path : List.of("/news-feed/", "/news-feed/" + id + "/", "/" + articleSlug + "/")) {
			assertThat(get(path).body()).as(path).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x");
		}
		assertThat(Jsoup.parse(get("/news-feed/" + id + "/").body()).select("h1").text()).isEqualTo("<script>alert(1)</script>");
	}

	@Test
	void badRequestsGetProblemJsonWithAStableCode() throws Exception {
		assertProblem(send(editor, "POST", "/api/admin/news-feed", "{\"headline\":\"\",\"body\":\"\"}"), 422, "news-feed.invalid");
		assertProblem(send(editor, "POST", "/api/admin/news-feed",
				"{\"headline\":\"Long\",\"body\":\"One. Two. Three. Four.\"}"), 422, "news-feed.invalid");
		assertProblem(send(editor, "POST", "/api/admin/news-feed",
				"{\"headline\":\"Link\",\"body\":\"One.\",\"articleSlug\":\"no-such-article\"}"), 422, "news-feed.invalid");
		assertProblem(send(editor, "POST", "/api/admin/news-feed", "{\"headline\":\"" + "x".repeat(2000) + "\",\"body\":\"One.\"}"),
				400, "request.invalid");
		assertProblem(send(editor, "POST", "/api/admin/news-feed", "{\"headline\":\"A\",\"body\":\"B.\",\"colour\":\"red\"}"),
				400, "request.unknown-field");
		assertProblem(send(editor, "POST", "/api/admin/news-feed", "{\"headline\":\"A\",\"body\":\"B.\",\"breaking\":\"maybe\"}"),
				400, "request.wrong-type");
		assertProblem(send(editor, "POST", "/api/admin/news-feed", "{\"headline\":"), 400, "request.malformed");
		assertProblem(send(editor, "GET", "/api/admin/news-feed?size=1000", null), 400, "request.invalid");
		assertProblem(send(editor, "GET", "/api/admin/news-feed/12", null), 404, "news-feed.not-found");
		assertProblem(send(editor, "GET", "/api/admin/news-feed/abc", null), 400, "request.bad-parameter");
		assertProblem(send(author, "POST", "/api/admin/news-feed", "{\"headline\":\"A\",\"body\":\"B.\"}"), 403, "auth.forbidden");
		assertProblem(send(null, "POST", "/api/admin/news-feed", "{\"headline\":\"A\",\"body\":\"B.\"}"), 401, "auth.missing-token");
		HttpResponse<String> list = send(editor, "GET", "/api/admin/news-feed?page=1&size=5", null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(json.readTree(list.body()).get("items").isArray()).isTrue();
	}

	private record Section(String path) {
	}

	private Section anySection() {
		return new Section(catalog.sections().get(0).path());
	}

	private void assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(json.readTree(response.body()).get("code").asString()).isEqualTo(code);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
