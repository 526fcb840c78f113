package org.masthead.identity.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Staff email addresses: one plain address, stored in lower case. Anything that could smuggle a
 * header into a mail (line breaks, commas, angle brackets, several addresses) is refused.
 */
public final class EmailAddresses {

	public static final int MAX_LENGTH = 254;

	private static final Pattern PLAIN = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private EmailAddresses() {
	}

	/** The canonical form of an address to look up: trimmed, lower case. */
	public static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	/** What is wrong with this address, or null if it is fine. */
	public static String problem(String email) {
		if (email == null || email.isBlank()) {
			return "Enter an email address.";
		}
		if (email.length() > MAX_LENGTH) {
			return "An email address has at most " + MAX_LENGTH + " characters.";
		}
		if (!PLAIN.matcher(email.strip()).matches() || email.strip().contains("..")) {
			return "Enter one email address, like name@example.com.";
		}
		return null;
	}

}
