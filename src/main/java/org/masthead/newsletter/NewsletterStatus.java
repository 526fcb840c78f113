package org.masthead.newsletter;

/** Whether a newsletter takes sign-ups and shows on reader pages. */
public enum NewsletterStatus {

	/** Listed on {@code /newsletters/}, with sign-up blocks on reader pages. */
	ACTIVE("Active"),

	/** Not listed and takes no sign-ups; subscribers are kept for when it resumes. */
	PAUSED("Paused"),

	/** Ended; its page and archive stay readable, without a sign-up form. */
	ARCHIVED("Archived");

	private final String label;

	NewsletterStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
