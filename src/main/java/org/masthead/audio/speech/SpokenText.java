package org.masthead.audio.speech;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.masthead.content.Article;
import org.masthead.content.Refs.AuthorRef;

/**
 * What a narration says: the headline, the byline ("By Ana Petrenko and Ivan Koval."), the body's
 * paragraphs, headings and list items, then corrections and editor's notes. Captions, credits,
 * figures, embeds, tables, code and related-article cards are left out: they make no sense read
 * aloud. Every paragraph is normalised for speech.
 *
 * @param paragraphs speech text, one paragraph per entry, never empty strings
 */
public record SpokenText(List<String> paragraphs) {

	/** Elements whose text is never read. */
	private static final String SKIPPED = "figure, figcaption, aside, iframe, embed, object, video, audio, picture, img,"
			+ " script, style, table, pre, code, noscript, template, svg, math, form, button,"
			+ " .caption, .credit, .related-card, .embed, [class*=embed], [class*=tweet], [class*=instagram]";

	private static final String READ = "p, h1, h2, h3, h4, h5, h6, li, blockquote, dd, dt";

	public SpokenText {
		paragraphs = List.copyOf(paragraphs);
	}

	/** The spoken text of a published article. */
	public static SpokenText of(Article article) {
		List<String> paragraphs = new ArrayList<>();
		add(paragraphs, article.summary().headline());
		add(paragraphs, byline(article.summary().authors()));
		body(article.bodyHtml()).forEach(p -> add(paragraphs, p));
		for (Article.Note note : article.notes()) {
			String label = note.kind() == Article.NoteKind.CORRECTION ? "Correction: " : "Editor's note: ";
			String body = note.body().startsWith("Editor's Note:") ? note.body().substring(14).strip() : note.body();
			add(paragraphs, label + body);
		}
		return new SpokenText(paragraphs);
	}

	/** Plain text (no HTML), such as a preview sentence typed by an editor. */
	public static SpokenText ofPlain(String text) {
		List<String> paragraphs = new ArrayList<>();
		for (String p : text.split("\\n\\s*\\n|\\r?\\n")) {
			add(paragraphs, p);
		}
		return new SpokenText(paragraphs);
	}

	static String byline(List<AuthorRef> authors) {
		if (authors.isEmpty()) {
			return null;
		}
		List<String> names = authors.stream().map(AuthorRef::name).toList();
		String joined = names.size() == 1 ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
		return "By " + joined + ".";
	}

	/** The readable blocks of article HTML, innermost first-level blocks only (no text read twice). */
	static List<String> body(String html) {
		Document doc = Jsoup.parseBodyFragment(html == null ? "" : html);
		doc.select(SKIPPED).remove();
		List<String> blocks = new ArrayList<>();
		for (Element element : doc.body().select(READ)) {
			if (element.select(READ).size() > 1 && !element.is("li, dd, dt")) { // select() includes the element
				continue; // a blockquote holding paragraphs: its paragraphs are read instead
			}
			if (element.parents().stream().anyMatch(parent -> parent.is("li, dd, dt"))) {
				continue; // read as part of its list item
			}
			blocks.add(element.text());
		}
		if (blocks.isEmpty() && !doc.body().text().isBlank()) {
			blocks.add(doc.body().text());
		}
		return blocks;
	}

	private static void add(List<String> paragraphs, String text) {
		if (text == null || text.isBlank()) {
			return;
		}
		String spoken = SpeechNormaliser.paragraph(text);
		if (!spoken.isBlank() && spoken.chars().anyMatch(Character::isLetter)) {
			paragraphs.add(spoken);
		}
	}

	/** All paragraphs, one per line. */
	public String text() {
		return String.join("\n", paragraphs);
	}

	public boolean isEmpty() {
		return paragraphs.isEmpty();
	}

	public int wordCount() {
		int words = 0;
		for (String p : paragraphs) {
			words += p.split("\\s+").length;
		}
		return words;
	}

	/** What a narration is keyed by: the spoken text read by this voice (SHA-256, hex). */
	public String hash(String voice) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(voice.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(text().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
