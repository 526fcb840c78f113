package org.masthead.newsfeed.internal;

import java.time.Instant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.masthead.newsfeed.InvalidNewsFeedItemException;
import org.masthead.newsfeed.NewsFeedItemDraft;

/** What a news feed item must be: a short headline, one to three sentences, an optional link. */
final class NewsFeedRules {

	static final int MAX_HEADLINE = 150;

	static final int MAX_BODY = 600;

	static final int MAX_SENTENCES = 3;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,200}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]|[\\u2028\\u2029]");

	private static final Pattern SENTENCE_END = Pattern.compile("[.!?\u2026]+[\"'\u201d\u2019)]*(\\s+|$)");

	private NewsFeedRules() {
	}

	/** The draft with text trimmed and the link reduced to a slug; or the errors by field. */
	static NewsFeedItemDraft check(NewsFeedItemDraft draft, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		String headline = clean(draft.headline());
		String body = clean(draft.body());
		if (headline.isEmpty()) {
			errors.put("headline", "Write a headline.");
		}
		else if (headline.length() > MAX_HEADLINE) {
			errors.put("headline", "Keep the headline to " + MAX_HEADLINE + " characters (it has " + headline.length() + ").");
		}
		else if (CONTROL.matcher(headline).find() || headline.contains("\n")) {
			errors.put("headline", "The headline is one line of plain text.");
		}
		if (body.isEmpty()) {
			errors.put("body", "Write one to three sentences.");
		}
		else if (body.length() > MAX_BODY) {
			errors.put("body", "Keep the text to " + MAX_BODY + " characters (it has " + body.length() + ").");
		}
		else if (CONTROL.matcher(body).find()) {
			errors.put("body", "The text has characters that cannot be shown.");
		}
		else if (sentences(body) > MAX_SENTENCES) {
			errors.put("body", "A news feed item has one to three sentences; this has " + sentences(body)
					+ ". Link to an article for more.");
		}
		String slug = slug(draft.articleSlug());
		if (slug != null && !SLUG.matcher(slug).matches()) {
			errors.put("articleSlug", "Link to an article by its address, e.g. /tram-line-7-reopens/.");
		}
		Instant at = draft.postedAt();
		if (at != null && (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(Instant.parse("2000-01-01T00:00:00Z")))) {
			errors.put("postedAt", "The time must not be in the future.");
		}
		if (!errors.isEmpty()) {
			throw new InvalidNewsFeedItemException(errors);
		}
		return new NewsFeedItemDraft(headline, body.replaceAll("\\s+", " "), slug, draft.breaking(), draft.pinned(),
				at == null ? now : at);
	}

	static int sentences(String body) {
		int count = 0;
		var m = SENTENCE_END.matcher(body.strip());
		int last = 0;
		while (m.find()) {
			count++;
			last = m.end();
		}
		return body.strip().length() > last ? count + 1 : count;
	}

	/** A slug from "slug", "/slug/" or a full URL of this site; null for nothing. */
	static String slug(String link) {
		String s = clean(link);
		if (s.isEmpty()) {
			return null;
		}
		int scheme = s.indexOf("://");
		if (scheme >= 0) {
			int path = s.indexOf('/', scheme + 3);
			s = path < 0 ? "" : s.substring(path);
		}
		while (s.startsWith("/")) {
			s = s.substring(1);
		}
		while (s.endsWith("/")) {
			s = s.substring(0, s.length() - 1);
		}
		return s;
	}

	private static String clean(String text) {
		return text == null ? "" : text.strip();
	}

}
