package org.masthead.site.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The publisher logo: a 600 x 60 PNG with the site's name, drawn at the first request and then kept. */
class LogoControllerTests {

	@Test
	void theFirstRequestGetsThePublisherLogoAndLaterOnesTheSameBytes() throws IOException {
		LogoController logos = new LogoController("The Vesna Ledger");
		ResponseEntity<byte[]> first = logos.logo();
		assertThat(first.getStatusCode().value()).isEqualTo(200);
		assertThat(first.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.getBody()));
		assertThat(image.getWidth()).isEqualTo(600);
		assertThat(image.getHeight()).isEqualTo(60);
		assertThat(hasInk(image)).as("the name is drawn").isTrue();
		assertThat(logos.logo().getBody()).isSameAs(first.getBody());
	}

	private static boolean hasInk(BufferedImage image) {
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) >>> 24) != 0) {
					return true;
				}
			}
		}
		return false;
	}

}
