package org.masthead.site.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.masthead.content.Newsroom;
import org.masthead.content.WorkingCopies;
import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Edit post" on the reader's article page: shown to signed-in staff who may edit the article,
 * never to readers, and never served to a reader from the page cache, whatever came first.
 */
@MastheadIntegrationTest
class EditPostLinkIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Newsroom newsroom;

	@Autowired
	WorkingCopies copies;

	@Test
	void staffWhoMayEditSeeTheLinkAndReadersNeverDoEvenAfterAStaffVisit() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("edit-link");
		long id = copies.create(basics.draft(slug, "Ferry strike called off", "<p>Talks succeeded.</p>"), null);
		newsroom.publish(id, Instant.now());
		String path = "/" + slug + "/";

		StaffBrowser editor = signedIn(Role.EDITOR);
		StaffBrowser.Page staffPage = editor.get(path);
		assertThat(staffPage.status()).isEqualTo(200);
		assertThat(staffPage.html().select(".edit-post a").attr("href")).isEqualTo("/admin/articles/" + id);
		assertThat(staffPage.headers().firstValue("X-Cache").orElse("")).doesNotContain("HIT");

		StaffBrowser reader = new StaffBrowser(port);
		StaffBrowser.Page first = reader.get(path);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body()).doesNotContain("Edit post", "/admin/articles/");
		StaffBrowser.Page cached = reader.get(path);
		assertThat(cached.body()).as("the cached copy").doesNotContain("Edit post").isEqualTo(first.body());
		assertThat(reader.cookie("masthead_session")).as("readers get no session").isEmpty();

		assertThat(editor.get(path).body()).as("staff still bypass the cache").contains("Edit post");
		assertThat(new StaffBrowser(port).get(path).body()).doesNotContain("Edit post");
	}

	@Test
	void staffWhoMayNotEditTheArticleSeeNoLink() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("no-link");
		Credentials owner = TestStaff.create(accounts, Role.AUTHOR);
		long id = copies.create(basics.draft(slug, "Someone else's story", "<p>Text.</p>"), owner.id());
		newsroom.publish(id, Instant.now());

		StaffBrowser contributor = signedIn(Role.CONTRIBUTOR);
		assertThat(contributor.get("/" + slug + "/").body()).contains("Someone else's story").doesNotContain("Edit post");
		StaffBrowser otherAuthor = signedIn(Role.AUTHOR);
		assertThat(otherAuthor.get("/" + slug + "/").body()).doesNotContain("Edit post");

		StaffBrowser author = new StaffBrowser(port);
		author.signIn(owner.email(), StaffBrowser.PASSWORD);
		assertThat(author.get("/" + slug + "/").body()).as("authors edit their own").contains("Edit post");
	}

	private StaffBrowser signedIn(Role role) {
		Credentials staff = TestStaff.create(accounts, role);
		StaffBrowser browser = new StaffBrowser(port);
		assertThat(browser.signIn(staff.email(), StaffBrowser.PASSWORD).status()).isEqualTo(302);
		return browser;
	}

}
