package org.masthead.site.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.masthead.content.Newsroom;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CDN purge hook against a stub CDN (WireMock): publishing an article POSTs exactly the keys of
 * the pages that showed it (the same keys as their {@code Surrogate-Key} headers), a CDN that fails
 * is tried again, and the publishing request never waits for it.
 */
@MastheadIntegrationTest
class CdnPurgeIntegrationTests {

	static final WireMockServer cdn = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		cdn.start();
	}

	@DynamicPropertySource
	static void purgeHook(DynamicPropertyRegistry registry) {
		registry.add("masthead.cdn.purge-url", () -> cdn.baseUrl() + "/purge");
		registry.add("masthead.cdn.purge-token", () -> "cdn-secret");
		registry.add("masthead.cdn.batch-delay", () -> "300ms");
		registry.add("masthead.cdn.retry-backoff", () -> "200ms");
		registry.add("masthead.cdn.max-attempts", () -> "3");
	}

	@AfterAll
	static void stopCdn() {
		cdn.stop();
	}

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	Newsroom newsroom;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeEach
	void answerOk() {
		cdn.resetAll();
		cdn.stubFor(post("/purge").willReturn(aResponse().withStatus(200)));
	}

	@Test
	void publishingAnArticlePurgesExactlyThePagesThatShowIt() throws Exception {
		Basics basics = Basics.create(newsroom);
		settled();
		String slug = TestContent.unique("cdn-story");
		long id = newsroom.createDraft(basics.draft(slug, "Harbour cranes return", "<p>Two cranes.</p>"));
		settled(); // a draft is on no reader page: nothing to purge
		assertThat(purges()).isEmpty();

		newsroom.publish(id, Instant.now());
		await().atMost(Duration.ofSeconds(20)).until(() -> !purges().isEmpty() && waiting() == 0);

		List<LoggedRequest> purges = purges();
		Set<String> keys = new LinkedHashSet<>();
		Set<String> paths = new LinkedHashSet<>();
		for (LoggedRequest purge : purges) {
			assertThat(purge.getHeader("Authorization")).isEqualTo("Bearer cdn-secret");
			assertThat(purge.getHeader("Content-Type")).startsWith("application/json");
			JsonNode body = json.readTree(purge.getBodyAsString());
			assertThat(body.get("all").asBoolean()).isFalse();
			body.get("keys").forEach(k -> keys.add(k.asString()));
			body.get("paths").forEach(p -> paths.add(p.asString()));
			assertThat(purge.getHeader("Surrogate-Key")).isEqualTo(String.join(" ",
					body.get("keys").valueStream().map(JsonNode::asString).toList()));
		}
		assertThat(keys).containsExactlyInAnyOrder(PageDependencies.article(id), PageDependencies.LATEST,
				PageDependencies.section(basics.sectionId()), PageDependencies.tag(basics.tagId()),
				PageDependencies.author(basics.authorId()));
		assertThat(paths).containsExactly("/" + slug + "/");

		// The pages readers and the CDN get name those keys, and let the CDN keep them a while.
		assertSurrogateKeys("/" + slug + "/", PageDependencies.article(id));
		assertSurrogateKeys("/", PageDependencies.LATEST);
		assertSurrogateKeys("/section/" + basics.sectionSlug() + "/", PageDependencies.section(basics.sectionId()));
		assertSurrogateKeys("/tag/" + basics.tagSlug() + "/", PageDependencies.tag(basics.tagId()));
		assertSurrogateKeys("/author/" + basics.authorSlug() + "/", PageDependencies.author(basics.authorId()));
	}

	@Test
	void aFailingCdnIsTriedAgainAndAPurgeItKeepsRefusingIsDropped() throws Exception {
		Basics basics = Basics.create(newsroom);
		settled();
		cdn.resetAll();
		cdn.stubFor(post("/purge").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
		cdn.stubFor(post("/purge").inScenario("flaky").whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200)));

		String slug = TestContent.unique("cdn-retry");
		long id = newsroom.createDraft(basics.draft(slug, "Ferry timetable changes", "<p>New times.</p>"));
		newsroom.publish(id, Instant.now());
		await().atMost(Duration.ofSeconds(20)).until(() -> purges().size() >= 2 && waiting() == 0);
		List<LoggedRequest> purges = purges();
		assertThat(purges).hasSize(2);
		assertThat(purges.get(1).getBodyAsString()).isEqualTo(purges.get(0).getBodyAsString());
		assertThat(purges.get(1).getBodyAsString()).contains(PageDependencies.article(id));

		// A CDN that never takes it: three tries, then the purge is logged and dropped.
		cdn.resetAll();
		cdn.stubFor(post("/purge").willReturn(aResponse().withStatus(500).withBody("purge service down")));
		long other = newsroom.createDraft(basics.draft(TestContent.unique("cdn-down"), "Bridge closed", "<p>Works.</p>"));
		newsroom.publish(other, Instant.now());
		await().atMost(Duration.ofSeconds(20)).until(() -> purges().size() >= 3 && waiting() == 0);
		assertThat(purges()).hasSize(3);
	}

	@Test
	void theNewsroomNeverWaitsForTheCdn() throws Exception {
		Basics basics = Basics.create(newsroom);
		settled();
		cdn.resetAll();
		cdn.stubFor(post("/purge").willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
		long id = newsroom.createDraft(basics.draft(TestContent.unique("cdn-slow"), "Slow CDN day", "<p>Text.</p>"));
		long started = System.nanoTime();
		newsroom.publish(id, Instant.now());
		long publishMillis = (System.nanoTime() - started) / 1_000_000;
		// the publication returned although the CDN has not answered the purge (it takes 5 s)
		assertThat(publishMillis).isLessThan(4000);
		await().atMost(Duration.ofSeconds(20)).until(() -> !purges().isEmpty());
	}

	private void assertSurrogateKeys(String path, String key) throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		assertThat(Arrays.asList(page.headers().firstValue("Surrogate-Key").orElse("").split(" "))).as(path).contains(key);
		assertThat(page.headers().firstValue("Cache-Control").orElse("")).as(path)
			.contains("s-maxage=60", "stale-while-revalidate=300");
	}

	/** Waits until no purge is waiting and the CDN has nothing in flight, then forgets what it saw. */
	private void settled() {
		await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == 0);
		cdn.resetRequests();
	}

	private long waiting() {
		return jdbc.sql("select count(*) from cdn_purge").query(Long.class).single();
	}

	private List<LoggedRequest> purges() {
		return cdn.findAll(postRequestedFor(urlEqualTo("/purge")));
	}

}
