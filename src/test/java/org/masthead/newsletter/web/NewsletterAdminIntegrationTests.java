package org.masthead.newsletter.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.NewsletterStatus;
import org.masthead.newsletter.Newsletters;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The newsroom's newsletter pages: Editors create and change newsletters, bad input shown field by field; Authors may not. */
@MastheadIntegrationTest
class NewsletterAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Newsletters newsletters;

	@Test
	void anEditorCreatesAndChangesANewsletter() {
		StaffBrowser browser = signedIn(Role.EDITOR);
		assertThat(browser.get("/admin/newsletters").status()).isEqualTo(200);
		browser.get("/admin/newsletters/new");
		String slug = "harbour-notes-" + System.nanoTime() % 1_000_000;
		Page created = browser.post("/admin/newsletters/new", fields("Harbour Notes", slug, "on"));
		assertThat(created.status()).isEqualTo(302);
		Newsletter made = newsletters.bySlug(slug).orElseThrow();
		assertThat(made.name()).isEqualTo("Harbour Notes");
		assertThat(made.hostName()).isEqualTo("Mykola Bondar");
		assertThat(made.trackingEnabled()).isTrue();
		assertThat(made.status()).isEqualTo(NewsletterStatus.ACTIVE);
		assertThat(browser.follow(created).html().select("table").text()).contains("Harbour Notes", "Every Monday");

		browser.get("/admin/newsletters/" + made.id());
		Map<String, String> changed = fields("Harbour Notes Weekly", slug, null);
		changed.put("status", "PAUSED");
		changed.put("position", "7");
		assertThat(browser.post("/admin/newsletters/" + made.id(), changed).status()).isEqualTo(302);
		Newsletter saved = newsletters.byId(made.id()).orElseThrow();
		assertThat(saved.name()).isEqualTo("Harbour Notes Weekly");
		assertThat(saved.status()).isEqualTo(NewsletterStatus.PAUSED);
		assertThat(saved.position()).isEqualTo(7);
		assertThat(saved.trackingEnabled()).isFalse();
		assertThat(newsletters.active()).noneMatch(n -> n.id() == made.id());
	}

	@Test
	void badInputIsShownFieldByField() {
		StaffBrowser browser = signedIn(Role.EDITOR);
		browser.get("/admin/newsletters/new");
		Map<String, String> bad = fields("", "Not A Slug!", null);
		bad.put("senderAddress", "desk@ledger.example\r\nBcc: everyone@example.com");
		bad.put("replyTo", "no-domain@");
		bad.put("position", "first");
		bad.put("cadence", "x".repeat(101));
		Page refused = browser.post("/admin/newsletters/new", bad);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("name")).isEqualTo("Enter a name.");
		assertThat(refused.fieldError("slug")).contains("lower-case letters");
		assertThat(refused.fieldError("senderAddress")).contains("without line breaks");
		assertThat(refused.fieldError("replyTo")).contains("one email address");
		assertThat(refused.fieldError("position")).contains("0 to 9999");
		assertThat(refused.fieldError("cadence")).contains("at most 100");
		assertThat(refused.html().select("input#slug").attr("value")).isEqualTo("Not A Slug!");

		String slug = "twice-" + System.nanoTime() % 1_000_000;
		browser.get("/admin/newsletters/new");
		assertThat(browser.post("/admin/newsletters/new", fields("Once", slug, null)).status()).isEqualTo(302);
		browser.get("/admin/newsletters/new");
		Page duplicate = browser.post("/admin/newsletters/new", fields("Twice", slug, null));
		assertThat(duplicate.status()).isEqualTo(422);
		assertThat(duplicate.fieldError("slug")).contains("Another newsletter");
	}

	@Test
	void authorsMayNotManageNewsletters() {
		StaffBrowser browser = signedIn(Role.AUTHOR);
		assertThat(browser.get("/admin/newsletters").status()).isEqualTo(403);
		assertThat(browser.post("/admin/newsletters/new", fields("Sneaky", "sneaky", null)).status()).isEqualTo(403);
	}

	private static Map<String, String> fields(String name, String slug, String tracking) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("slug", slug);
		form.put("description", "Ships in, ships out, and what the port authority decided this week.");
		form.put("hostName", "Mykola Bondar");
		form.put("cadence", "Every Monday");
		form.put("senderName", "Harbour Notes");
		form.put("senderAddress", "harbour@ledger.example");
		form.put("replyTo", "");
		form.put("status", "ACTIVE");
		form.put("position", "40");
		if (tracking != null) {
			form.put("tracking", tracking);
		}
		return form;
	}

	private StaffBrowser signedIn(Role role) {
		Credentials staff = TestStaff.create(accounts, role);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(staff.email(), StaffBrowser.PASSWORD);
		return browser;
	}

}
