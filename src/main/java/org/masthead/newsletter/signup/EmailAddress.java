package org.masthead.newsletter.signup;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.masthead.newsletter.SignupOutcome;

/**
 * An email address a reader typed, checked and normalised. Internationalised addresses are
 * welcome: a Unicode local part (sent with SMTPUTF8) and IDN domains, kept in their Unicode form;
 * {@link #ascii()} gives the domain in its ASCII (punycode) form for the SMTP envelope. Refused:
 * line breaks and anything else that could smuggle a header or a second recipient, more than 254
 * characters, no domain, an IP address instead of a domain, quoted local parts.
 *
 * @param address the address as stored and shown: local part as typed, domain lower-cased in Unicode
 * @param asciiDomain the domain in ASCII (punycode) form
 */
public record EmailAddress(String local, String domain, String asciiDomain) {

	/** RFC 5321 limit for a whole path. */
	public static final int MAX_LENGTH = 254;

	private static final int MAX_LOCAL = 64;

	/** RFC 5322 atext, plus any non-ASCII letter (RFC 6531). */
	private static final Pattern LOCAL_ATOM = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\u0080-\\x{10FFFF}]+");

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

	/** The address as stored and shown. */
	public String address() {
		return local + "@" + domain;
	}

	/** The address with its domain in ASCII, for the envelope and headers. */
	public String ascii() {
		return local + "@" + asciiDomain;
	}

	/** Whether the local part needs SMTPUTF8 to be sent. */
	public boolean needsSmtpUtf8() {
		return !local.chars().allMatch(c -> c < 0x80);
	}

	/** The address, or the reason it is refused. */
	public sealed interface Checked permits Valid, Refused {
	}

	public record Valid(EmailAddress address) implements Checked {
	}

	public record Refused(SignupOutcome reason) implements Checked {
	}

	public static Checked check(String input) {
		if (input == null) {
			return new Refused(SignupOutcome.INVALID);
		}
		if (input.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029)) {
			return new Refused(SignupOutcome.INVALID); // line breaks, tabs, NUL anywhere: header injection
		}
		String text = input.strip();
		if (text.isEmpty()) {
			return new Refused(SignupOutcome.INVALID);
		}
		text = Normalizer.normalize(text, Normalizer.Form.NFC);
		if (text.length() > MAX_LENGTH) {
			return new Refused(SignupOutcome.TOO_LONG);
		}
		int at = text.lastIndexOf('@');
		if (at < 0 || at == text.length() - 1) {
			// "reader" or "reader@" lacks a domain; "not an address" is no address at all
			return new Refused(isLocalPart(at < 0 ? text : text.substring(0, at)) ? SignupOutcome.NO_DOMAIN : SignupOutcome.INVALID);
		}
		String local = text.substring(0, at);
		String domain = text.substring(at + 1);
		if (domain.startsWith("[") || domain.endsWith("]")) {
			return new Refused(SignupOutcome.IP_LITERAL);
		}
		if (!isLocalPart(local)) {
			return new Refused(SignupOutcome.INVALID);
		}
		String ascii;
		try {
			ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return new Refused(SignupOutcome.INVALID);
		}
		if (ascii.endsWith(".")) {
			ascii = ascii.substring(0, ascii.length() - 1);
		}
		String[] labels = ascii.split("\\.", -1);
		if (labels.length < 2) {
			return new Refused(SignupOutcome.NO_DOMAIN);
		}
		if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
			return new Refused(SignupOutcome.IP_LITERAL); // 192.0.2.1 and the like
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				return new Refused(SignupOutcome.INVALID);
			}
		}
		String unicode = IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		EmailAddress address = new EmailAddress(local, unicode, ascii);
		if (address.ascii().length() > MAX_LENGTH) {
			return new Refused(SignupOutcome.TOO_LONG);
		}
		return new Valid(address);
	}

	private static boolean isLocalPart(String local) {
		if (local.isEmpty() || local.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LOCAL) {
			return false;
		}
		for (String atom : local.split("\\.", -1)) {
			if (!LOCAL_ATOM.matcher(atom).matches()) {
				return false; // empty atom (leading, trailing or double dot), quotes, spaces, @, <, >, comma...
			}
		}
		return true;
	}

}
