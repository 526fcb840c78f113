package org.masthead.newsletter;

import java.time.Instant;

/**
 * A named, recurring email readers sign up to.
 *
 * @param hostName the named host of a series, or null
 * @param cadence how often it comes, as readers see it ("Every weekday morning")
 * @param replyTo where replies go, or null for the sender address
 * @param position order on {@code /newsletters/} and in sign-up blocks, lowest first
 * @param trackingEnabled open and click tracking, off unless an Editor turns it on
 */
public record Newsletter(long id, String slug, String name, String description, String hostName, String cadence,
		String senderName, String senderAddress, String replyTo, NewsletterStatus status, int position,
		boolean trackingEnabled, Instant createdAt, Instant updatedAt) {

	/** The newsletter's public page. */
	public String path() {
		return "/newsletters/" + slug + "/";
	}

	/** Whether readers may sign up to it (only active newsletters show sign-up forms). */
	public boolean isOpen() {
		return status == NewsletterStatus.ACTIVE;
	}

}
