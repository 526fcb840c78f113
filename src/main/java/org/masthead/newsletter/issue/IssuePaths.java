package org.masthead.newsletter.issue;

/** Where issues live on the site and in the newsroom. */
public final class IssuePaths {

	private IssuePaths() {
	}

	/** The web archive page of a sent issue. */
	public static String archive(String newsletterSlug, String issueSlug) {
		return "/newsletters/" + newsletterSlug + "/issues/" + issueSlug + "/";
	}

	/** The newsroom page of an issue. */
	public static String admin(String newsletterSlug, long issueId) {
		return "/admin/newsletters/" + newsletterSlug + "/issues/" + issueId;
	}

}
