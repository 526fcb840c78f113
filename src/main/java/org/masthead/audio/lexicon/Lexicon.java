package org.masthead.audio.lexicon;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newsroom's pronunciation lexicon, compiled for each kind of engine: Festival lexicon entries
 * (a Scheme file loaded before synthesis), flite lexicon addenda ({@code -add_lex}), a W3C PLS
 * document and SSML {@code <phoneme>} for the cloud voices, and plain respelling for any voice
 * that takes none of these. Every word and phoneme has been checked against a strict pattern
 * before it gets here (see {@link Pronunciation}), so nothing compiled can carry syntax of its own.
 */
public record Lexicon(List<Pronunciation> entries) {

	public static final Lexicon EMPTY = new Lexicon(List.of());

	public Lexicon {
		entries = List.copyOf(entries);
	}

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z][A-Za-z'-]*|[^A-Za-z]+");

	/**
	 * Replaces each listed word with its respelling, keeping a possessive "'s".
	 *
	 * @param exceptPhonemes leave words that have phonemes to the engine, which reads those itself
	 */
	public String respell(String text, boolean exceptPhonemes) {
		if (entries.isEmpty()) {
			return text;
		}
		return rewrite(text, (p, word) -> exceptPhonemes && p.hasPhonemes() ? word : p.respelling(), s -> s);
	}

	/** Rewrites each word of the lexicon found in the text; everything else goes through {@code other}. */
	private String rewrite(String text, java.util.function.BiFunction<Pronunciation, String, String> known,
			java.util.function.UnaryOperator<String> other) {
		Map<String, Pronunciation> byWord = new HashMap<>();
		entries.forEach(p -> byWord.put(p.word(), p));
		StringBuilder out = new StringBuilder(text.length() + 64);
		Matcher m = TOKEN.matcher(text);
		while (m.find()) {
			String token = m.group();
			String lower = token.toLowerCase(Locale.ROOT);
			Pronunciation p = byWord.get(lower);
			String suffix = "";
			if (p == null && lower.endsWith("'s")) {
				p = byWord.get(lower.substring(0, lower.length() - 2));
				suffix = "'s";
			}
			if (p == null) {
				out.append(other.apply(token));
			}
			else {
				String word = token.substring(0, token.length() - suffix.length());
				out.append(known.apply(p, other.apply(word))).append(other.apply(suffix));
			}
		}
		return out.toString();
	}

	/** Festival: one {@code lex.add.entry} per word with phonemes, syllabified by Festival itself. */
	public String festivalScheme() {
		StringBuilder scheme = new StringBuilder(";; Masthead pronunciation lexicon\n");
		for (Pronunciation p : entries) {
			if (p.hasPhonemes()) {
				scheme.append("(lex.add.entry (list \"").append(p.word()).append("\" nil (lex.syllabify.phstress '(")
					.append(String.join(" ", p.stressedPhones())).append("))))\n");
			}
		}
		return scheme.toString();
	}

	/** flite: {@code word : phones} lines for {@code -add_lex}. */
	public String fliteAddenda() {
		StringBuilder lines = new StringBuilder();
		for (Pronunciation p : entries) {
			if (p.hasPhonemes()) {
				lines.append(p.word()).append(" : ").append(String.join(" ", p.stressedPhones())).append('\n');
			}
		}
		return lines.toString();
	}

	public boolean hasPhonemes() {
		return entries.stream().anyMatch(Pronunciation::hasPhonemes);
	}

	/** A W3C Pronunciation Lexicon (PLS 1.0) in IPA, with aliases for words without phonemes. */
	public String pls(String language) {
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"
				    alphabet="ipa" xml:lang="%s">
				""".formatted(language.replaceAll("[^A-Za-z-]", "")));
		for (Pronunciation p : entries) {
			xml.append("  <lexeme><grapheme>").append(p.word()).append("</grapheme>");
			if (p.hasPhonemes()) {
				xml.append("<phoneme>").append(p.ipa()).append("</phoneme>");
			}
			else {
				xml.append("<alias>").append(p.respelling()).append("</alias>");
			}
			xml.append("</lexeme>\n");
		}
		return xml.append("</lexicon>\n").toString();
	}

	/**
	 * SSML for a chunk of speech text: the text escaped, each word with phonemes wrapped in an IPA
	 * {@code <phoneme>}, others respelled. Speech text is ASCII letters and punctuation only, but
	 * it is escaped all the same.
	 */
	public String ssml(String text, String language) {
		String body = ssmlBody(text);
		return "<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\""
				+ language.replaceAll("[^A-Za-z-]", "") + "\">" + body + "</speak>";
	}

	/** The inside of an SSML {@code <speak>}: escaped text with {@code <phoneme>} for lexicon words. */
	public String ssmlBody(String text) {
		return rewrite(text,
				(p, word) -> p.hasPhonemes() ? "<phoneme alphabet=\"ipa\" ph=\"" + p.ipa() + "\">" + word + "</phoneme>"
						: escapeXml(p.respelling()),
				Lexicon::escapeXml);
	}

	public static String escapeXml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
