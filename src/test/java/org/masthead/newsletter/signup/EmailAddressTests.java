package org.masthead.newsletter.signup;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.masthead.newsletter.SignupOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/** What readers may type as an email address, and how it is kept. */
class EmailAddressTests {

	@Test
	void ordinaryAddressesAreKeptWithTheDomainLowerCased() {
		EmailAddress a = valid("  Marta.Shevchenko+news@Ledger.Example ");
		assertThat(a.address()).isEqualTo("Marta.Shevchenko+news@ledger.example");
		assertThat(a.ascii()).isEqualTo(a.address());
		assertThat(a.needsSmtpUtf8()).isFalse();
	}

	@Test
	void internationalisedDomainsAreKeptInUnicodeAndSentInPunycode() {
		EmailAddress a = valid("anna@Bücher.example");
		assertThat(a.address()).isEqualTo("anna@bücher.example");
		assertThat(a.ascii()).isEqualTo("anna@xn--bcher-kva.example");
		assertThat(valid("anna@xn--bcher-kva.example").address()).as("the same key either way").isEqualTo("anna@bücher.example");
	}

	@Test
	void aUnicodeLocalPartIsAcceptedAndNeedsSmtpUtf8() {
		EmailAddress a = valid("олена@пошта.укр");
		assertThat(a.needsSmtpUtf8()).isTrue();
		assertThat(a.ascii()).isEqualTo("олена@" + java.net.IDN.toASCII("пошта.укр"));
		assertThat(a.ascii()).contains("@xn--");
		assertThat(valid("jose\u0301@example.com").local()).as("NFC").isEqualTo("josé");
	}

	@Test
	void headerInjectionAndSeveralAddressesAreRefused() {
		for (String bad : new String[] { "a@b.example\r\nBcc: c@d.example", "a@b.example\nX: y", "a@b.example\u0000",
				"a@b.example\u2028", "a,b@c.example", "a@b.example, c@d.example", "<a@b.example>", "a b@c.example",
				"\"quoted\"@b.example", "a..b@c.example", ".a@b.example", "a.@b.example", "a@b..example", "a@-b.example",
				"a@b_c.example", "a@@b.example" }) {
			assertThat(EmailAddress.check(bad)).as(bad).isEqualTo(new EmailAddress.Refused(SignupOutcome.INVALID));
		}
	}

	@Test
	void eachRefusalSaysWhy() {
		assertThat(EmailAddress.check("x".repeat(250) + "@ab.example")).isEqualTo(new EmailAddress.Refused(SignupOutcome.TOO_LONG));
		assertThat(EmailAddress.check("a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".ex"))
			.isEqualTo(new EmailAddress.Refused(SignupOutcome.TOO_LONG));
		assertThat(EmailAddress.check("a".repeat(65) + "@b.example")).isEqualTo(new EmailAddress.Refused(SignupOutcome.INVALID));
		assertThat(EmailAddress.check("reader")).isEqualTo(new EmailAddress.Refused(SignupOutcome.NO_DOMAIN));
		assertThat(EmailAddress.check("reader@")).isEqualTo(new EmailAddress.Refused(SignupOutcome.NO_DOMAIN));
		assertThat(EmailAddress.check("reader@localhost")).isEqualTo(new EmailAddress.Refused(SignupOutcome.NO_DOMAIN));
		assertThat(EmailAddress.check("reader@[192.0.2.1]")).isEqualTo(new EmailAddress.Refused(SignupOutcome.IP_LITERAL));
		assertThat(EmailAddress.check("reader@[IPv6:2001:db8::1]")).isEqualTo(new EmailAddress.Refused(SignupOutcome.IP_LITERAL));
		assertThat(EmailAddress.check("reader@192.0.2.1")).isEqualTo(new EmailAddress.Refused(SignupOutcome.IP_LITERAL));
		assertThat(EmailAddress.check(null)).isEqualTo(new EmailAddress.Refused(SignupOutcome.INVALID));
		assertThat(EmailAddress.check("   ")).isEqualTo(new EmailAddress.Refused(SignupOutcome.INVALID));
	}

	@Property
	void noAcceptedAddressCarriesALineBreakOrIsTooLong(@ForAll @StringLength(max = 300) String input) {
		if (EmailAddress.check(input) instanceof EmailAddress.Valid valid) {
			assertThat(valid.address().address()).doesNotContain("\r", "\n", ",", "<", ">", " ");
			assertThat(valid.address().ascii().length()).isLessThanOrEqualTo(EmailAddress.MAX_LENGTH);
			assertThat(valid.address().address()).contains("@");
		}
	}

	@Property
	void wellFormedAddressesAreAcceptedAndCheckingIsIdempotent(@ForAll("addresses") String input) {
		EmailAddress first = valid(input);
		assertThat(valid(first.address())).isEqualTo(first);
		assertThat(valid(first.ascii()).address()).isEqualTo(first.address());
	}

	@Property
	void anyLineBreakInsideAnAddressIsRefused(@ForAll("addresses") String input, @ForAll("breaks") String lineBreak) {
		int at = input.indexOf('@');
		String injected = input.substring(0, at) + lineBreak + "Bcc: victim@example.com" + input.substring(at);
		assertThat(EmailAddress.check(injected)).isInstanceOf(EmailAddress.Refused.class);
	}

	@Provide
	Arbitrary<String> addresses() {
		Arbitrary<String> local = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789+_-éжß").ofMinLength(1).ofMaxLength(30);
		Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789ü").ofMinLength(1).ofMaxLength(20);
		Arbitrary<String> tld = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz").ofMinLength(2).ofMaxLength(6);
		return net.jqwik.api.Combinators.combine(local, label, tld).as((l, d, t) -> l + "@" + d + "." + t);
	}

	@Provide
	Arbitrary<String> breaks() {
		return Arbitraries.of("\r\n", "\n", "\r", "\u0085", "\u2028", "\t", "\u0000");
	}

	private static EmailAddress valid(String input) {
		EmailAddress.Checked checked = EmailAddress.check(input);
		assertThat(checked).as(input).isInstanceOf(EmailAddress.Valid.class);
		return ((EmailAddress.Valid) checked).address();
	}

}
