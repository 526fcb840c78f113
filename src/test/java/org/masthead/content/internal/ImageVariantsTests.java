package org.masthead.content.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.content.MediaLibrary.MediaRejectedException;
import org.masthead.testing.TestContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A picture's variants are made from a subsampled decode, so a 40-megapixel upload never puts its
 * full-size pixels on the heap: 120 MB for this JPEG, 160 MB as an RGBA PNG.
 */
class ImageVariantsTests {

	/** Just under 40 megapixels, 4:3. */
	private static final int WIDTH = 7300;

	private static final int HEIGHT = 5475;

	private static byte[] fortyMegapixelJpeg;

	private static synchronized byte[] fortyMegapixelJpeg() {
		if (fortyMegapixelJpeg == null) {
			fortyMegapixelJpeg = TestContent.picture(WIDTH, HEIGHT, "jpg");
		}
		return fortyMegapixelJpeg;
	}

	@Test
	void aFortyMegapixelJpegIsDecodedWithinTheBudget() throws IOException {
		ImageVariants.Picture picture = ImageVariants.make(fortyMegapixelJpeg(), ImageMediaLibrary.VARIANT_WIDTHS);

		assertThat(picture.format()).isEqualTo("jpeg");
		assertThat(picture.width()).isEqualTo(WIDTH);
		assertThat(picture.height()).isEqualTo(HEIGHT);
		assertThat(picture.decodedBytes()).isPositive().isLessThanOrEqualTo(ImageVariants.DECODE_BUDGET);
		assertThat(picture.variants()).extracting(ImageVariants.Variant::width).containsExactly(1600, 960, 480);
		assertThat(picture.variants()).extracting(ImageVariants.Variant::height).containsExactly(1200, 720, 360);
		BufferedImage largest = ImageIO.read(new ByteArrayInputStream(picture.variants().get(0).jpeg()));
		assertThat(largest.getWidth()).isEqualTo(1600);
		assertThat(largest.getHeight()).isEqualTo(1200);
		// The picture survives the scaling: an orange disc in the middle of a blue field.
		assertThat(orange(largest.getRGB(800, 600))).isTrue();
		assertThat(orange(largest.getRGB(40, 40))).isFalse();
	}

	@Test
	void aFortyMegapixelPngWithTransparencyIsDecodedWithinTheBudget() throws IOException {
		BufferedImage rgba = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
		java.awt.Graphics2D g = rgba.createGraphics();
		g.setColor(new java.awt.Color(30, 90, 140, 200));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(rgba, "png", out);
		byte[] png = out.toByteArray();
		rgba = null;

		ImageVariants.Picture picture = ImageVariants.make(png, ImageMediaLibrary.VARIANT_WIDTHS);

		assertThat(picture.format()).isEqualTo("png");
		assertThat(picture.decodedBytes()).isPositive().isLessThanOrEqualTo(ImageVariants.DECODE_BUDGET);
		assertThat(picture.variants()).extracting(ImageVariants.Variant::width).containsExactly(1600, 960, 480);
	}

	@Test
	void smallPicturesAreDecodedWholeAndNeverScaledUp() {
		ImageVariants.Picture picture = ImageVariants.make(TestContent.picture(1000, 500, "png"), ImageMediaLibrary.VARIANT_WIDTHS);

		assertThat(picture.decodedBytes()).isEqualTo(1000L * 500 * 3);
		assertThat(picture.variants()).extracting(ImageVariants.Variant::width).containsExactly(960, 480);
		assertThat(picture.variants()).extracting(ImageVariants.Variant::height).containsExactly(480, 240);
	}

	@Test
	void theSubsamplingStepKeepsTwiceTheWidestVariantAndTheBudget() {
		// Twice as wide as the widest variant: 7300 / 3200 = 2, but 3650 x 2738 x 3 bytes is over 24 MB.
		assertThat(ImageVariants.subsampling(7300, 5475, 3, 1600)).isEqualTo(3);
		// Within the budget: the step only drops what the scaling would drop anyway.
		assertThat(ImageVariants.subsampling(6400, 1000, 3, 1600)).isEqualTo(2);
		assertThat(ImageVariants.subsampling(3000, 2000, 3, 1600)).isEqualTo(1);
		// A long strip: the budget decides.
		assertThat(ImageVariants.subsampling(2000, 20000, 4, 1600)).isEqualTo(3);
		assertThat(ImageVariants.subsampling(479, 300, 4, 0)).isEqualTo(1);
	}

	@Test
	void theSizeLimitsAndFormatsStillHold() {
		assertThatThrownBy(() -> ImageVariants.make(TestContent.pngHeaderOnly(100_000, 100_000), ImageMediaLibrary.VARIANT_WIDTHS))
			.isInstanceOfSatisfying(MediaRejectedException.class, ex -> assertThat(ex.code()).isEqualTo("media.too-many-pixels"));
		assertThatThrownBy(() -> ImageVariants.make("not a picture".getBytes(), ImageMediaLibrary.VARIANT_WIDTHS))
			.isInstanceOfSatisfying(MediaRejectedException.class, ex -> assertThat(ex.code()).isEqualTo("media.not-an-image"));
		byte[] truncated = java.util.Arrays.copyOf(TestContent.picture(2000, 1000, "png"), 200);
		assertThatThrownBy(() -> ImageVariants.make(truncated, ImageMediaLibrary.VARIANT_WIDTHS))
			.isInstanceOfSatisfying(MediaRejectedException.class, ex -> assertThat(ex.code()).isEqualTo("media.not-an-image"));
	}

	@Test
	void aWebPPictureIsReadAndScaled() {
		byte[] webp = resource("orange-disc-1000x600.webp");
		assertThat(ImageVariants.isLosslessWebP(webp)).isFalse();

		ImageVariants.Picture picture = ImageVariants.make(webp, ImageMediaLibrary.VARIANT_WIDTHS);

		assertThat(picture.format()).isEqualTo("webp");
		assertThat(picture.variants()).extracting(ImageVariants.Variant::width).containsExactly(960, 480);
		assertThat(orange(read(picture.variants().get(0).jpeg()).getRGB(480, 288))).isTrue();
	}

	@Test
	void aLargeLossyWebPIsRefusedBeforeItsDecoderCanTakeTheHeap() {
		// 2,000 x 1,500 lossy: about 90 MB of heap in the WebP decoder, whatever the subsampling.
		assertThatThrownBy(() -> ImageVariants.make(resource("orange-disc-2000x1500.webp"), ImageMediaLibrary.VARIANT_WIDTHS))
			.isInstanceOfSatisfying(MediaRejectedException.class, ex -> {
				assertThat(ex.code()).isEqualTo("media.webp-too-many-pixels");
				assertThat(ex.getMessage()).contains("1.7 megapixels", "2000 x 1500", "JPEG or PNG");
			});
		// Lossless takes 6 bytes a pixel: the same size is read, twice that is refused.
		byte[] lossless = resource("orange-disc-2000x1500-lossless.webp");
		assertThat(ImageVariants.isLosslessWebP(lossless)).isTrue();
		assertThat(ImageVariants.make(lossless, ImageMediaLibrary.VARIANT_WIDTHS).variants())
			.extracting(ImageVariants.Variant::width).containsExactly(1600, 960, 480);
		assertThatThrownBy(() -> ImageVariants.make(resource("orange-disc-4000x3000-lossless.webp"), ImageMediaLibrary.VARIANT_WIDTHS))
			.isInstanceOfSatisfying(MediaRejectedException.class, ex -> {
				assertThat(ex.code()).isEqualTo("media.webp-too-many-pixels");
				assertThat(ex.getMessage()).contains("8.4 megapixels", "4000 x 3000");
			});
	}

	private static byte[] resource(String name) {
		try (var in = ImageVariantsTests.class.getResourceAsStream("/media/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static BufferedImage read(byte[] jpeg) {
		try {
			return ImageIO.read(new ByteArrayInputStream(jpeg));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The proof on a real small heap: a JVM of 64 MB, where the whole 40-megapixel picture (120 MB
	 * decoded) cannot even be allocated, makes the variants.
	 */
	@Test
	void aFortyMegapixelUploadSucceedsInA64MegabyteHeap(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("forty-megapixels.jpg");
		Files.write(file, fortyMegapixelJpeg());
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx64m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
				ImageVariantsInASmallHeap.class.getName(), file.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output;
		try {
			output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("variants 1600x1200 960x720 480x360");
	}

	private static boolean orange(int rgb) {
		int r = (rgb >> 16) & 0xFF;
		int g = (rgb >> 8) & 0xFF;
		int b = rgb & 0xFF;
		return r > 200 && g > 150 && b < 80;
	}

}
