package org.masthead.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.identity.account.StaffSessions;
import org.masthead.platform.AuditLog;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators manage staff: roles, disabling, the audit log. */
@MastheadIntegrationTest
@RecordApplicationEvents
class StaffManagementIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	StaffSessions sessions;

	@Autowired
	StaffDirectory directory;

	@Autowired
	AuditLog audit;

	@Test
	void aRoleChangeIsAuditedAndEndsTheStaffMembersSessions() {
		Credentials admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		Credentials contributor = TestStaff.create(accounts, Role.CONTRIBUTOR);
		StaffBrowser theirs = new StaffBrowser(port);
		theirs.signIn(contributor.email(), StaffBrowser.PASSWORD);
		assertThat(theirs.get("/admin/account").body()).contains("Contributor");

		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(admin.email(), StaffBrowser.PASSWORD);
		Page staff = browser.get("/admin/staff");
		assertThat(staff.body()).contains(contributor.email());
		assertThat(staff.html().select("select#role-" + admin.id())).as("no role form for oneself").isEmpty();
		Page changed = browser.post("/admin/staff/" + contributor.id() + "/role", Map.of("role", "EDITOR"));
		assertThat(browser.follow(changed).body()).contains("Role changed");

		assertThat(directory.find(contributor.id()).orElseThrow().role()).isEqualTo(Role.EDITOR);
		assertThat(audit.recent(10, 0)).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("staff.role-changed");
			assertThat(entry.actorId()).isEqualTo(admin.id());
			assertThat(entry.actorName()).isEqualTo(admin.name());
			assertThat(entry.subject()).contains("staff:" + contributor.id());
			assertThat(entry.details()).isEqualTo("Contributor → Editor");
		});
		assertThat(theirs.get("/admin/account").status()).as("signed out by the change").isEqualTo(302);
		theirs.signIn(contributor.email(), StaffBrowser.PASSWORD);
		assertThat(theirs.get("/admin/account").body()).contains("Editor");

		Page audited = browser.get("/admin/audit");
		assertThat(audited.status()).isEqualTo(200);
		assertThat(audited.body()).contains("staff.role-changed", "Contributor → Editor");
		assertThat(theirs.get("/admin/audit").status()).as("Editors do not read the audit log").isEqualTo(403);
	}

	@Test
	void administratorsCannotChangeTheirOwnRoleOrDisableThemselves() {
		Credentials admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(admin.email(), StaffBrowser.PASSWORD);
		browser.get("/admin/staff");
		assertThat(browser.follow(browser.post("/admin/staff/" + admin.id() + "/role", Map.of("role", "CONTRIBUTOR")))
			.body()).contains("cannot change your own role");
		assertThat(browser.follow(browser.post("/admin/staff/" + admin.id() + "/disable", Map.of())).body())
			.contains("cannot disable your own account");
		assertThat(browser.follow(browser.post("/admin/staff/" + admin.id() + "/role", Map.of("role", "OWNER"))).body())
			.contains("Choose a role");
		assertThat(directory.find(admin.id()).orElseThrow().role()).isEqualTo(Role.ADMINISTRATOR);
		assertThat(browser.get("/admin/staff/not-a-number/role").status()).isIn(400, 404, 405);
	}

	@Test
	void roleChangesAndDisablingArePublishedAsEvents(ApplicationEvents events) {
		Credentials admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffMember actor = directory.find(admin.id()).orElseThrow();
		assertThat(accounts.changeRole(actor, author.id(), Role.EDITOR)).isEmpty();
		assertThat(accounts.disable(actor, author.id())).isEmpty();
		assertThat(events.stream(StaffRoleChanged.class))
			.containsExactly(new StaffRoleChanged(author.id(), Role.AUTHOR, Role.EDITOR, admin.id()));
		assertThat(events.stream(StaffDisabled.class)).containsExactly(new StaffDisabled(author.id(), admin.id()));
		assertThat(accounts.enable(actor, author.id())).isEmpty();
		assertThat(audit.recent(5, 0)).extracting(AuditLog.Entry::action).contains("staff.disabled", "staff.enabled");
	}

	@Test
	void anAdministratorResetsTheTwoFactorSignInOfSomeoneWhoLostTheirPhone() throws Exception {
		Credentials admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		StaffBrowser theirs = new StaffBrowser(port);
		theirs.signIn(author.email(), StaffBrowser.PASSWORD);
		String secret = theirs.get("/admin/account/two-factor").html().selectFirst("code.secret").text();
		theirs.post("/admin/account/two-factor", Map.of("code", TwoFactorIntegrationTests.code(secret, 0)));
		assertThat(new StaffBrowser(port).signIn(author.email(), StaffBrowser.PASSWORD).location()).endsWith("/code");

		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(admin.email(), StaffBrowser.PASSWORD);
		Page staff = browser.get("/admin/staff");
		assertThat(staff.html().select("form[action=/admin/staff/" + author.id() + "/two-factor/reset]")).hasSize(1);
		assertThat(browser.follow(browser.post("/admin/staff/" + author.id() + "/two-factor/reset", Map.of())).body())
			.contains("Two-factor sign-in is reset");
		assertThat(theirs.get("/admin/account").status()).as("their sessions ended").isEqualTo(302);
		assertThat(new StaffBrowser(port).signIn(author.email(), StaffBrowser.PASSWORD).location())
			.doesNotContain("/code");
		assertThat(audit.recent(5, 0)).anyMatch(entry -> entry.action().equals("staff.two-factor-reset")
				&& entry.actorId() == admin.id() && entry.subject().contains("staff:" + author.id()));
		assertThat(new StaffBrowser(port).signIn(author.email(), StaffBrowser.PASSWORD).status()).isEqualTo(302);
	}

	@Test
	void theAuditLogPagesThroughOlderEntries() {
		Credentials admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		for (int i = 0; i < 55; i++) {
			audit.record(admin.id(), admin.name(), "test.entry", "entry " + i, null);
		}
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(admin.email(), StaffBrowser.PASSWORD);
		Page first = browser.get("/admin/audit");
		assertThat(first.html().select("table.audit tbody tr")).hasSize(50);
		assertThat(first.html().select("a[rel=next]").attr("href")).isEqualTo("/admin/audit?page=2");
		Page second = browser.get("/admin/audit?page=2");
		assertThat(second.html().select("table.audit tbody tr")).isNotEmpty();
		assertThat(second.html().select("a[rel=prev]").attr("href")).isEqualTo("/admin/audit?page=1");
		assertThat(browser.get("/admin/audit?page=-3").status()).isEqualTo(200);
		assertThat(browser.get("/admin/audit?page=abc").status()).isEqualTo(200);
	}

	@Test
	void theNewsroomNavigationShowsAdministratorPagesOnlyToAdministrators() {
		StaffBrowser admin = new StaffBrowser(port);
		admin.signIn(TestStaff.create(accounts, Role.ADMINISTRATOR).email(), StaffBrowser.PASSWORD);
		assertThat(admin.get("/admin/account").html().select("nav a").eachAttr("href"))
			.contains("/admin/", "/admin/articles", "/admin/staff", "/admin/tokens", "/admin/audit", "/admin/account");
		StaffBrowser author = new StaffBrowser(port);
		author.signIn(TestStaff.create(accounts, Role.AUTHOR).email(), StaffBrowser.PASSWORD);
		assertThat(author.get("/admin/account").html().select("nav a").eachAttr("href"))
			.contains("/admin/articles", "/admin/account").doesNotContain("/admin/staff", "/admin/tokens", "/admin/audit");
	}

}
