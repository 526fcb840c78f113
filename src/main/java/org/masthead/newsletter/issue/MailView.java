package org.masthead.newsletter.issue;

import java.util.List;

/**
 * What the email template shows: every URL is absolute, every text is plain (the template escapes
 * it). The unsubscribe and manage URLs are placeholders replaced for each subscriber when sending.
 */
public record MailView(String siteName, String siteUrl, String newsletterName, String subject, String preheader,
		String archiveUrl, List<Story> stories, String unsubscribeUrl, String manageUrl) {

	/** One article in the issue. {@code imageUrl} is null when the article has no hero image. */
	public record Story(String headline, String dek, String url, String byline, String section, String imageUrl,
			int imageWidth, int imageHeight, String imageAlt) {

		public boolean hasImage() {
			return imageUrl != null;
		}

		/** Height for the 560-pixel-wide column the email shows the picture in. */
		public int scaledHeight() {
			return imageWidth <= 0 ? 315 : Math.max(1, Math.round(560f * imageHeight / imageWidth));
		}

	}

}
