package org.masthead.newsletter.sending;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DotStuffingTests {

	@Test
	void linesStartingWithADotGetASecondOne() throws IOException {
		assertThat(stuffed(".first\r\nmiddle . dot\r\n.\r\n..two\r\nend.\r\n"))
			.isEqualTo("..first\r\nmiddle . dot\r\n..\r\n...two\r\nend.\r\n");
	}

	@Test
	void bytesWithoutDotsAtLineStartsGoOutUnchanged() throws IOException {
		assertThat(stuffed("Subject: x\r\n\r\nbody=\r\n")).isEqualTo("Subject: x\r\n\r\nbody=\r\n");
	}

	@Test
	void bareLineBreaksOrAMissingLastBreakAreLeftToTheLibrarysStream() throws IOException {
		for (String text : new String[] { "a\nb\r\n", "a\rb\r\n", "a\r\nb", "a\r\nb\r", "" }) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
			assertThat(DotStuffing.write(bytes, bytes.length, out)).as(text).isFalse();
			assertThat(out.size()).isZero();
		}
	}

	@Test
	void onlyTheGivenLengthIsWritten() throws IOException {
		byte[] bytes = ".a\r\nrest that is not part of it".getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(DotStuffing.write(bytes, 4, out)).isTrue();
		assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("..a\r\n");
	}

	private static String stuffed(String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(DotStuffing.write(bytes, bytes.length, out)).isTrue();
		return out.toString(StandardCharsets.US_ASCII);
	}

}
