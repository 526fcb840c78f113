package org.masthead.newsletter;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a reader is told after sending a sign-up form, in the block itself. {@link #SENT} is the
 * answer whether or not the address was known already, so nobody can learn who subscribes.
 */
public enum SignupOutcome {

	SENT("sent", "Thank you for signing up for this newsletter. We've sent you a confirmation email."),

	INVALID("invalid", "Please enter a correct email address"),

	TOO_LONG("too-long", "Please enter a correct email address: it can be at most 254 characters long."),

	NO_DOMAIN("no-domain", "Please enter a correct email address: add the domain after the @, like name@example.com."),

	IP_LITERAL("ip-literal", "Please enter a correct email address: use a domain name after the @, not an IP address."),

	LIMITED("limited", "Too many sign-ups from your network just now. Please try again in a few minutes."),

	CLOSED("closed", "This newsletter is not taking sign-ups at the moment.");

	private final String code;

	private final String message;

	SignupOutcome(String code, String message) {
		this.code = code;
		this.message = message;
	}

	/** A stable code for addresses ({@code ?signup=...&result=code}) and problem JSON. */
	public String code() {
		return code;
	}

	public String message() {
		return message;
	}

	public boolean isError() {
		return this != SENT;
	}

	public static Optional<SignupOutcome> ofCode(String code) {
		return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
	}

}
