package org.masthead.site.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.masthead.content.Newsroom;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Old and slash-less article addresses answer with a permanent redirect to the current one. */
@MastheadIntegrationTest
class ArticleRedirectIntegrationTests {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	Newsroom newsroom;

	@Test
	void anOldSlugRedirectsPermanentlyToTheCurrentOne() throws Exception {
		Basics basics = Basics.create(newsroom);
		String oldSlug = TestContent.unique("port-strike");
		String newSlug = TestContent.unique("port-strike-ends");
		long id = newsroom.createDraft(basics.draft(oldSlug, "Port strike", "<p>Text.</p>"));
		newsroom.publish(id, Instant.now());
		assertThat(get("/" + oldSlug + "/").statusCode()).isEqualTo(200);

		newsroom.saveDraft(id, basics.draft(newSlug, "Port strike ends", "<p>Text.</p>"));
		newsroom.publish(id, Instant.now());

		HttpResponse<String> moved = get("/" + oldSlug + "/");
		assertThat(moved.statusCode()).isEqualTo(301);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/" + newSlug + "/");
		assertThat(get("/" + newSlug + "/").body()).contains("Port strike ends");
	}

	@Test
	void anAddressWithoutTheTrailingSlashRedirects() throws Exception {
		HttpResponse<String> moved = get("/some-story");
		assertThat(moved.statusCode()).isEqualTo(301);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/some-story/");
	}

	@Test
	void headRequestsGetHeadersWithoutABody() throws Exception {
		get("/");
		HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
			.method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("ETag")).isPresent();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
