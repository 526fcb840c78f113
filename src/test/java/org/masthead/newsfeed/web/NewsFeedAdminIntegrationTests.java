package org.masthead.newsfeed.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The newsroom's News feed page: Editors post, edit and delete items; bad input is shown field by field; Authors may not. */
@MastheadIntegrationTest
class NewsFeedAdminIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	NewsFeed feed;

	@Test
	void anEditorPostsEditsAndDeletesAnItem() {
		StaffBrowser browser = signedIn(Role.EDITOR);
		Page form = browser.get("/admin/news-feed");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html().select("form[action=/admin/news-feed] textarea#body")).hasSize(1);

		String headline = TestContent.unique("Lifeboat launched");
		Page posted = browser.post("/admin/news-feed", fields(headline, "The crew reached the yacht. Everyone is safe.", "on"));
		assertThat(posted.status()).isEqualTo(302);
		NewsFeedItem item = feed.page(1, 50).items().stream().filter(i -> i.headline().equals(headline)).findFirst().orElseThrow();
		assertThat(item.breaking()).isTrue();
		assertThat(item.postedBy()).startsWith("Editor ");
		assertThat(browser.follow(posted).html().select(".notice").text()).contains("Item posted");

		browser.get("/admin/news-feed/" + item.id());
		Page saved = browser.post("/admin/news-feed/" + item.id(), fields(headline + " again", "Everyone is safe.", null));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(feed.item(item.id()).orElseThrow().breaking()).isFalse();
		assertThat(feed.item(item.id()).orElseThrow().headline()).isEqualTo(headline + " again");

		browser.get("/admin/news-feed");
		assertThat(browser.post("/admin/news-feed/" + item.id() + "/delete", Map.of()).status()).isEqualTo(302);
		assertThat(feed.item(item.id())).isEmpty();
	}

	@Test
	void badInputIsShownFieldByFieldAndKeepsWhatWasTyped() {
		StaffBrowser browser = signedIn(Role.EDITOR);
		browser.get("/admin/news-feed");
		Page refused = browser.post("/admin/news-feed", fields("", "One. Two. Three. Four.", null));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("headline")).isEqualTo("Write a headline.");
		assertThat(refused.fieldError("body")).contains("one to three sentences");
		assertThat(refused.html().select("textarea#body").text()).isEqualTo("One. Two. Three. Four.");

		browser.get("/admin/news-feed");
		Map<String, String> linked = fields("<script>alert(1)</script>", "Fine.", null);
		linked.put("articleSlug", "no-such-article");
		linked.put("postedAt", "tomorrow");
		Page wrong = browser.post("/admin/news-feed", linked);
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.fieldError("postedAt")).isNotBlank();
		assertThat(wrong.body()).doesNotContain("<script>alert(1)</script>");

		browser.get("/admin/news-feed");
		Page noToken = browser.postExactly("/admin/news-feed", fields("Forged", "No CSRF token.", null));
		assertThat(noToken.status()).isEqualTo(403);
	}

	@Test
	void authorsMayNotRunTheNewsFeed() {
		StaffBrowser browser = signedIn(Role.AUTHOR);
		assertThat(browser.get("/admin/news-feed").status()).isEqualTo(403);
		assertThat(browser.post("/admin/news-feed", fields("Sneaky", "Not allowed.", null)).status()).isEqualTo(403);
	}

	private StaffBrowser signedIn(Role role) {
		Credentials staff = TestStaff.create(accounts, role);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(staff.email(), StaffBrowser.PASSWORD);
		return browser;
	}

	private static Map<String, String> fields(String headline, String body, String breaking) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("headline", headline);
		fields.put("body", body);
		fields.put("articleSlug", "");
		fields.put("postedAt", "");
		if (breaking != null) {
			fields.put("breaking", breaking);
		}
		return fields;
	}

}
