package org.masthead.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.platform.AuditLog;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Inviting staff by email (a real SMTP server, GreenMail) and accepting the single-use link. */
@MastheadIntegrationTest
class InvitationIntegrationTests {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("masthead.identity.mail-from", () -> "newsroom@ledger.test");
	}

	@AfterAll
	static void stopMail() {
		SMTP.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	StaffDirectory directory;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	StaffBrowser admin;

	Credentials administrator;

	@BeforeEach
	void signInAdministrator() throws Exception {
		SMTP.purgeEmailFromAllMailboxes();
		administrator = TestStaff.create(accounts, Role.ADMINISTRATOR);
		admin = new StaffBrowser(port);
		admin.signIn(administrator.email(), StaffBrowser.PASSWORD);
		admin.get("/admin/staff");
	}

	@Test
	void inviteeFollowsTheMailedLinkOnceAndSignsInWithTheRole() throws Exception {
		String email = "new.author." + System.nanoTime() + "@ledger.test";
		Page sent = admin.post("/admin/staff/invitations", Map.of("email", email, "role", "AUTHOR"));
		assertThat(sent.location()).endsWith("/admin/staff");
		assertThat(admin.follow(sent).body()).contains("Invitation sent to " + email);

		MimeMessage mail = SMTP.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(email);
		assertThat(mail.getFrom()[0].toString()).isEqualTo("newsroom@ledger.test");
		assertThat(mail.getSubject()).contains("newsroom");
		String token = token(GreenMailUtil.getBody(mail));
		assertThat(jdbc.sql("select count(*) from staff_invitation where token_hash = :t").param("t", token)
			.query(Long.class).single()).as("only the hash is stored").isZero();

		StaffBrowser invitee = new StaffBrowser(port);
		Page form = invitee.get("/admin/invite/accept?token=" + token);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains(email, "Author");
		Page weak = invitee.post("/admin/invite/accept", Map.of("token", token, "name", "", "password", "short"));
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.fieldError("name")).isEqualTo("Enter a name.");
		assertThat(weak.fieldError("password")).contains("12 characters");
		Page accepted = invitee.post("/admin/invite/accept",
				Map.of("token", token, "name", "Marta Shevchenko", "password", StaffBrowser.PASSWORD));
		assertThat(accepted.location()).endsWith("/admin/login?joined");
		assertThat(directory.all()).anySatisfy(member -> {
			assertThat(member.email()).isEqualTo(email);
			assertThat(member.role()).isEqualTo(Role.AUTHOR);
			assertThat(member.name()).isEqualTo("Marta Shevchenko");
		});

		Page replayed = new StaffBrowser(port).get("/admin/invite/accept?token=" + token);
		assertThat(replayed.status()).isEqualTo(410);
		assertThat(replayed.body()).contains("used already");
		StaffBrowser replay = new StaffBrowser(port);
		replay.get("/admin/login");
		assertThat(replay.post("/admin/invite/accept",
				Map.of("token", token, "name", "Mallory", "password", "another good password")).status()).isEqualTo(410);
		assertThat(directory.all()).noneMatch(member -> member.name().equals("Mallory"));

		assertThat(invitee.signIn(email, StaffBrowser.PASSWORD).location()).contains("/admin/");
		assertThat(invitee.get("/admin/account").body()).contains("Marta Shevchenko", "Author");
	}

	@Test
	void expiredAndUnknownLinksExplainThemselves() throws Exception {
		String email = "late." + System.nanoTime() + "@ledger.test";
		admin.post("/admin/staff/invitations", Map.of("email", email, "role", "CONTRIBUTOR"));
		String token = token(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]));
		jdbc.sql("update staff_invitation set expires_at = :past where email = :email")
			.param("past", Timestamp.from(Instant.now().minusSeconds(60))).param("email", email).update();

		StaffBrowser invitee = new StaffBrowser(port);
		Page expired = invitee.get("/admin/invite/accept?token=" + token);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.body()).contains("expired");
		invitee.get("/admin/login");
		assertThat(invitee.post("/admin/invite/accept",
				Map.of("token", token, "name", "Late", "password", StaffBrowser.PASSWORD)).status()).isEqualTo(410);
		assertThat(directory.all()).noneMatch(member -> member.email().equals(email));

		Page unknown = invitee.get("/admin/invite/accept?token=not-a-real-token");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body()).contains("not valid");
		assertThat(invitee.get("/admin/invite/accept?token=" + "x".repeat(1000)).status()).isEqualTo(404);
	}

	@Test
	void invitationFormRefusesBadInput() {
		Page empty = admin.post("/admin/staff/invitations", Map.of("email", "", "role", ""));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.fieldError("email")).isEqualTo("Enter an email address.");
		assertThat(empty.fieldError("role")).isEqualTo("Choose a role.");

		Page injection = admin.post("/admin/staff/invitations",
				Map.of("email", "a@b.c\r\nBcc: x@y.z", "role", "EDITOR"));
		assertThat(injection.fieldError("email")).contains("one email address");
		Page list = admin.post("/admin/staff/invitations", Map.of("email", "a@b.example, c@d.example", "role", "EDITOR"));
		assertThat(list.fieldError("email")).contains("one email address");
		Page tooLong = admin.post("/admin/staff/invitations",
				Map.of("email", "a".repeat(64) + "@" + "b".repeat(190) + ".example", "role", "EDITOR"));
		assertThat(tooLong.fieldError("email")).contains("at most 254");
		Page script = admin.post("/admin/staff/invitations", Map.of("email", "<script>@x.example", "role", "EDITOR"));
		assertThat(script.fieldError("email")).isNotNull();
		assertThat(script.html().select("script")).isEmpty();
		Page badRole = admin.post("/admin/staff/invitations", Map.of("email", "ok@ledger.test", "role", "OWNER"));
		assertThat(badRole.fieldError("role")).isEqualTo("Choose a role.");

		Page duplicate = admin.post("/admin/staff/invitations",
				Map.of("email", administrator.email().toUpperCase(), "role", "EDITOR"));
		assertThat(duplicate.fieldError("email")).contains("already has a staff account");
		assertThat(SMTP.getReceivedMessages()).isEmpty();

		assertThat(admin.postExactly("/admin/staff/invitations", Map.of("email", "x@ledger.test", "role", "EDITOR")).status())
			.as("no CSRF token").isEqualTo(403);
		StaffBrowser editor = new StaffBrowser(port);
		editor.signIn(TestStaff.create(accounts, Role.EDITOR).email(), StaffBrowser.PASSWORD);
		editor.get("/admin/account");
		assertThat(editor.post("/admin/staff/invitations", Map.of("email", "x@ledger.test", "role", "ADMINISTRATOR"))
			.status()).as("only Administrators invite").isEqualTo(403);
		assertThat(SMTP.getReceivedMessages()).isEmpty();
	}

	@Test
	void aNewInvitationReplacesTheOldLink() throws Exception {
		String email = "twice." + System.nanoTime() + "@ledger.test";
		admin.post("/admin/staff/invitations", Map.of("email", email, "role", "CONTRIBUTOR"));
		admin.get("/admin/staff");
		admin.post("/admin/staff/invitations", Map.of("email", email, "role", "EDITOR"));
		String first = token(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]));
		String second = token(GreenMailUtil.getBody(SMTP.getReceivedMessages()[1]));
		assertThat(new StaffBrowser(port).get("/admin/invite/accept?token=" + first).status()).isEqualTo(404);
		assertThat(new StaffBrowser(port).get("/admin/invite/accept?token=" + second).body()).contains("Editor");
		assertThat(audit.recent(20, 0)).filteredOn(entry -> entry.action().equals("staff.invited")
				&& entry.subject().contains(email)).hasSize(2);
	}

	private static String token(String body) {
		Matcher link = Pattern.compile("/admin/invite/accept\\?token=([A-Za-z0-9_-]+)").matcher(body.replace("=\r\n", ""));
		assertThat(link.find()).as(body).isTrue();
		return link.group(1);
	}

}
