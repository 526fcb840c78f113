package org.masthead.newsletter.signup;

/** Addresses as the SMTP envelope and headers want them: the domain in ASCII (punycode), the local part as is. */
final class Addresses {

	private Addresses() {
	}

	static String ascii(String stored) {
		if (EmailAddress.check(stored) instanceof EmailAddress.Valid valid) {
			return valid.address().ascii();
		}
		throw new IllegalArgumentException("Not a usable address");
	}

}
