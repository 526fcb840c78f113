package org.masthead.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DemoArtworkTests {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	@ParameterizedTest
	@MethodSource("motifs")
	void everyMotifProducesAJpegOfTheRequestedSize(String motif) throws IOException {
		BufferedImage image = decode(DemoArtwork.hero(motif, 42, 480, 270));

		assertThat(image.getWidth()).isEqualTo(480);
		assertThat(image.getHeight()).isEqualTo(270);
	}

	@Test
	void largeAndNon16by9SizesWork() throws IOException {
		assertThat(decode(DemoArtwork.hero("harbor", 1, 1600, 900)).getWidth()).isEqualTo(1600);
		BufferedImage square = decode(DemoArtwork.hero("tram", 1, 300, 300));
		assertThat(square.getWidth()).isEqualTo(300);
		assertThat(square.getHeight()).isEqualTo(300);
	}

	@Test
	void unknownMotifFallsBackToASkyline() throws IOException {
		assertThat(sameBytes(DemoArtwork.hero("no-such-motif", 7, 320, 180),
				DemoArtwork.hero("skyline", 7, 320, 180))).isTrue();
		assertThat(decode(DemoArtwork.hero(null, 7, 320, 180)).getWidth()).isEqualTo(320);
	}

	@Test
	void sameSeedGivesSameBytes() {
		assertThat(sameBytes(DemoArtwork.hero("market", 1234, 400, 225),
				DemoArtwork.hero("market", 1234, 400, 225))).isTrue();
		assertThat(sameBytes(DemoArtwork.portrait("Olena Marchuk", 14, 160),
				DemoArtwork.portrait("Olena Marchuk", 14, 160))).isTrue();
	}

	@Test
	void differentSeedsGiveDifferentBytes() {
		assertThat(sameBytes(DemoArtwork.hero("market", 1, 400, 225),
				DemoArtwork.hero("market", 2, 400, 225))).isFalse();
	}

	@Test
	void portraitIsASquareJpeg() throws IOException {
		byte[] jpeg = DemoArtwork.portrait("Nadia Orlen", 96, 256);

		assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
		BufferedImage image = decode(jpeg);
		assertThat(image.getWidth()).isEqualTo(256);
		assertThat(image.getHeight()).isEqualTo(256);
		assertThat(sameBytes(DemoArtwork.portrait("Marek Lindqvist", 96, 256), jpeg)).isFalse();
	}

	static List<String> motifs() {
		return DemoArtwork.MOTIFS;
	}

	private static boolean sameBytes(byte[] a, byte[] b) {
		return Arrays.equals(a, b);
	}

	private static BufferedImage decode(byte[] jpeg) throws IOException {
		assertThat(jpeg).isNotEmpty();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
		assertThat(image).as("decodable JPEG").isNotNull();
		return image;
	}
}
