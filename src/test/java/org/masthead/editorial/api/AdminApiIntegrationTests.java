package org.masthead.editorial.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
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
import static org.awaitility.Awaitility.await;

/** The Admin API end to end: write, review, publish, schedule, correct; and every bad request as problem JSON. */
@MastheadIntegrationTest
class AdminApiIntegrationTests {

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

	String contributor;

	String editor;

	Basics basics;

	@BeforeEach
	void setUp() {
		contributor = tokens.create(TestContent.unique("contrib"), "CONTRIBUTOR", null).secret();
		editor = tokens.create(TestContent.unique("editor"), "EDITOR", null).secret();
		basics = Basics.create(newsroom);
	}

	@Test
	void aContributorsArticleIsReviewedPublishedAndCorrected() throws Exception {
		String slug = TestContent.unique("api-story");
		HttpResponse<String> created = send(contributor, "POST", "/api/admin/articles", article(slug, "Dock workers vote on new contract"));
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		long id = body.get("id").asLong();
		assertThat(body.get("status").asString()).isEqualTo("DRAFT");
		assertThat(body.get("checks").isArray()).isTrue();
		assertThat(created.headers().firstValue("Location")).contains("/api/admin/articles/" + id);

		HttpResponse<String> denied = transition(contributor, id, "{\"action\":\"publish\"}");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(code(denied)).isEqualTo("auth.forbidden");

		assertThat(transition(contributor, id, "{\"action\":\"submit\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> sentBack = transition(editor, id, "{\"action\":\"send-back\",\"comment\":\"Name the union.\"}");
		assertThat(json.readTree(sentBack.body()).get("reviewComment").asString()).isEqualTo("Name the union.");

		int revision = json.readTree(send(contributor, "GET", "/api/admin/articles/" + id, null).body()).get("revision").asInt();
		String fixed = article(slug, "Dock workers of the Harbour Union vote on new contract").replace("}", ",\"revision\":" + revision + "}");
		assertThat(send(contributor, "PUT", "/api/admin/articles/" + id, fixed).statusCode()).isEqualTo(200);
		HttpResponse<String> stale = send(contributor, "PUT", "/api/admin/articles/" + id, fixed);
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(code(stale)).isEqualTo("article.edit-conflict");

		assertThat(transition(contributor, id, "{\"action\":\"submit\"}").statusCode()).isEqualTo(200);
		HttpResponse<String> published = transition(editor, id, "{\"action\":\"publish\"}");
		assertThat(published.statusCode()).isEqualTo(200);
		String url = json.readTree(published.body()).get("url").asString();
		assertThat(url).endsWith("/" + slug + "/");
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + slug + "/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Dock workers of the Harbour Union vote on new contract");

		HttpResponse<String> corrected = send(editor, "POST", "/api/admin/articles/" + id + "/notes",
				"{\"kind\":\"correction\",\"body\":\"An earlier version misnamed the union.\"}");
		assertThat(corrected.statusCode()).isEqualTo(200);
		assertThat(catalog.article(slug).orElseThrow().notes()).hasSize(1);
		assertThat(json.readTree(send(editor, "GET", "/api/admin/articles/" + id + "/revisions", null).body()).size()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void schedulingThroughTheApiGoesLiveOnTime() throws Exception {
		String slug = TestContent.unique("api-scheduled");
		long id = json.readTree(send(editor, "POST", "/api/admin/articles", article(slug, "Ice rink opens")).body()).get("id").asLong();
		String at = Instant.now().plusSeconds(2).toString();
		HttpResponse<String> scheduled = transition(editor, id, "{\"action\":\"schedule\",\"at\":\"" + at + "\"}");
		assertThat(scheduled.statusCode()).isEqualTo(200);
		assertThat(json.readTree(scheduled.body()).get("status").asString()).isEqualTo("SCHEDULED");
		await().atMost(Duration.ofSeconds(20)).until(() -> catalog.article(slug).isPresent());
	}

	@Test
	void publishingChecksComeBackAsProblems() throws Exception {
		String slug = TestContent.unique("api-blocked");
		String noDek = "{\"slug\":\"" + slug + "\",\"headline\":\"" + "Long ".repeat(30) + "\",\"body\":\"<p>x</p>\",\"sectionId\":"
				+ basics.sectionId() + ",\"authorIds\":[" + basics.authorId() + "]}";
		long id = json.readTree(send(editor, "POST", "/api/admin/articles", noDek).body()).get("id").asLong();
		HttpResponse<String> blocked = transition(editor, id, "{\"action\":\"publish\"}");
		assertThat(blocked.statusCode()).isEqualTo(409);
		JsonNode problem = json.readTree(blocked.body());
		assertThat(problem.get("code").asString()).isEqualTo("article.publishing-blocked");
		List<String> codes = problem.get("problems").valueStream().map(p -> p.get("code").asString()).toList();
		assertThat(codes).contains("check.dek-missing", "check.headline-too-long");
	}

	@Test
	void badRequestsGetProblemJsonWithStableCodes() throws Exception {
		String slug = TestContent.unique("api-bad");
		assertProblem(send(editor, "POST", "/api/admin/articles", "{\"slug\":\"" + slug + "\",\"headline\":\"x\",\"colour\":\"red\"}"),
				400, "request.unknown-field");
		assertProblem(send(editor, "POST", "/api/admin/articles", "{\"slug\":\"" + slug + "\",\"headline\":\"x\",\"sectionId\":\"lots\"}"),
				400, "request.wrong-type");
		assertProblem(send(editor, "POST", "/api/admin/articles", "{not json"), 400, "request.malformed");
		assertProblem(send(editor, "POST", "/api/admin/articles", "{\"slug\":\"\",\"headline\":\"\"}"), 400, "request.invalid");
		assertProblem(send(editor, "POST", "/api/admin/articles", "{\"slug\":\"Bad Slug\",\"headline\":\"x\"}"), 400, "request.invalid");
		assertProblem(send(editor, "GET", "/api/admin/articles/999999", null), 404, "article.not-found");
		assertProblem(send(editor, "GET", "/api/admin/articles/abc", null), 400, "request.bad-parameter");
		assertProblem(send(editor, "GET", "/api/admin/articles?size=100000", null), 400, "request.invalid");
		assertProblem(send(editor, "GET", "/api/admin/articles?status=lost", null), 400, "request.invalid");
		assertProblem(send(editor, "PUT", "/api/admin/lists/nope", "{\"articleIds\":[]}"), 404, "list.not-found");

		long id = json.readTree(send(editor, "POST", "/api/admin/articles", article(slug, "Headline")).body()).get("id").asLong();
		assertProblem(transition(editor, id, "{\"action\":\"unpublish\"}"), 409, "article.illegal-transition");
		assertProblem(transition(editor, id, "{\"action\":\"fly\"}"), 400, "request.invalid");
		assertProblem(transition(editor, id, "{\"action\":\"schedule\"}"), 400, "request.invalid");
		assertProblem(send(editor, "POST", "/api/admin/articles", article(slug, "Same slug again")), 409, "article.slug-in-use");
		assertProblem(send(null, "GET", "/api/admin/articles", null), 401, "auth.missing-token");
		assertProblem(send("mh_not-a-real-token", "GET", "/api/admin/articles", null), 401, "auth.invalid-token");
	}

	@Test
	void scriptsInFieldsAreStoredInert() throws Exception {
		String slug = TestContent.unique("api-xss");
		String payload = "{\"slug\":\"" + slug + "\",\"headline\":\"<script>alert(1)</script>Harbour\",\"dek\":\"<img src=x onerror=alert(1)>\","
				+ "\"body\":\"<p onmouseover=\\\"alert(1)\\\">Text<script>alert(2)</script></p><a href=\\\"javascript:alert(3)\\\">x</a>\","
				+ "\"sectionId\":" + basics.sectionId() + ",\"authorIds\":[" + basics.authorId() + "]}";
		long id = json.readTree(send(editor, "POST", "/api/admin/articles", payload).body()).get("id").asLong();
		transition(editor, id, "{\"action\":\"publish\"}");
		String page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + slug + "/")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		org.jsoup.nodes.Document doc = Jsoup.parse(page);
		assertThat(doc.select("script:not([type=application/ld+json])"))
			.allSatisfy(script -> assertThat(script.attr("src")).startsWith("/assets/"));
		assertThat(doc.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
			.noneMatch(a -> a.getKey().startsWith("on") || a.getValue().startsWith("javascript:")));
		assertThat(doc.select("h1").text()).isEqualTo("<script>alert(1)</script>Harbour");
		assertThat(doc.select(".story-body").html()).contains("Text").doesNotContain("alert(2)");
	}

	@Test
	void openApiDocumentDescribesTheApi() throws Exception {
		HttpResponse<String> doc = send(editor, "GET", "/api/admin/openapi.json", null);
		assertThat(doc.statusCode()).isEqualTo(200);
		JsonNode paths = json.readTree(doc.body()).get("paths");
		assertThat(paths.has("/api/admin/articles")).isTrue();
		assertThat(paths.has("/api/admin/articles/{id}/transitions")).isTrue();
	}

	@Test
	void sectionsAuthorsAndTagsGiveTheIdsAnArticleNeeds() throws Exception {
		JsonNode sections = json.readTree(send(contributor, "GET", "/api/admin/sections", null).body());
		assertThat(sections.valueStream().map(s -> s.get("id").asLong())).contains(basics.sectionId());
		assertThat(sections.valueStream().map(s -> s.get("slug").asString()).toList()).doesNotHaveDuplicates();
		JsonNode authors = json.readTree(send(contributor, "GET", "/api/admin/authors", null).body());
		assertThat(authors.valueStream().map(a -> a.get("id").asLong())).contains(basics.authorId());
		assertProblem(send(null, "GET", "/api/admin/sections", null), 401, "auth.missing-token");
	}

	private void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(code(response)).as(response.body()).isEqualTo(code);
		assertThat(response.body()).doesNotContain("Exception", "at org.");
	}

	private String code(HttpResponse<String> response) throws Exception {
		JsonNode code = json.readTree(response.body()).get("code");
		return code == null ? null : code.asString();
	}

	private String article(String slug, String headline) {
		return "{\"slug\":\"" + slug + "\",\"headline\":\"" + headline + "\",\"dek\":\"A dek.\",\"markdown\":\"Some **reporting**.\","
				+ "\"sectionId\":" + basics.sectionId() + ",\"authorIds\":[" + basics.authorId() + "],\"tagIds\":[" + basics.tagId() + "]}";
	}

	private HttpResponse<String> transition(String token, long id, String body) throws Exception {
		return send(token, "POST", "/api/admin/articles/" + id + "/transitions", body);
	}

	private HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
