package org.masthead.newsletter.sending;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A message body as SMTP's DATA carries it (RFC 5321 4.5.2): a line that starts with "." gets a
 * second one, so that only the final "." line ends the message. For bytes whose every line already
 * ends in CRLF (a prepared issue's): one pass to check and find the dots, then a few large writes.
 */
final class DotStuffing {

	private DotStuffing() {
	}

	/**
	 * Writes the first {@code length} bytes dot-stuffed. Returns false, having written nothing, when
	 * they are not CRLF lines ending in CRLF (a bare CR or LF, or no line break at the end).
	 */
	static boolean write(byte[] bytes, int length, OutputStream out) throws IOException {
		if (length < 2 || bytes[length - 2] != '\r' || bytes[length - 1] != '\n') {
			return false;
		}
		int dots = 0;
		boolean lineStart = true;
		for (int i = 0; i < length; i++) {
			byte b = bytes[i];
			if (b == '\r') {
				if (i + 1 >= length || bytes[i + 1] != '\n') {
					return false;
				}
				i++;
				lineStart = true;
				continue;
			}
			if (b == '\n') {
				return false;
			}
			if (lineStart && b == '.') {
				dots++;
			}
			lineStart = false;
		}
		if (dots == 0) {
			out.write(bytes, 0, length);
			return true;
		}
		int from = 0;
		lineStart = true;
		for (int i = 0; i < length; i++) {
			byte b = bytes[i];
			if (lineStart && b == '.') {
				out.write(bytes, from, i - from);
				out.write('.');
				from = i;
			}
			lineStart = b == '\n';
		}
		out.write(bytes, from, length - from);
		return true;
	}

}
