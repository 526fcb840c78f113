package org.masthead.site.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.CuratedList;
import org.masthead.content.Newsroom;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Content API as a client sees it: filters, pages and field selection; 400 problem JSON for
 * anything out of range; ETags and 304; CORS; and an OpenAPI document whose every path answers.
 */
@MastheadIntegrationTest
@TestPropertySource(properties = { "masthead.content-api.requests-per-minute=100000",
		"masthead.content-api.cors-origins=https://app.example" })
class ContentApiIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Newsroom newsroom;

	@Autowired
	NewsFeed newsFeed;

	Basics basics;

	List<String> slugs = new ArrayList<>();

	@BeforeEach
	void setUp() {
		basics = Basics.create(newsroom);
		slugs.clear();
		for (int i = 0; i < 3; i++) {
			String slug = TestContent.unique("api-article");
			long id = newsroom.createDraft(basics.draft(slug, "API story " + i, "<p>Body " + i + ".</p>"));
			newsroom.publish(id, Instant.parse("2025-03-0" + (i + 1) + "T10:00:00Z"));
			slugs.add(slug);
		}
	}

	@Test
	void articlesAreFilteredPagedAndCutToTheFieldsAskedFor() throws Exception {
		JsonNode page = ok("/api/content/articles?section=" + basics.sectionSlug() + "&size=2");
		assertThat(page.get("totalItems").asLong()).isEqualTo(3);
		assertThat(page.get("totalPages").asInt()).isEqualTo(2);
		assertThat(page.get("items").get(0).get("slug").asString()).isEqualTo(slugs.get(2));
		assertThat(page.get("items").get(0).get("url").asString()).startsWith("http://localhost:8080/");
		assertThat(page.get("items").get(0).get("id").isString()).isTrue();
		assertThat(page.get("items").get(0).has("bodyHtml")).isFalse();

		assertThat(ok("/api/content/articles?tag=" + basics.tagSlug() + "&from=2025-03-02&to=2025-03-02").get("items"))
			.extracting(n -> n.get("slug").asString()).containsExactly(slugs.get(1));
		assertThat(ok("/api/content/articles?author=" + basics.authorSlug() + "&page=2&size=2").get("items")).hasSize(1);

		JsonNode cut = ok("/api/content/articles?section=" + basics.sectionSlug() + "&fields=slug,headline");
		assertThat(cut.get("items").get(0).propertyNames()).containsExactlyInAnyOrder("slug", "headline");

		JsonNode article = ok("/api/content/articles/" + slugs.get(0));
		assertThat(article.get("bodyHtml").asString()).isEqualTo("<p>Body 0.</p>");
		assertThat(article.get("tags").get(0).get("slug").asString()).isEqualTo(basics.tagSlug());
		assertThat(article.get("authors").get(0).get("slug").asString()).isEqualTo(basics.authorSlug());
	}

	@Test
	void authorsTagsSectionsNewsFeedItemsAndCuratedLists() throws Exception {
		assertThat(ok("/api/content/authors").get("items")).anySatisfy(a -> assertThat(a.get("slug").asString()).isEqualTo(basics.authorSlug()));
		assertThat(ok("/api/content/authors/" + basics.authorSlug()).get("jobTitle").asString()).isEqualTo("Reporter");
		assertThat(ok("/api/content/tags/" + basics.tagSlug()).get("url").asString()).endsWith("/tag/" + basics.tagSlug() + "/");
		assertThat(ok("/api/content/tags?size=100").get("items").size()).isPositive();
		assertThat(ok("/api/content/sections").get("items")).anySatisfy(s -> assertThat(s.get("slug").asString()).isEqualTo(basics.sectionSlug()));
		long id = newsFeed.post(new NewsFeedItemDraft("API item", "Posted for the API.", slugs.get(0), false, false, null), "Test");
		JsonNode item = ok("/api/content/news-feed/" + id);
		assertThat(item.get("headline").asString()).isEqualTo("API item");
		assertThat(item.get("articleUrl").asString()).endsWith("/" + slugs.get(0) + "/");
		assertThat(ok("/api/content/news-feed?size=5").get("items")).anySatisfy(i -> assertThat(i.get("id").asString()).isEqualTo(Long.toString(id)));
		newsroom.curate(CuratedList.EDITORS_PICKS, List.of());
		assertThat(ok("/api/content/lists/editors-picks").get("items")).isEmpty();
	}

	@Test
	void badParametersGet400ProblemJsonAndMissingThings404() throws Exception {
		for (String path : List.of("/api/content/articles?size=0", "/api/content/articles?size=101", "/api/content/articles?page=0",
				"/api/content/articles?page=abc", "/api/content/articles?page=99999999999", "/api/content/articles?from=yesterday",
				"/api/content/articles?from=2025-03-03&to=2025-03-01", "/api/content/articles?section=no-such-section",
				"/api/content/articles?section=%3Cscript%3E", "/api/content/articles?tag=x%27%20OR%201=1--",
				"/api/content/articles?size=1&size=2", "/api/content/news-feed/abc", "/api/content/articles/Bad%20Slug")) {
			assertProblem(path, 400, "request.bad-parameter");
		}
		assertProblem("/api/content/articles?colour=red", 400, "request.unknown-parameter");
		assertProblem("/api/content/articles?fields=slug,password", 400, "request.unknown-field");
		assertProblem("/api/content/articles/no-such-article", 404, "content.not-found");
		assertProblem("/api/content/lists/secret", 404, "content.not-found");
		assertProblem("/api/content/news-feed/12", 404, "content.not-found");
		HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/api/content/articles"))
			.POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).isIn(403, 405);
	}

	@Test
	void answersHaveStrongEtagsAndCorsForTheConfiguredOrigin() throws Exception {
		String path = "/api/content/articles/" + slugs.get(0);
		HttpResponse<String> first = get(path, "Origin", "https://app.example");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).startsWith("\"").doesNotStartWith("W/");
		assertThat(first.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example");
		assertThat(first.headers().firstValue("X-RateLimit-Remaining")).isPresent();
		assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(get(path, "Origin", "https://evil.example").statusCode()).isEqualTo(403);
		HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri(path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://app.example")
			.header("Access-Control-Request-Method", "GET")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("GET"));
	}

	@Test
	void theOpenApiDocumentDescribesEveryEndpointAndEachAnswers() throws Exception {
		JsonNode doc = ok("/api/content/openapi.json");
		assertThat(doc.get("openapi").asString()).startsWith("3.1");
		List<String> paths = new ArrayList<>(doc.get("paths").propertyNames());
		assertThat(paths).contains("/api/content/articles", "/api/content/articles/{slug}", "/api/content/authors",
				"/api/content/tags", "/api/content/news-feed", "/api/content/lists/{slug}");
		for (String path : paths) {
			String concrete = path.replace("{slug}", path.contains("lists") ? "featured" : path.contains("articles") ? slugs.get(0)
					: path.contains("authors") ? basics.authorSlug() : basics.tagSlug()).replace("{id}", "1");
			int status = get(concrete).statusCode();
			assertThat(status).as(concrete).isIn(200, 404);
			if (!concrete.endsWith("/1")) {
				assertThat(status).as(concrete).isEqualTo(200);
			}
		}
	}

	private JsonNode ok(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		return json.readTree(response.body());
	}

	private void assertProblem(String path, int status, String code) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		assertThat(json.readTree(response.body()).get("code").asString()).as(path).isEqualTo(code);
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
