package org.masthead.site.cache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleDraft;
import org.masthead.content.Newsroom;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous reader pages come from the cache, with validators; a change drops exactly what it affects. */
@MastheadIntegrationTest
class PageCacheIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Newsroom newsroom;

	@Autowired
	PageCache cache;

	@Test
	void servesCachedPagesWithStrongEtagsGzipAndCdnHeaders() throws Exception {
		Basics basics = Basics.create(newsroom);
		String slug = publish(basics, "Tram depot to get solar roof");

		HttpResponse<byte[]> first = get("/" + slug + "/", "Accept-Encoding", "gzip");
		long hits = cache.hits();
		HttpResponse<byte[]> second = get("/" + slug + "/", "Accept-Encoding", "gzip");
		assertThat(cache.hits()).isEqualTo(hits + 1);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(new String(new GZIPInputStream(new java.io.ByteArrayInputStream(second.body())).readAllBytes()))
			.contains("Tram depot to get solar roof");
		String etag = second.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[A-Za-z0-9_-]+-gz\"");
		assertThat(first.headers().firstValue("ETag")).contains(etag);
		assertThat(second.headers().firstValue("Cache-Control").orElseThrow()).contains("s-maxage=", "stale-while-revalidate=");
		assertThat(second.headers().firstValue("Surrogate-Key").orElseThrow()).contains("article:", "latest");
		assertThat(second.headers().firstValue("Vary")).contains("Accept-Encoding");
		assertThat(second.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();

		HttpResponse<byte[]> plain = get("/" + slug + "/");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(plain.body())).contains("Tram depot to get solar roof");
		String plainEtag = plain.headers().firstValue("ETag").orElseThrow();
		assertThat(plainEtag).isNotEqualTo(etag);

		HttpResponse<byte[]> notModified = get("/" + slug + "/", "If-None-Match", plainEtag);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
		assertThat(get("/" + slug + "/", "If-None-Match", "\"other\", " + plainEtag).statusCode()).isEqualTo(304);
		assertThat(get("/" + slug + "/", "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
	}

	@Test
	void staffRequestsBypassTheCacheAndAreNeverStored() throws Exception {
		Basics basics = Basics.create(newsroom);
		String slug = publish(basics, "Night buses return");
		long misses = cache.misses();
		long hits = cache.hits();
		get("/" + slug + "/", "Cookie", "masthead_session=abc123");
		get("/" + slug + "/", "Cookie", "theme=dark; masthead_session=abc123");
		assertThat(cache.hits()).isEqualTo(hits);
		assertThat(cache.misses()).isEqualTo(misses);

		get("/" + slug + "/");
		assertThat(cache.misses()).isEqualTo(misses + 1);
		get("/" + slug + "/");
		assertThat(cache.hits()).isEqualTo(hits + 1);
	}

	@Test
	void publishingDropsExactlyThePagesThatShowedTheArticle() throws Exception {
		Basics one = Basics.create(newsroom);
		Basics other = Basics.create(newsroom);
		String slug = publish(one, "Library extends opening hours");
		publish(other, "Fish market moves indoors");
		String tagPage = "/tag/" + one.tagSlug() + "/";
		String otherTagPage = "/tag/" + other.tagSlug() + "/";
		String otherAuthorPage = "/author/" + other.authorSlug() + "/";
		for (String path : List.of("/" + slug + "/", tagPage, otherTagPage, otherAuthorPage, "/")) {
			get(path);
		}

		long id = idOf(slug);
		newsroom.saveDraft(id, one.draft(slug, "Library extends opening hours to midnight", "<p>Updated.</p>"));
		assertThat(body("/" + slug + "/")).contains("Library extends opening hours<").doesNotContain("to midnight");
		newsroom.publish(id, Instant.now());

		assertThat(body("/" + slug + "/")).contains("to midnight");
		assertThat(body(tagPage)).contains("to midnight");
		assertThat(body("/")).contains("to midnight");

		long hits = cache.hits();
		get(otherTagPage);
		get(otherAuthorPage);
		assertThat(cache.hits()).as("pages that never showed the article stay cached").isEqualTo(hits + 2);
	}

	@Test
	void pagesThatAreNotFoundAreNotCached() throws Exception {
		long size = cache.size();
		assertThat(get("/not-a-story-" + System.nanoTime() + "/").statusCode()).isEqualTo(404);
		assertThat(cache.size()).isEqualTo(size);
	}

	private long idOf(String slug) {
		return ids.get(slug);
	}

	private final java.util.Map<String, Long> ids = new java.util.concurrent.ConcurrentHashMap<>();

	private String publish(Basics basics, String headline) {
		String slug = TestContent.unique("story");
		ArticleDraft draft = basics.draft(slug, headline, "<p>Some reporting.</p>");
		long id = newsroom.createDraft(draft);
		newsroom.publish(id, Instant.now());
		ids.put(slug, id);
		return slug;
	}

	private String body(String path) throws Exception {
		return new String(get(path).body());
	}

	private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
