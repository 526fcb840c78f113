package org.masthead.identity.account;

/** A staff member's display name: any text (shown escaped), without control characters. */
public final class StaffNames {

	public static final int MAX_LENGTH = 200;

	private StaffNames() {
	}

	/** What is wrong with this name, or null if it is fine. */
	public static String problem(String name) {
		if (name == null || name.isBlank()) {
			return "Enter a name.";
		}
		if (name.strip().length() > MAX_LENGTH) {
			return "A name has at most " + MAX_LENGTH + " characters.";
		}
		if (name.chars().anyMatch(c -> Character.isISOControl(c))) {
			return "A name cannot contain line breaks or control characters.";
		}
		return null;
	}

}
