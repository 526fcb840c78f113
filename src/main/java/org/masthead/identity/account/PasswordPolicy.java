package org.masthead.identity.account;

/**
 * What a staff password must be: long rather than clever (NIST SP 800-63B). Length is counted in
 * code points, so a passphrase in any script counts as typed.
 */
public final class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/** What is wrong with this password for this email address, or null if it is fine. */
	public static String problem(String password, String email) {
		if (password == null || password.isEmpty()) {
			return "Enter a password.";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return "Use at least " + MIN_LENGTH + " characters.";
		}
		if (length > MAX_LENGTH) {
			return "Use at most " + MAX_LENGTH + " characters.";
		}
		if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
			return "The password must not be your email address.";
		}
		if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			return "The password must not contain control characters.";
		}
		return null;
	}

}
