package org.masthead.site.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page cache stays within both of its limits: a number of pages and a number of bytes. */
class PageCacheTests {

	@Test
	void largePagesAreBoundedByBytesNotByTheirNumber() {
		PageCache cache = new PageCache(20_000, 1_000_000);
		for (int i = 0; i < 500; i++) {
			cache.put("/article-" + i + "/", page(16_000), cache.generation());
		}
		assertThat(cache.bytes()).isLessThanOrEqualTo(1_000_000);
		assertThat(cache.size()).isBetween(40L, 62L);
	}

	@Test
	void smallPagesAreBoundedByTheirNumber() {
		PageCache cache = new PageCache(100, 100_000_000);
		for (int i = 0; i < 500; i++) {
			cache.put("/tag/t-" + i + "/", page(100), cache.generation());
		}
		cache.bytes();
		assertThat(cache.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void anInvalidatedPageIsGoneAndItsBytesFreed() {
		PageCache cache = new PageCache(100, 1_000_000);
		cache.put("/a/", page(10_000), cache.generation());
		long held = cache.bytes();
		cache.invalidate(List.of("article:1"));
		assertThat(cache.get("/a/")).isNull();
		assertThat(cache.bytes()).isLessThan(held);
	}

	@Test
	void aPageIsKeptCompressedUntilAClientWithoutGzipAsksForIt() throws IOException {
		PageCache cache = new PageCache(100_000, 1_000_000);
		byte[] html = "<!doctype html><title>A page</title><p>Words, words, words.</p>".repeat(300)
			.getBytes(StandardCharsets.UTF_8);
		CachedPage page = new CachedPage(null, gzip(html), "\"e\"", "text/html", List.of(), Set.of("article:1"));
		cache.put("/a/", page, cache.generation());
		long compressed = cache.bytes();
		assertThat(compressed).isLessThan(html.length);

		assertThat(cache.plain("/a/", cache.get("/a/"))).isEqualTo(html);

		assertThat(cache.get("/a/").plain()).isEqualTo(html);
		assertThat(cache.bytes()).isEqualTo(compressed + html.length);
	}

	@Test
	void aPageDroppedWhileItsPlainBytesAreMadeStaysDropped() throws IOException {
		PageCache cache = new PageCache(100, 1_000_000);
		byte[] html = "<p>An old version</p>".getBytes(StandardCharsets.UTF_8);
		CachedPage page = new CachedPage(null, gzip(html), "\"e\"", "text/html", List.of(), Set.of("article:1"));
		cache.put("/a/", page, cache.generation());
		CachedPage seen = cache.get("/a/");
		cache.invalidate(List.of("article:1"));

		assertThat(cache.plain("/a/", seen)).isEqualTo(html);

		assertThat(cache.get("/a/")).isNull();
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(bytes);
		}
		return out.toByteArray();
	}

	private static CachedPage page(int size) {
		return new CachedPage(new byte[size], new byte[size / 4], "\"e\"", "text/html", List.of(),
				Set.of("article:1"));
	}

}
