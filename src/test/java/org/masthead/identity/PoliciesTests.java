package org.masthead.identity;

import org.junit.jupiter.api.Test;
import org.masthead.identity.account.EmailAddresses;
import org.masthead.identity.account.PasswordPolicy;
import org.masthead.identity.account.StaffNames;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles, email addresses, names and passwords: the rules every form and the CLI share. */
class PoliciesTests {

	@Test
	void rolesIncludeTheRolesBelowThem() {
		assertThat(Role.ADMINISTRATOR.includes(Role.CONTRIBUTOR)).isTrue();
		assertThat(Role.EDITOR.includes(Role.EDITOR)).isTrue();
		assertThat(Role.AUTHOR.includes(Role.EDITOR)).isFalse();
		assertThat(Role.EDITOR.authority()).isEqualTo("ROLE_EDITOR");
		assertThat(Role.parse(" editor ")).isEqualTo(Role.EDITOR);
		assertThat(Role.parse("owner")).isNull();
		assertThat(Role.parse(null)).isNull();
	}

	@Test
	void emailAddressesAreOnePlainAddress() {
		assertThat(EmailAddresses.problem("marta@ledger.example")).isNull();
		assertThat(EmailAddresses.problem("marta.o'neil+desk@news.ledger.example")).isNull();
		assertThat(EmailAddresses.normalise("  Marta@Ledger.Example ")).isEqualTo("marta@ledger.example");
		assertThat(EmailAddresses.problem("")).isNotNull();
		assertThat(EmailAddresses.problem("a@b.c\r\nBcc: x@y.z")).isNotNull();
		assertThat(EmailAddresses.problem("a@b.example\nBcc: x@y.z")).isNotNull();
		assertThat(EmailAddresses.problem("a@b.example, c@d.example")).isNotNull();
		assertThat(EmailAddresses.problem("Marta <a@b.example>")).isNotNull();
		assertThat(EmailAddresses.problem("a..b@ledger.example")).isNotNull();
		assertThat(EmailAddresses.problem("no-domain@localhost")).isNotNull();
		assertThat(EmailAddresses.problem("x".repeat(250) + "@b.example")).contains("at most 254");
	}

	@Test
	void passwordsAreLongNotTheEmailAndWithoutControlCharacters() {
		assertThat(PasswordPolicy.problem("correct horse battery staple", "a@b.example")).isNull();
		assertThat(PasswordPolicy.problem("", null)).isEqualTo("Enter a password.");
		assertThat(PasswordPolicy.problem("elevenchars", null)).contains("at least 12");
		assertThat(PasswordPolicy.problem("twelve chars", null)).isNull();
		assertThat(PasswordPolicy.problem("p".repeat(129), null)).contains("at most 128");
		assertThat(PasswordPolicy.problem("Long@Ledger.Example", "long@ledger.example")).contains("email");
		assertThat(PasswordPolicy.problem("tab\tinside password", null)).contains("control");
		assertThat(PasswordPolicy.problem("пароль-пароль", null)).as("13 Cyrillic letters and a dash").isNull();
		assertThat(PasswordPolicy.problem("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", null)).as("11 code points, 22 chars").contains("at least 12");
	}

	@Test
	void namesAreAnyTextWithoutControlCharacters() {
		assertThat(StaffNames.problem("Olena Kovalenko-O’Brien")).isNull();
		assertThat(StaffNames.problem("<script>alert(1)</script>")).as("shown escaped, never refused").isNull();
		assertThat(StaffNames.problem(" ")).isEqualTo("Enter a name.");
		assertThat(StaffNames.problem("a\nb")).contains("line breaks");
		assertThat(StaffNames.problem("n".repeat(201))).contains("at most 200");
	}

}
