package org.masthead.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.identity.account.StaffSessions;
import org.masthead.identity.signin.SignInThrottle;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out: sessions, cookies, CSRF, throttling and lockout. */
@MastheadIntegrationTest
class SignInIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	StaffSessions sessions;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@Test
	void staffSignInGetsAnHttpOnlySameSiteSessionAndReachesNewsroomPages() {
		Credentials editor = TestStaff.create(accounts, Role.EDITOR);
		StaffBrowser browser = new StaffBrowser(port);
		assertThat(browser.get("/admin/account").location()).endsWith("/admin/login");

		Page signedIn = browser.signIn(editor.email().toUpperCase(), StaffBrowser.PASSWORD);
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).as("back to the page first asked for").contains("/admin/account");
		assertThat(signedIn.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("masthead_session=")
			.containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure"));

		Page account = browser.get("/admin/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(jdbc.sql("select max_inactive_interval from spring_session where principal_name = :name")
			.param("name", "staff:" + editor.id()).query(Integer.class).single()).as("12 hours once signed in")
			.isEqualTo(12 * 3600);
		assertThat(account.body()).contains(editor.email(), "Editor", "Sign out");
		assertThat(account.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(browser.get("/admin/staff").status()).as("Editors are not Administrators").isEqualTo(403);
	}

	@Test
	void sessionCookieIsSecureBehindAnHttpsProxy() {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser browser = new StaffBrowser(port).header("X-Forwarded-Proto", "https");
		Page signedIn = browser.signIn(author.email(), StaffBrowser.PASSWORD);
		assertThat(signedIn.setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("masthead_session=")
			.containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
		assertThat(signedIn.location()).startsWith("https://");
	}

	@Test
	void wrongPasswordAndUnknownEmailReadTheSame() {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser browser = new StaffBrowser(port);
		Page wrongPassword = browser.follow(browser.signIn(author.email(), "not the password at all"));
		Page unknown = browser.follow(browser.signIn("nobody-" + author.email(), "not the password at all"));
		assertThat(wrongPassword.status()).isEqualTo(200);
		assertThat(wrongPassword.html().select(".form-error").text()).isEqualTo(unknown.html().select(".form-error").text())
			.contains("not right");
		assertThat(browser.get("/admin/account").status()).isEqualTo(302);
	}

	@Test
	void fiveFailuresLockTheEmailAddressEvenForTheRightPassword() {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		for (int i = 0; i < 4; i++) {
			assertThat(new StaffBrowser(port).signIn(author.email(), "wrong password " + i).location()).endsWith("?error");
		}
		StaffBrowser attacker = new StaffBrowser(port);
		assertThat(attacker.signIn(author.email(), "wrong password 5").location()).endsWith("?locked");
		StaffBrowser owner = new StaffBrowser(port);
		Page locked = owner.signIn(author.email(), StaffBrowser.PASSWORD);
		assertThat(locked.location()).endsWith("?locked");
		assertThat(owner.follow(locked).body()).contains("Too many failed attempts");

		// an address nobody owns locks the same way, so the lock reveals nothing
		String nobody = "nobody-" + author.email();
		for (int i = 0; i < 4; i++) {
			new StaffBrowser(port).signIn(nobody, "wrong password " + i);
		}
		assertThat(new StaffBrowser(port).signIn(nobody, "wrong password 5").location()).endsWith("?locked");
	}

	@Test
	void oneClientAddressIsThrottledAcrossEmailAddresses() {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser attacker = new StaffBrowser(port);
		assertThat(attacker.signIn("spray@newsroom.test", "password guess").location()).endsWith("?error");
		for (int i = 1; i < 49; i++) { // the same as 48 more sign-in forms from that address, only faster
			throttle.recordFailure("spray-" + i + "@newsroom.test", attacker.clientAddress());
		}
		assertThat(attacker.signIn("spray-last@newsroom.test", "password guess").location()).endsWith("?locked");
		assertThat(attacker.signIn(author.email(), StaffBrowser.PASSWORD).location()).endsWith("?locked");
		assertThat(new StaffBrowser(port).signIn(author.email(), StaffBrowser.PASSWORD).location())
			.as("another address is not affected").doesNotContain("locked");
	}

	@Test
	void formsWithoutOrWithAWrongCsrfTokenAreRefused() {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser browser = new StaffBrowser(port);
		browser.get("/admin/login");
		assertThat(browser.postExactly("/admin/login", Map.of("email", author.email(), "password", StaffBrowser.PASSWORD))
			.status()).isEqualTo(403);
		assertThat(browser.postExactly("/admin/login",
				Map.of("email", author.email(), "password", StaffBrowser.PASSWORD, "_csrf", "forged")).status())
			.isEqualTo(403);
		browser.signIn(author.email(), StaffBrowser.PASSWORD);
		browser.get("/admin/account");
		assertThat(browser.postExactly("/admin/account/name", Map.of("name", "Renamed", "_csrf", "forged")).status())
			.isEqualTo(403);
		assertThat(browser.postExactly("/admin/logout", Map.of()).status()).isEqualTo(403);
		assertThat(browser.get("/admin/account").status()).as("still signed in").isEqualTo(200);
	}

	@Test
	void signOutEndsTheSessionAndSignOutEverywhereEndsAllOfThem() {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser laptop = new StaffBrowser(port);
		StaffBrowser phone = new StaffBrowser(port);
		StaffBrowser tablet = new StaffBrowser(port);
		for (StaffBrowser browser : new StaffBrowser[] { laptop, phone, tablet }) {
			browser.signIn(author.email(), StaffBrowser.PASSWORD);
			assertThat(browser.get("/admin/account").status()).isEqualTo(200);
		}
		assertThat(sessions.count(author.id())).isEqualTo(3);

		Page signedOut = tablet.post("/admin/logout", Map.of());
		assertThat(signedOut.location()).endsWith("/admin/login?signed-out");
		assertThat(tablet.get("/admin/account").status()).isEqualTo(302);
		assertThat(sessions.count(author.id())).isEqualTo(2);

		laptop.get("/admin/account");
		assertThat(laptop.post("/admin/account/sign-out-everywhere", Map.of()).location()).endsWith("?signed-out");
		assertThat(laptop.get("/admin/account").status()).isEqualTo(302);
		assertThat(phone.get("/admin/account").status()).isEqualTo(302);
		assertThat(sessions.count(author.id())).isZero();
	}

	@Test
	void readerPagesNeverCreateASessionButSeeTheSignedInStaffMember() {
		StaffBrowser reader = new StaffBrowser(port);
		Page home = reader.get("/");
		assertThat(home.setCookies()).noneMatch(cookie -> cookie.startsWith("masthead_session"));
		assertThat(reader.get("/admin/login").setCookies()).anyMatch(cookie -> cookie.startsWith("masthead_session"));
	}

	@Test
	void disabledStaffLoseTheirSessionsAndCannotSignIn() {
		Credentials admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser authorBrowser = new StaffBrowser(port);
		authorBrowser.signIn(author.email(), StaffBrowser.PASSWORD);
		assertThat(authorBrowser.get("/admin/account").status()).isEqualTo(200);

		StaffBrowser adminBrowser = new StaffBrowser(port);
		adminBrowser.signIn(admin.email(), StaffBrowser.PASSWORD);
		adminBrowser.get("/admin/staff");
		assertThat(adminBrowser.post("/admin/staff/" + author.id() + "/disable", Map.of()).location())
			.endsWith("/admin/staff");
		assertThat(authorBrowser.get("/admin/account").status()).isEqualTo(302);
		assertThat(new StaffBrowser(port).signIn(author.email(), StaffBrowser.PASSWORD).location()).endsWith("?error");
	}

}
