package org.masthead.editorial.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestContent.Basics;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed-in staff at the newsroom's pages, and the form fields of a complete article. */
final class Newsdesk {

	private static final Pattern ARTICLE_ID = Pattern.compile("/admin/articles/(\\d+)");

	private Newsdesk() {
	}

	/** A staff member of this role, signed in through the real sign-in form. */
	static StaffBrowser signedIn(StaffAccounts accounts, int port, Role role) {
		Credentials staff = TestStaff.create(accounts, role);
		StaffBrowser browser = new StaffBrowser(port);
		Page answer = browser.signIn(staff.email(), StaffBrowser.PASSWORD);
		assertThat(answer.status()).as("signed in").isEqualTo(302);
		assertThat(answer.location()).doesNotContain("error");
		return browser;
	}

	/** Every field of the editor's form for an article ready to publish. */
	static Map<String, String> article(Basics basics, String slug, String headline) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("headline", headline);
		form.put("dek", "A dek for " + headline + ".");
		form.put("slug", slug);
		form.put("sectionId", String.valueOf(basics.sectionId()));
		form.put("tagIds", String.valueOf(basics.tagId()));
		form.put("authorIds", String.valueOf(basics.authorId()));
		form.put("heroImageId", "");
		form.put("heroAlt", "");
		form.put("heroCaption", "");
		form.put("heroCredit", "");
		form.put("bodyHtml", "<p>The first paragraph of " + headline + ".</p>");
		form.put("language", "en");
		form.put("seoTitle", "");
		form.put("seoDescription", "");
		form.put("revision", "0");
		return form;
	}

	/** Creates an article through the form; returns its id. */
	static long create(StaffBrowser browser, Map<String, String> form) {
		browser.get("/admin/articles/new");
		Page created = browser.post("/admin/articles", form);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		return idIn(created.location());
	}

	static long idIn(String location) {
		Matcher m = ARTICLE_ID.matcher(location);
		assertThat(m.find()).as(location).isTrue();
		return Long.parseLong(m.group(1));
	}

	/** The revision the editor page carries in its hidden field. */
	static String revision(Page editor) {
		return editor.html().selectFirst("input[name=revision]").attr("value");
	}

	static Map<String, String> with(Map<String, String> form, String... pairs) {
		Map<String, String> changed = new LinkedHashMap<>(form);
		for (int i = 0; i < pairs.length; i += 2) {
			changed.put(pairs[i], pairs[i + 1]);
		}
		return changed;
	}

}
