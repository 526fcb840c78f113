package org.masthead.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A staff member's own account page: name, password, turning two-factor sign-in off. */
@MastheadIntegrationTest
class AccountIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	StaffDirectory directory;

	@Test
	void renamingShowsAtOnceAndRefusesBadNames() {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(author.email(), StaffBrowser.PASSWORD);
		browser.get("/admin/account");
		assertThat(browser.post("/admin/account/name", Map.of("name", "")).fieldError("name")).isEqualTo("Enter a name.");
		assertThat(browser.post("/admin/account/name", Map.of("name", "n".repeat(201))).fieldError("name"))
			.contains("at most 200");
		assertThat(browser.post("/admin/account/name", Map.of("name", "Evil\r\nSet-Cookie: x=y")).fieldError("name"))
			.contains("line breaks");
		Page renamed = browser.post("/admin/account/name", Map.of("name", "<b>Marta</b> Bondarenko"));
		assertThat(renamed.location()).endsWith("/admin/account?renamed");
		Page account = browser.follow(renamed);
		assertThat(account.html().select(".who span").text()).startsWith("<b>Marta</b> Bondarenko");
		assertThat(account.html().select(".who b")).isEmpty();
		assertThat(directory.find(author.id()).orElseThrow().name()).isEqualTo("<b>Marta</b> Bondarenko");
	}

	@Test
	void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherSessions() {
		Credentials editor = TestStaff.create(accounts, Role.EDITOR);
		StaffBrowser phone = new StaffBrowser(port);
		phone.signIn(editor.email(), StaffBrowser.PASSWORD);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(editor.email(), StaffBrowser.PASSWORD);
		browser.get("/admin/account");

		Page wrong = browser.post("/admin/account/password",
				Map.of("currentPassword", "not my password", "newPassword", "a brand new passphrase"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.fieldError("currentPassword")).contains("not your current password");
		Page weak = browser.post("/admin/account/password",
				Map.of("currentPassword", StaffBrowser.PASSWORD, "newPassword", editor.email()));
		assertThat(weak.fieldError("newPassword")).contains("email");
		Page empty = browser.post("/admin/account/password", Map.of("currentPassword", "", "newPassword", ""));
		assertThat(empty.fieldError("currentPassword")).isNotNull();
		assertThat(empty.fieldError("newPassword")).isEqualTo("Enter a password.");

		Page changed = browser.post("/admin/account/password",
				Map.of("currentPassword", StaffBrowser.PASSWORD, "newPassword", "a brand new passphrase"));
		assertThat(changed.location()).endsWith("/admin/account?password-changed");
		assertThat(browser.get("/admin/account").status()).as("this session stays").isEqualTo(200);
		assertThat(phone.get("/admin/account").status()).as("the others end").isEqualTo(302);
		assertThat(new StaffBrowser(port).signIn(editor.email(), StaffBrowser.PASSWORD).location()).endsWith("?error");
		assertThat(new StaffBrowser(port).signIn(editor.email(), "a brand new passphrase").location()).contains("/admin/");
	}

	@Test
	void twoFactorSignInIsTurnedOffOnlyWithACurrentCode() throws Exception {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(author.email(), StaffBrowser.PASSWORD);
		String secret = browser.get("/admin/account/two-factor").html().selectFirst("code.secret").text();
		browser.post("/admin/account/two-factor", Map.of("code", TwoFactorIntegrationTests.code(secret, 0)));
		Page account = browser.get("/admin/account");
		assertThat(account.body()).contains("On: signing in asks for a code");

		Page wrong = browser.post("/admin/account/two-factor/disable", Map.of("disableCode", "12"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.fieldError("disableCode")).contains("not right");
		Page off = browser.post("/admin/account/two-factor/disable",
				Map.of("disableCode", TwoFactorIntegrationTests.code(secret, 1)));
		assertThat(off.location()).as(off.status() + " " + off.html().select(".error-summary, .field-error").text()).endsWith("?two-factor-off");
		browser.post("/admin/logout", Map.of("_csrf", browser.follow(off).html().selectFirst("input[name=_csrf]").attr("value")));
		assertThat(new StaffBrowser(port).signIn(author.email(), StaffBrowser.PASSWORD).location())
			.as("no code step any more").doesNotContain("/code");
	}

}
