package org.masthead.content.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.masthead.content.Image;
import org.masthead.content.MediaLibrary;
import org.masthead.content.MediaLibrary.MediaRejectedException;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads are checked by content and limits; scaled copies are made and served. */
@MastheadIntegrationTest
class MediaLibraryIntegrationTests {

	@Autowired
	MediaLibrary media;

	@LocalServerPort
	int port;

	@Test
	void storesAPictureWithScaledCopiesAndServesThem() throws Exception {
		Image image = media.store(TestContent.picture(2000, 1000, "png"), "An orange disc", "A caption", "Credit");
		assertThat(image.width()).isEqualTo(2000);
		assertThat(image.variants()).extracting(Image.Variant::width).containsExactly(480, 960, 1600);
		assertThat(image.variants().get(0).height()).isEqualTo(240);
		assertThat(image.alt()).isEqualTo("An orange disc");

		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + image.variants().get(0).url())).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
		BufferedImage served = ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
		assertThat(served.getWidth()).isEqualTo(480);
	}

	@Test
	void smallPicturesAreNeverScaledUp() {
		Image image = media.store(TestContent.picture(600, 400, "jpg"), "alt", null, null);
		assertThat(image.variants()).extracting(Image.Variant::width).containsExactly(480);
	}

	@Test
	void refusesFilesThatAreNotPictures() {
		for (byte[] bytes : new byte[][] { "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
				"GIF89a not really".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1 },
				"%PDF-1.7".getBytes(StandardCharsets.UTF_8) }) {
			assertThatThrownBy(() -> media.store(bytes, "alt", null, null))
				.isInstanceOfSatisfying(MediaRejectedException.class,
						ex -> assertThat(ex.code()).isIn("media.not-an-image", "media.unsupported-format"));
		}
		assertThatThrownBy(() -> media.store(new byte[0], "alt", null, null))
			.isInstanceOfSatisfying(MediaRejectedException.class, ex -> assertThat(ex.code()).isEqualTo("media.empty"));
	}

	@Test
	void refusesGifsEvenThoughTheyArePictures() throws Exception {
		ByteArrayOutputStream gif = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "gif", gif);
		assertThatThrownBy(() -> media.store(gif.toByteArray(), "alt", null, null))
			.isInstanceOfSatisfying(MediaRejectedException.class,
					ex -> assertThat(ex.code()).isEqualTo("media.unsupported-format"));
	}

	@Test
	void refusesFilesOver20Megabytes() {
		byte[] big = new byte[(int) MediaLibrary.MAX_BYTES + 1];
		byte[] png = TestContent.picture(10, 10, "png");
		System.arraycopy(png, 0, big, 0, png.length);
		assertThatThrownBy(() -> media.store(big, "alt", null, null))
			.isInstanceOfSatisfying(MediaRejectedException.class, ex -> assertThat(ex.code()).isEqualTo("media.too-large"));
	}

	@Test
	void refusesPicturesOver40MegapixelsWithoutDecodingThem() {
		// A PNG whose header claims 100,000 x 100,000 pixels: tiny on disk, 40 GB if decoded.
		byte[] huge = TestContent.pngHeaderOnly(100_000, 100_000);
		assertThatThrownBy(() -> media.store(huge, "alt", null, null))
			.isInstanceOfSatisfying(MediaRejectedException.class,
					ex -> assertThat(ex.code()).isEqualTo("media.too-many-pixels"));
	}

}
