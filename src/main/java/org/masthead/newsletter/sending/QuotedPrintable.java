package org.masthead.newsletter.sending;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable (RFC 2045 6.7) for pieces of a message body that are encoded on their own and
 * then put side by side: every piece ends at the start of a line, with a soft line break ("=" CRLF)
 * after its last characters unless it ended with a line break of its own. A piece's encoded lines
 * therefore never depend on what comes before or after it, so an issue's static text can be encoded
 * once and only the subscriber's links for each message. Lines are at most 76 characters.
 */
final class QuotedPrintable {

	private static final int MAX_LINE = 76;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	private QuotedPrintable() {
	}

	/** The piece encoded, as bytes ready to stand next to other pieces. */
	static byte[] encode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + text.length() / 8 + 8);
		try {
			encode(text, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex); // not from a byte array
		}
		return out.toByteArray();
	}

	/** Writes the piece encoded; line breaks in the text (CRLF, LF or CR) become CRLF. */
	static void encode(String text, OutputStream out) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		int column = 0;
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xff;
			if (b == '\r' || b == '\n') {
				if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
					i++;
				}
				out.write('\r');
				out.write('\n');
				column = 0;
				continue;
			}
			boolean beforeBreak = i + 1 < bytes.length && (bytes[i + 1] == '\r' || bytes[i + 1] == '\n');
			boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !beforeBreak);
			int width = literal ? 1 : 3;
			if (column + width > MAX_LINE - 1) {
				softBreak(out);
				column = 0;
			}
			if (literal) {
				out.write(b);
			}
			else {
				out.write('=');
				out.write(HEX[b >> 4]);
				out.write(HEX[b & 0xf]);
			}
			column += width;
		}
		if (column > 0) {
			softBreak(out);
		}
	}

	private static void softBreak(OutputStream out) throws IOException {
		out.write('=');
		out.write('\r');
		out.write('\n');
	}

}
