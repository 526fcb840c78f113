package org.masthead.newsletter.issue;

/** What sending needs of a newsletter: its names, sender and whether tracking is on. */
public record NewsletterRef(long id, String slug, String name, String description, String senderName,
		String senderAddress, String replyTo, boolean trackingEnabled) {
}
