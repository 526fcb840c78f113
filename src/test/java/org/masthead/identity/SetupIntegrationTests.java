package org.masthead.identity;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.masthead.identity.cli.AdminCommandRunner;
import org.masthead.platform.AuditLog;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First start: the setup page creates the owner on an empty database and then disappears. This
 * class has an application context (and database) of its own, so that it starts empty.
 */
@MastheadIntegrationTest
@TestPropertySource(properties = "masthead.test.context=empty-newsroom")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffDirectory directory;

	@Autowired
	AdminCommandRunner commands;

	@Autowired
	AuditLog audit;

	@Test
	@Order(1)
	void setupFormRefusesBadInputFieldByField() {
		assertThat(directory.hasAnyStaff()).isFalse();
		StaffBrowser browser = new StaffBrowser(port);
		Page form = browser.get("/admin/setup");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html().select("label[for=email], label[for=name], label[for=password]")).hasSize(3);

		Page empty = browser.post("/admin/setup", Map.of("email", "", "name", "", "password", ""));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.fieldError("email")).isEqualTo("Enter an email address.");
		assertThat(empty.fieldError("name")).isEqualTo("Enter a name.");
		assertThat(empty.fieldError("password")).isEqualTo("Enter a password.");
		assertThat(empty.html().getElementById("email").attr("aria-describedby")).isEqualTo("email-error");

		Page tooLong = browser.post("/admin/setup", Map.of("email", "a".repeat(250) + "@example.com", "name",
				"N".repeat(201), "password", "p".repeat(129)));
		assertThat(tooLong.fieldError("email")).contains("at most 254");
		assertThat(tooLong.fieldError("name")).contains("at most 200");
		assertThat(tooLong.fieldError("password")).contains("at most 128");

		Page malicious = browser.post("/admin/setup", Map.of("email", "owner@example.com\r\nBcc: x@y.z", "name",
				"<script>alert('x')</script>", "password", "x' OR 1=1"));
		assertThat(malicious.fieldError("email")).contains("one email address");
		assertThat(malicious.body()).doesNotContain("<script>alert");
		assertThat(malicious.html().select("script")).isEmpty();
		assertThat(malicious.html().getElementById("name").attr("value")).as("kept as text, rendered inert")
			.isEqualTo("<script>alert('x')</script>");
		assertThat(malicious.fieldError("password")).isEqualTo("Use at least 12 characters.");

		Page sameAsEmail = browser.post("/admin/setup",
				Map.of("email", "owner.long.address@example.com", "name", "Ola", "password", "OWNER.long.address@example.com"));
		assertThat(sameAsEmail.fieldError("password")).contains("must not be your email");

		assertThat(new StaffBrowser(port).postExactly("/admin/setup",
				Map.of("email", "owner@example.com", "name", "Ola", "password", StaffBrowser.PASSWORD)).status())
			.as("without a CSRF token").isEqualTo(403);
		assertThat(directory.hasAnyStaff()).isFalse();
	}

	@Test
	@Order(2)
	void ownerIsCreatedOnceAndTheSetupPageIsGoneAfterwards() {
		StaffBrowser browser = new StaffBrowser(port);
		browser.get("/admin/setup");
		Page created = browser.post("/admin/setup",
				Map.of("email", " Owner@Example.com ", "name", "Olena Kovalenko", "password", StaffBrowser.PASSWORD));
		assertThat(created.location()).endsWith("/admin/login?welcome");
		assertThat(browser.follow(created).body()).contains("The owner account is ready");
		assertThat(directory.all()).singleElement().satisfies(owner -> {
			assertThat(owner.email()).isEqualTo("owner@example.com");
			assertThat(owner.role()).isEqualTo(Role.ADMINISTRATOR);
		});
		assertThat(audit.recent(10, 0)).anyMatch(entry -> entry.action().equals("staff.owner-created"));

		assertThat(browser.get("/admin/setup").status()).isEqualTo(404);
		assertThat(browser.post("/admin/setup", Map.of("email", "second@example.com", "name", "Second", "password",
				StaffBrowser.PASSWORD)).status()).isEqualTo(404);
		assertThat(browser.signIn("owner@example.com", StaffBrowser.PASSWORD).location()).contains("/admin/");
		assertThat(browser.get("/admin/staff").status()).isEqualTo(200);
	}

	@Test
	@Order(3)
	void theCommandLineRefusesASecondOwner() {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		int code = commands.execute("create-owner", Map.of("email", "other@example.com", "name", "Other", "password-stdin",
				StaffBrowser.PASSWORD), new java.io.PrintStream(out), new java.io.PrintStream(err));
		assertThat(code).isEqualTo(1);
		assertThat(err.toString()).contains("owner account exists already");
		assertThat(directory.all()).hasSize(1);
	}

}
