package org.masthead.newsletter.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.IssueDraft;

/** What the issue form sends: subject, preheader, digest or chosen articles (one address per line). */
public record IssueForm(String subject, String preheader, String selection, String articles, String scheduledAt) {

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	public static IssueForm empty() {
		return new IssueForm("", "", "CHOSEN", "", "");
	}

	public static IssueForm of(Issue issue, ZoneId zone) {
		return new IssueForm(issue.subject(), issue.preheader(), issue.isDigest() ? "DIGEST" : "CHOSEN",
				String.join("\n", issue.articleSlugs()),
				issue.scheduledAt() == null ? "" : LOCAL.format(issue.scheduledAt().atZone(zone)));
	}

	public boolean isDigest() {
		return "DIGEST".equals(selection);
	}

	IssueDraft draft() {
		return new IssueDraft(subject, preheader, isDigest(), IssueDraft.slugs(articles));
	}

	/** The schedule time in the newsroom's zone, or null with an error for the field. */
	Instant scheduledAt(ZoneId zone, Map<String, String> errors) {
		if (scheduledAt == null || scheduledAt.isBlank()) {
			errors.put("scheduledAt", "Give the date and time to send at.");
			return null;
		}
		String time = scheduledAt.strip();
		try {
			return LocalDateTime.parse(time.length() > 16 ? time.substring(0, 16) : time, LOCAL).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.put("scheduledAt", "Give the time as date and hour, e.g. 2026-05-04T07:30.");
			return null;
		}
	}

}
