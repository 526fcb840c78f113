package org.masthead.newsletter.issue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an Editor typed for an issue, checked: a subject and preheader without line breaks or control
 * characters (they go into mail headers and the inbox preview), and either chosen articles or a digest.
 */
public record IssueDraft(String subject, String preheader, boolean digest, List<String> articleSlugs) {

	static final int MAX_SUBJECT = 200;

	static final int MAX_PREHEADER = 300;

	public IssueDraft {
		subject = subject == null ? "" : subject.strip();
		preheader = preheader == null ? "" : preheader.strip();
		articleSlugs = articleSlugs == null ? List.of() : List.copyOf(articleSlugs);
	}

	/** The field errors of this draft, empty when it may be saved. */
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (subject.isEmpty()) {
			errors.put("subject", "Enter a subject.");
		}
		else if (hasControl(subject)) {
			errors.put("subject", "The subject must be one line, without line breaks or control characters.");
		}
		else if (subject.length() > MAX_SUBJECT) {
			errors.put("subject", "Keep the subject to " + MAX_SUBJECT + " characters (it has " + subject.length() + ").");
		}
		if (hasControl(preheader)) {
			errors.put("preheader", "The preheader must be one line, without line breaks or control characters.");
		}
		else if (preheader.length() > MAX_PREHEADER) {
			errors.put("preheader", "Keep the preheader to " + MAX_PREHEADER + " characters (it has " + preheader.length() + ").");
		}
		if (!digest && articleSlugs.isEmpty()) {
			errors.put("articles", "Choose at least one article, or make the issue a digest.");
		}
		else if (articleSlugs.size() > IssueRenderer.MAX_STORIES) {
			errors.put("articles", "An issue carries at most " + IssueRenderer.MAX_STORIES + " articles.");
		}
		return errors;
	}

	static boolean hasControl(String text) {
		return text.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
	}

	/**
	 * Article slugs from what an Editor pasted: one per line, a slug or a site address
	 * ({@code /tram-line-7-reopens/} or {@code https://example.org/tram-line-7-reopens/}).
	 */
	public static List<String> slugs(String lines) {
		List<String> slugs = new ArrayList<>();
		if (lines == null) {
			return slugs;
		}
		for (String line : lines.split("[\\r\\n,]+")) {
			String slug = line.strip();
			int scheme = slug.indexOf("://");
			if (scheme >= 0) {
				int path = slug.indexOf('/', scheme + 3);
				slug = path < 0 ? "" : slug.substring(path);
			}
			int query = slug.indexOf('?');
			if (query >= 0) {
				slug = slug.substring(0, query);
			}
			slug = slug.replaceAll("^/+|/+$", "");
			if (!slug.isEmpty() && !slugs.contains(slug)) {
				slugs.add(slug);
			}
		}
		return slugs;
	}

	/** A URL slug made of the subject: lower case ASCII letters, digits and hyphens. */
	static String slugOf(String subject) {
		String ascii = Normalizer.normalize(subject, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 80) {
			slug = slug.substring(0, 80).replaceAll("-+$", "");
		}
		return slug.isEmpty() || slug.matches("[0-9]+") ? "issue" : slug;
	}

}
