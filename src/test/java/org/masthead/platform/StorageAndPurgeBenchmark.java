package org.masthead.platform;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.masthead.content.Newsroom;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.S3TestServer;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

/**
 * Figures for issue 7's storage and CDN parts, with the production settings (db-scheduler polling
 * every 5 s, purges batched every 2 s): from an article's publication until the CDN's purge endpoint
 * (a WireMock stub) receives its keys; and reading media from S3 (S3Proxy on loopback, in this JVM)
 * against the local data directory as baseline: a whole 200 KB picture, and a 64 KB range of a 5 MB
 * narration (an audio player seeking). Not a test: its name keeps it out of the build;
 * bench/storage-cdn.sh runs it. Prints lines starting with "BENCH".
 */
@MastheadIntegrationTest
class StorageAndPurgeBenchmark {

	static final WireMockServer cdn = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		cdn.start();
		cdn.stubFor(post("/purge").willReturn(aResponse().withStatus(200)));
	}

	@DynamicPropertySource
	static void purgeHook(DynamicPropertyRegistry registry) {
		registry.add("masthead.cdn.purge-url", () -> cdn.baseUrl() + "/purge");
	}

	@AfterAll
	static void stopCdn() {
		cdn.stop();
	}

	@Autowired
	Newsroom newsroom;

	@Test
	void publicationToPurge() {
		int trials = Integer.getInteger("bench.trials", 30);
		Basics basics = Basics.create(newsroom);
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < trials; i++) {
			long id = newsroom.createDraft(basics.draft(TestContent.unique("bench-purge"), "Purge trial " + i, "<p>Text.</p>"));
			String key = "\"article:" + id + "\"";
			Instant started = Instant.now();
			newsroom.publish(id, started);
			LoggedRequest purge = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
				.until(() -> cdn.findAll(postRequestedFor(urlEqualTo("/purge"))).stream()
					.filter(r -> r.getBodyAsString().contains(key)).findFirst().orElse(null), r -> r != null);
			millis.add(purge.getLoggedDate().getTime() - started.toEpochMilli());
		}
		Collections.sort(millis);
		System.out.printf("BENCH purge trials=%d p50_ms=%d p95_ms=%d max_ms=%d target_ms=1000 ratio=%.2f%n", trials,
				millis.get(trials / 2), millis.get((int) Math.ceil(trials * 0.95) - 1), millis.get(trials - 1),
				millis.get((int) Math.ceil(trials * 0.95) - 1) / 1000.0);
	}

	@Test
	void s3AgainstLocalReads() throws Exception {
		int rounds = Integer.getInteger("bench.rounds", 300);
		Path dir = Files.createTempDirectory("masthead-bench-media");
		try (S3TestServer server = S3TestServer.start("bench")) {
			MediaStorage local = new LocalMediaStorage(dir);
			S3MediaStorage s3 = new S3MediaStorage(new StorageProperties.S3(server.endpoint(), "bench", "us-east-1",
					S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY, true, "", Duration.ofSeconds(5), Duration.ofSeconds(30)));
			byte[] picture = bytes(200_000);
			byte[] audio = bytes(5_000_000);
			for (MediaStorage storage : List.of(local, s3)) {
				storage.put("images/ab/picture.jpg", picture);
				storage.put("audio/narration.mp3", audio);
			}
			double localWhole = micros(() -> read(local, "images/ab/picture.jpg", -1), rounds);
			double s3Whole = micros(() -> read(s3, "images/ab/picture.jpg", -1), rounds);
			double localRange = micros(() -> read(local, "audio/narration.mp3", 2_500_000), rounds);
			double s3Range = micros(() -> read(s3, "audio/narration.mp3", 2_500_000), rounds);
			s3.close();
			System.out.printf("BENCH media_whole_200kb local_us=%.0f s3_us=%.0f ratio=%.2f%n", localWhole, s3Whole, s3Whole / localWhole);
			System.out.printf("BENCH media_range_64kb_of_5mb local_us=%.0f s3_us=%.0f ratio=%.2f%n", localRange, s3Range,
					s3Range / localRange);
		}
	}

	interface Read {

		void run() throws Exception;

	}

	/** Mean microseconds per read, after as many reads to warm up. */
	private static double micros(Read read, int rounds) throws Exception {
		for (int i = 0; i < rounds; i++) {
			read.run();
		}
		long started = System.nanoTime();
		for (int i = 0; i < rounds; i++) {
			read.run();
		}
		return (System.nanoTime() - started) / 1000.0 / rounds;
	}

	private static void read(MediaStorage storage, String key, long offset) throws Exception {
		MediaStorage.StoredMedia media = offset < 0 ? storage.get(key).orElseThrow()
				: storage.get(key, offset, 65_536).orElseThrow();
		try (InputStream in = media.content()) {
			if (in.readAllBytes().length != media.length()) {
				throw new IllegalStateException("short read of " + key);
			}
		}
	}

	private static byte[] bytes(int n) {
		byte[] b = new byte[n];
		new Random(n).nextBytes(b);
		return b;
	}

}
