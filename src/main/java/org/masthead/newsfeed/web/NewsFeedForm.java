package org.masthead.newsfeed.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.newsfeed.NewsFeedItemDraft;

/** What the form sends; the time is the newsroom's local time, empty for now. */
public record NewsFeedForm(String headline, String body, String articleSlug, String breaking, String pinned, String postedAt) {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	public static NewsFeedForm empty() {
		return new NewsFeedForm("", "", "", null, null, "");
	}

	public static NewsFeedForm of(NewsFeedItem item, ZoneId zone) {
		return new NewsFeedForm(item.headline(), item.body(), item.articleSlug() == null ? "" : item.articleSlug(),
				item.breaking() ? "on" : null, item.pinned() ? "on" : null,
				LOCAL.format(item.postedAt().atZone(zone)));
	}

	public boolean isBreaking() {
		return breaking != null && !breaking.isEmpty();
	}

	public boolean isPinned() {
		return pinned != null && !pinned.isEmpty();
	}

	NewsFeedItemDraft draft(ZoneId zone, Map<String, String> errors) {
		Instant at = null;
		if (postedAt != null && !postedAt.isBlank()) {
			String time = postedAt.strip();
			try {
				at = LocalDateTime.parse(time.length() > 16 ? time.substring(0, 16) : time, LOCAL)
					.atZone(zone)
					.toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.put("postedAt", "Give the time as date and hour, or leave it empty for now.");
			}
		}
		return new NewsFeedItemDraft(headline, body, articleSlug, isBreaking(), isPinned(), at);
	}

}

