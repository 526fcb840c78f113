package org.masthead.newsletter;

/**
 * One sign-up block on a reader page, for one newsletter. It carries nothing about the visitor, so
 * the page around it can be cached; after a sign-up without JavaScript the page is shown again
 * with {@code ?signup=SLUG&result=CODE}, which the page cache never stores, and {@code outcome}
 * set on the block the reader used.
 *
 * @param page the path of the page showing the block, sent back with the form
 * @param outcome what to tell the reader in this block, or null
 */
public record SignupBlock(Newsletter newsletter, String page, SignupOutcome outcome) {

	/** Shown under every form. */
	public static final String REQUIRED_NOTE = "* indicates required";

	/** The label of the email field. */
	public static final String LABEL = "Enter your email to subscribe";

	/** The consent wording shown next to the form and kept with every sign-up. */
	public static String consent(Newsletter newsletter) {
		return "Sign up to receive " + newsletter.name() + " (" + newsletter.cadence().toLowerCase(java.util.Locale.ROOT)
				+ ") by email. We send a link to confirm first; nothing else arrives until you do, and every email lets you unsubscribe.";
	}

	public String consent() {
		return consent(newsletter);
	}

	/** The block's element id, also the fragment the page returns to. */
	public String id() {
		return "signup-" + newsletter.slug();
	}

	public String action() {
		return "/newsletters/" + newsletter.slug() + "/signup";
	}

	public boolean isSent() {
		return outcome == SignupOutcome.SENT;
	}

	public boolean hasError() {
		return outcome != null && outcome.isError();
	}

}
