package org.masthead.audio.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits speech text into pieces no longer than an engine's request limit, at sentence boundaries
 * where possible, then at commas, then at spaces; a single word longer than the limit is cut.
 */
public final class Chunks {

	private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+|\\n+");

	private Chunks() {
	}

	public static List<String> split(String text, int maxChars) {
		if (maxChars < 20) {
			throw new IllegalArgumentException("A chunk must allow at least 20 characters");
		}
		List<String> chunks = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String sentence : pieces(text, SENTENCE_END)) {
			for (String piece : fit(sentence, maxChars)) {
				if (current.length() > 0 && current.length() + 1 + piece.length() > maxChars) {
					chunks.add(current.toString());
					current.setLength(0);
				}
				if (current.length() > 0) {
					current.append(' ');
				}
				current.append(piece);
			}
		}
		if (current.length() > 0) {
			chunks.add(current.toString());
		}
		return chunks;
	}

	/** A sentence that is too long, split at commas or spaces. */
	private static List<String> fit(String sentence, int maxChars) {
		if (sentence.length() <= maxChars) {
			return List.of(sentence);
		}
		List<String> out = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String word : sentence.split("(?<=[,;:])\\s+|\\s+")) {
			while (word.length() > maxChars) {
				if (current.length() > 0) {
					out.add(current.toString());
					current.setLength(0);
				}
				out.add(word.substring(0, maxChars));
				word = word.substring(maxChars);
			}
			if (current.length() > 0 && current.length() + 1 + word.length() > maxChars) {
				out.add(current.toString());
				current.setLength(0);
			}
			if (current.length() > 0) {
				current.append(' ');
			}
			current.append(word);
		}
		if (current.length() > 0) {
			out.add(current.toString());
		}
		return out;
	}

	private static List<String> pieces(String text, Pattern separator) {
		List<String> out = new ArrayList<>();
		Matcher m = separator.matcher(text);
		int start = 0;
		while (m.find()) {
			String piece = text.substring(start, m.start()).strip();
			if (!piece.isEmpty()) {
				out.add(piece);
			}
			start = m.end();
		}
		String last = text.substring(start).strip();
		if (!last.isEmpty()) {
			out.add(last);
		}
		return out;
	}

}
