package org.masthead.newsletter.sending;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A message body as SMTP's DATA carries it (RFC 5321 4.5.2): a line that starts with "." gets a
 * second one, so that only the final "." line ends the message. For bytes whose every line already
 * ends in CRLF (a prepared issue's): one pass to check and find the dots, then a few large writes.
 */
final class DotStuffing {

	private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long CRS = 0x0d0d0d0d0d0d0d0dL;

	private static final long LFS = 0x0a0a0a0a0a0a0a0aL;

	private static final long ONES = 0x0101010101010101L;

	private static final long HIGHS = 0x8080808080808080L;

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
		// Eight bytes at a time: only a word holding a CR or LF is looked at byte by byte (a message's
		// lines are about 76 bytes, so most words hold neither). This check was a fifth of a sending
		// thread's Java time when it went byte by byte.
		int dots = bytes[0] == '.' ? 1 : 0;
		int i = 0;
		for (; i + Long.BYTES <= length; i += Long.BYTES) {
			long word = (long) WORDS.get(bytes, i);
			if (holds(word, CRS) || holds(word, LFS)) {
				int counted = lineBreaks(bytes, i, i + Long.BYTES, length);
				if (counted < 0) {
					return false;
				}
				dots += counted;
			}
		}
		int counted = lineBreaks(bytes, i, length, length);
		if (counted < 0) {
			return false;
		}
		dots += counted;
		if (dots == 0) {
			out.write(bytes, 0, length);
			return true;
		}
		int from = 0;
		boolean lineStart = true;
		for (int at = 0; at < length; at++) {
			byte b = bytes[at];
			if (lineStart && b == '.') {
				out.write(bytes, from, at - from);
				out.write('.');
				from = at;
			}
			lineStart = b == '\n';
		}
		out.write(bytes, from, length - from);
		return true;
	}

	/** Whether one of the word's bytes equals the byte repeated in {@code pattern} (exact: no false hits). */
	private static boolean holds(long word, long pattern) {
		long x = word ^ pattern;
		return ((x - ONES) & ~x & HIGHS) != 0;
	}

	/**
	 * Checks the CRs and LFs among {@code bytes[from, to)}: each CR followed by an LF, each LF preceded
	 * by a CR. Returns how many of those LFs are followed by a "." (lines to stuff), or -1 for a bare
	 * CR or LF.
	 */
	private static int lineBreaks(byte[] bytes, int from, int to, int length) {
		int dots = 0;
		for (int i = from; i < to; i++) {
			byte b = bytes[i];
			if (b == '\r') {
				if (i + 1 >= length || bytes[i + 1] != '\n') {
					return -1;
				}
			}
			else if (b == '\n') {
				if (i == 0 || bytes[i - 1] != '\r') {
					return -1;
				}
				if (i + 1 < length && bytes[i + 1] == '.') {
					dots++;
				}
			}
		}
		return dots;
	}

}
