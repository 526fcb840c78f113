package org.masthead.newsletter.web;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.NewsletterDraft;
import org.masthead.newsletter.NewsletterStatus;

/** What the newsletter form sends, as typed. */
public record NewsletterForm(String name, String slug, String description, String hostName, String cadence,
		String senderName, String senderAddress, String replyTo, String status, String position, String tracking) {

	static NewsletterForm empty() {
		return new NewsletterForm("", "", "", "", "", "", "", "", NewsletterStatus.ACTIVE.name(), "0", null);
	}

	static NewsletterForm of(Newsletter n) {
		return new NewsletterForm(n.name(), n.slug(), n.description(), orEmpty(n.hostName()), n.cadence(), n.senderName(),
				n.senderAddress(), orEmpty(n.replyTo()), n.status().name(), String.valueOf(n.position()),
				n.trackingEnabled() ? "on" : null);
	}

	public boolean isTracking() {
		return tracking != null && !tracking.isEmpty();
	}

	NewsletterDraft draft() {
		NewsletterStatus s = null;
		for (NewsletterStatus candidate : NewsletterStatus.values()) {
			if (candidate.name().equals(status)) {
				s = candidate;
			}
		}
		int p = -1; // checked with every other field by Newsletters, so all problems show at once
		String pos = position == null ? "" : position.strip();
		if (pos.isEmpty()) {
			p = 0;
		}
		else if (pos.matches("[0-9]{1,4}")) {
			p = Integer.parseInt(pos);
		}
		return new NewsletterDraft(name, slug, description, hostName, cadence, senderName, senderAddress, replyTo,
				s, p, isTracking());
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
