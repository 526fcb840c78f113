package org.masthead.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import org.jclouds.blobstore.domain.Blob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.masthead.testing.S3TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * S3 media storage against a real S3-compatible server started here, and the same reads on local
 * storage, so both answer alike: whole objects, byte ranges, sizes, unknown keys, outages.
 */
class S3MediaStorageTests {

	static final String BUCKET = "masthead-media";

	static S3TestServer server;

	static S3MediaStorage s3;

	@TempDir
	Path dir;

	@BeforeAll
	static void startServer() throws Exception {
		server = S3TestServer.start(BUCKET);
		s3 = new S3MediaStorage(settings(server.endpoint(), BUCKET, S3TestServer.SECRET_KEY, "site-a"));
	}

	@AfterAll
	static void stopServer() throws Exception {
		s3.close();
		server.close();
	}

	static StorageProperties.S3 settings(URI endpoint, String bucket, String secret, String prefix) {
		return new StorageProperties.S3(endpoint, bucket, "us-east-1", S3TestServer.ACCESS_KEY, secret, true, prefix,
				Duration.ofSeconds(2), Duration.ofSeconds(5));
	}

	MediaStorage storage(String kind) {
		return kind.equals("s3") ? s3 : new LocalMediaStorage(dir);
	}

	static byte[] bytes(int n) {
		byte[] b = new byte[n];
		new Random(n).nextBytes(b);
		return b;
	}

	static byte[] read(Optional<MediaStorage.StoredMedia> media) throws IOException {
		assertThat(media).isPresent();
		try (InputStream in = media.get().content()) {
			byte[] all = in.readAllBytes();
			assertThat(all).hasSize((int) media.get().length());
			return all;
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "s3", "local" })
	void storedBytesComeBackWholeAndInRanges(String kind) throws IOException {
		MediaStorage storage = storage(kind);
		byte[] audio = bytes(300_001);
		String key = "audio/narrations/" + kind + "-range.mp3";
		storage.put(key, audio);

		assertThat(read(storage.get(key))).isEqualTo(audio);
		assertThat(storage.length(key)).hasValue(300_001);
		assertThat(read(storage.get(key, 1000, 5000))).isEqualTo(java.util.Arrays.copyOfRange(audio, 1000, 6000));
		// a range running past the end is cut at the end; one starting past it is empty
		assertThat(read(storage.get(key, 300_000, 10))).containsExactly(audio[300_000]);
		assertThat(read(storage.get(key, 400_000, 10))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "s3", "local" })
	void aPutReplacesWhatWasThere(String kind) throws IOException {
		MediaStorage storage = storage(kind);
		String key = "images/ab/" + kind + "-replace.jpg";
		storage.put(key, "first".getBytes(StandardCharsets.UTF_8));
		storage.put(key, "second".getBytes(StandardCharsets.UTF_8));
		assertThat(new String(read(storage.get(key)), StandardCharsets.UTF_8)).isEqualTo("second");
	}

	@ParameterizedTest
	@ValueSource(strings = { "s3", "local" })
	void unknownAndMalformedKeysAreNotFound(String kind) throws IOException {
		MediaStorage storage = storage(kind);
		assertThat(storage.get("images/zz/nothing-here.jpg")).isEmpty();
		assertThat(storage.get("images/zz/nothing-here.jpg", 0, 10)).isEmpty();
		assertThat(storage.length("images/zz/nothing-here.jpg")).isEmpty();
		assertThat(storage.get("../etc/passwd")).isEmpty();
		assertThat(storage.length("/etc/passwd")).isEmpty();
		assertThatThrownBy(() -> storage.put("images/../../x.jpg", new byte[1])).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void objectsLiveUnderThePrefixWithTheirContentType() throws IOException {
		s3.put("images/cd/prefixed.png", bytes(10));
		Blob blob = server.blobStore().getBlob(BUCKET, "site-a/images/cd/prefixed.png");
		assertThat(blob).isNotNull();
		assertThat(blob.getMetadata().getContentMetadata().getContentType()).isEqualTo("image/png");
		assertThat(server.blobStore().blobExists(BUCKET, "images/cd/prefixed.png")).isFalse();
	}

	@Test
	void aStoreThatCannotBeReachedSaysSoInsteadOfNotFound() throws Exception {
		URI nowhere;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			nowhere = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		try (S3MediaStorage down = new S3MediaStorage(settings(nowhere, BUCKET, S3TestServer.SECRET_KEY, ""))) {
			assertThatThrownBy(() -> down.put("images/ef/down.jpg", bytes(10)))
				.isInstanceOf(MediaStorageUnavailableException.class)
				.hasMessageContaining("could not store images/ef/down.jpg")
				.hasMessageContaining(nowhere.toString());
			assertThatThrownBy(() -> down.get("images/ef/down.jpg")).isInstanceOf(MediaStorageUnavailableException.class);
			assertThatThrownBy(() -> down.length("images/ef/down.jpg")).isInstanceOf(MediaStorageUnavailableException.class);
		}
	}

	@Test
	void rejectedCredentialsAndAMissingBucketAreOutagesNotMissingFiles() throws Exception {
		try (S3MediaStorage wrongSecret = new S3MediaStorage(settings(server.endpoint(), BUCKET, "wrong", ""));
				S3MediaStorage noBucket = new S3MediaStorage(settings(server.endpoint(), "no-such-bucket", S3TestServer.SECRET_KEY, ""))) {
			assertThatThrownBy(() -> wrongSecret.put("images/ef/secret.jpg", bytes(10)))
				.isInstanceOf(MediaStorageUnavailableException.class).hasMessageContaining("HTTP 403");
			assertThatThrownBy(() -> noBucket.get("images/ef/bucket.jpg"))
				.isInstanceOf(MediaStorageUnavailableException.class).hasMessageContaining("NoSuchBucket");
			assertThatThrownBy(() -> noBucket.length("images/ef/bucket.jpg"))
				.isInstanceOf(MediaStorageUnavailableException.class);
		}
	}

	@Test
	void aBucketIsRequired() {
		assertThatThrownBy(() -> new S3MediaStorage(settings(server.endpoint(), " ", "x", "")))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("masthead.storage.s3.bucket");
	}

}
