package org.masthead.identity;

import java.time.Instant;
import java.util.Map;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.Test;
import org.masthead.identity.account.IdentitySettings;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.platform.AuditLog;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Two-factor sign-in: enrolment with an authenticator app, the code step, and the newsroom-wide requirement. */
@MastheadIntegrationTest
class TwoFactorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	IdentitySettings settings;

	@Autowired
	AuditLog audit;

	@Test
	void staffEnrolAndThenSignInWithACodeThatWorksOnlyOnce() throws Exception {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(author.email(), StaffBrowser.PASSWORD);
		Page enrol = browser.get("/admin/account/two-factor");
		assertThat(enrol.status()).isEqualTo(200);
		assertThat(enrol.html().selectFirst("img.qr").attr("src")).startsWith("data:image/png;base64,");
		assertThat(enrol.body()).contains("otpauth://totp/");
		String secret = enrol.html().selectFirst("code.secret").text();

		Page wrong = browser.post("/admin/account/two-factor", Map.of("code", "000000".equals(code(secret, 0)) ? "111111" : "000000"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.fieldError("code")).contains("not right");
		assertThat(wrong.html().getElementById("code").attr("aria-describedby")).isEqualTo("code-error");
		assertThat(browser.post("/admin/account/two-factor", Map.of("code", "<script>alert(1)</script>")).status())
			.isEqualTo(422);

		String enrolCode = code(secret, 0);
		assertThat(browser.post("/admin/account/two-factor", Map.of("code", enrolCode)).location())
			.endsWith("/admin/account?two-factor-on");
		browser.get("/admin/account");
		browser.post("/admin/logout", Map.of());

		Page password = browser.signIn(author.email(), StaffBrowser.PASSWORD);
		assertThat(password.location()).endsWith("/admin/login/code");
		assertThat(browser.get("/admin/account").location()).as("no newsroom page before the code")
			.endsWith("/admin/login/code");
		browser.get("/admin/login/code");
		Page replayed = browser.post("/admin/login/code", Map.of("code", enrolCode));
		assertThat(replayed.status()).as("a code is accepted only once").isEqualTo(422);
		Page signedIn = browser.post("/admin/login/code", Map.of("code", code(secret, 1)));
		assertThat(signedIn.location()).contains("/admin/");
		assertThat(browser.get("/admin/account").status()).isEqualTo(200);
	}

	@Test
	void wrongCodesCountTowardsTheLockout() throws Exception {
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(author.email(), StaffBrowser.PASSWORD);
		String secret = browser.get("/admin/account/two-factor").html().selectFirst("code.secret").text();
		browser.post("/admin/account/two-factor", Map.of("code", code(secret, 0)));
		browser.get("/admin/account");
		browser.post("/admin/logout", Map.of());

		browser.signIn(author.email(), StaffBrowser.PASSWORD);
		browser.get("/admin/login/code");
		Page answer = null;
		for (int i = 0; i < 5; i++) {
			answer = browser.post("/admin/login/code", Map.of("code", "12345" + i));
		}
		assertThat(answer.location()).endsWith("/admin/login?locked");
		assertThat(browser.get("/admin/login/code").status()).as("the password step is gone").isEqualTo(302);
	}

	@Test
	void whenAnAdministratorRequiresTwoFactorStaffWithoutItMustEnrolFirst() throws Exception {
		Credentials admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		Credentials contributor = TestStaff.create(accounts, Role.CONTRIBUTOR);
		StaffBrowser adminBrowser = new StaffBrowser(port);
		adminBrowser.signIn(admin.email(), StaffBrowser.PASSWORD);
		adminBrowser.get("/admin/staff");
		try {
			assertThat(adminBrowser.post("/admin/settings/two-factor", Map.of("required", "1")).location())
				.endsWith("/admin/staff");
			assertThat(settings.isTwoFactorRequired()).isTrue();
			assertThat(audit.recent(5, 0)).anySatisfy(entry -> {
				assertThat(entry.action()).isEqualTo("settings.changed");
				assertThat(entry.actorId()).isEqualTo(admin.id());
			});
			assertThat(adminBrowser.get("/admin/staff").location()).as("the Administrator too")
				.endsWith("/admin/account/two-factor?required");

			StaffBrowser browser = new StaffBrowser(port);
			browser.signIn(contributor.email(), StaffBrowser.PASSWORD);
			assertThat(browser.get("/admin/account").location()).endsWith("/admin/account/two-factor?required");
			assertThat(browser.get("/admin/articles").location()).endsWith("/admin/account/two-factor?required");
			Page enrol = browser.get("/admin/account/two-factor?required");
			assertThat(enrol.body()).contains("requires two-factor sign-in");
			String secret = enrol.html().selectFirst("code.secret").text();
			browser.post("/admin/account/two-factor", Map.of("code", code(secret, 0)));
			assertThat(browser.get("/admin/account").status()).isEqualTo(200);
			Page refused = browser.post("/admin/account/two-factor/disable", Map.of("disableCode", code(secret, 1)));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.html().select(".error-summary").text()).contains("requires");
		}
		finally {
			settings.requireTwoFactor(new StaffMember(admin.id(), admin.email(), admin.name(), Role.ADMINISTRATOR), false);
		}
	}

	/** The code an authenticator app shows {@code stepsAhead} periods of 30 seconds from now. */
	static String code(String secret, int stepsAhead) throws Exception {
		long step = Instant.now().getEpochSecond() / 30 + stepsAhead;
		return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
	}

}
