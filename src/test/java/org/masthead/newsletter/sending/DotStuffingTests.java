package org.masthead.newsletter.sending;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

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

	@Test
	void anyMixOfDotsAndLineBreaksIsStuffedOrRefusedAsLineByLine() throws IOException {
		// Lines of every length up to 40 bytes put CRs, LFs and dots at every place in and across the
		// eight-byte words the check reads; the answer must be that of a plain walk over the lines.
		Random random = new Random(20261206);
		byte[] alphabet = { '.', '\r', '\n', 'a', '\r', '\n' };
		for (int round = 0; round < 20_000; round++) {
			byte[] bytes = new byte[random.nextInt(41)];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = alphabet[random.nextInt(alphabet.length)];
			}
			if (bytes.length >= 2 && random.nextBoolean()) {
				bytes[bytes.length - 2] = '\r';
				bytes[bytes.length - 1] = '\n';
			}
			String expected = lineByLine(bytes);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			boolean written = DotStuffing.write(bytes, bytes.length, out);
			String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "<CR>").replace("\n", "<LF>");
			assertThat(written).as(text).isEqualTo(expected != null);
			assertThat(written ? out.toString(StandardCharsets.ISO_8859_1) : null).as(text).isEqualTo(expected);
			if (!written) {
				assertThat(out.size()).as(text).isZero();
			}
		}
	}

	/** The stuffed text, line by line, or null when a line does not end in CRLF or a CR or LF stands alone. */
	private static String lineByLine(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		if (!text.endsWith("\r\n")) {
			return null;
		}
		StringBuilder stuffed = new StringBuilder();
		for (String line : text.substring(0, text.length() - 2).split("\r\n", -1)) {
			if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
				return null;
			}
			stuffed.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
		}
		return stuffed.toString();
	}

}
