package org.masthead.platform;

import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaticAssetsTests {

	@Test
	void theAddressCarriesTheFirstBytesOfTheFilesSha256() throws Exception {
		byte[] css = new ClassPathResource("static/assets/site.css").getContentAsByteArray();
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(css), 0, 6);
		assertThat(StaticAssets.versioned("site.css")).isEqualTo("/assets/site.css?v=" + expected);
		assertThat(StaticAssets.versioned("news-feed.js")).matches("/assets/news-feed\\.js\\?v=[0-9a-f]{12}")
			.isNotEqualTo(StaticAssets.versioned("newsletter-signup.js"));
	}

	@Test
	void aMissingFileIsAnErrorAtStartNotABrokenLink() {
		assertThatThrownBy(() -> StaticAssets.versioned("no-such-file.js")).isInstanceOf(UncheckedIOException.class);
	}

}
