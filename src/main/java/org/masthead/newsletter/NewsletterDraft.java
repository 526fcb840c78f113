package org.masthead.newsletter;

/**
 * What an Editor enters to create or change a newsletter. Checked by {@link Newsletters}, which
 * answers bad values with {@link InvalidNewsletterException}.
 */
public record NewsletterDraft(String name, String slug, String description, String hostName, String cadence,
		String senderName, String senderAddress, String replyTo, NewsletterStatus status, int position,
		boolean trackingEnabled) {
}
