package org.masthead.editorial.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.Newsroom;
import org.masthead.content.WorkingCopies;
import org.masthead.content.WorkingCopy;
import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.editorial.web.Newsdesk.article;
import static org.masthead.editorial.web.Newsdesk.with;

/**
 * The editor page as a plain form: writing, saving, the warning when someone else saved first,
 * publishing checks next to their fields, and bad input that never gets stored as markup or
 * answered with a 500.
 */
@MastheadIntegrationTest
class ArticleEditorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Newsroom newsroom;

	@Autowired
	WorkingCopies copies;

	@Autowired
	ArticleCatalog catalog;

	@Test
	void dashboardListsMyDraftsAndOffersANewArticle() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		long id = Newsdesk.create(author, article(basics, TestContent.unique("dash"), "Night ferry returns"));

		Page dashboard = author.get("/admin/");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.html().select("a[href=/admin/articles/new]").text()).isEqualTo("New article");
		assertThat(dashboard.html().select("#my-drafts + ul a").eachAttr("href")).contains("/admin/articles/" + id);
		assertThat(dashboard.body()).contains("Recently published", "Scheduled", "Europe/Kyiv");

		Page list = author.get("/admin/articles?status=DRAFT&page=abc");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Night ferry returns");
		assertThat(author.get("/admin/articles?status=PUBLISHED").body()).doesNotContain("Night ferry returns");
		assertThat(author.get("/admin/articles?status=nonsense&page=99999999999").status()).isEqualTo(200);
	}

	@Test
	void newArticleGetsItsSlugFromTheHeadlineAndSavesAsADraft() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser contributor = Newsdesk.signedIn(accounts, port, Role.CONTRIBUTOR);
		Page form = contributor.get("/admin/articles/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html().select("label[for=headline]").text()).isEqualTo("Headline");
		assertThat(form.html().select("textarea#body[name=bodyHtml]")).hasSize(1);
		assertThat(form.html().select("script[src=/webjars/tinymce/tinymce.min.js]")).hasSize(1);

		String headline = "Ôstra bridge: repairs end " + TestContent.unique("early");
		long id = Newsdesk.create(contributor, with(article(basics, "", headline)));
		WorkingCopy copy = copies.find(id).orElseThrow();
		assertThat(copy.draft().slug()).startsWith("ostra-bridge-repairs-end-early-");
		assertThat(copy.draft().headline()).isEqualTo(headline);
		assertThat(contributor.get("/admin/articles/" + id + "?created").html().select(".notice").text())
			.contains("saved as a draft");
	}

	@Test
	void aBylineHoldsMoreThanThreeAuthorsInOrder() {
		Basics basics = Basics.create(newsroom);
		java.util.List<Long> authors = new java.util.ArrayList<>();
		for (String name : java.util.List.of("Ada", "Bo", "Cyril", "Dana")) {
			authors.add(newsroom.createAuthor(TestContent.unique(name.toLowerCase()), name + " Writer", "Reporter", "", null));
		}
		java.util.List<Long> byline = java.util.List.of(authors.get(3), authors.get(1), authors.get(0), authors.get(2));
		StaffBrowser editor = Newsdesk.signedIn(accounts, port, Role.EDITOR);
		assertThat(editor.get("/admin/articles/new").html().select("fieldset#authorIds select")).hasSize(3);
		long id = Newsdesk.create(editor, with(article(basics, TestContent.unique("four-bylines"), "Four reporters, one story"),
				"authorIds", byline.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))));
		assertThat(copies.find(id).orElseThrow().draft().authorIds()).containsExactlyElementsOf(byline);
		var selects = editor.get("/admin/articles/" + id).html().select("fieldset#authorIds select");
		assertThat(selects).as("one empty slot to add a fifth author, also without JavaScript").hasSize(5);
		assertThat(selects.stream().map(select -> select.select("option[selected]").attr("value")).toList())
			.containsExactly(String.valueOf(byline.get(0)), String.valueOf(byline.get(1)), String.valueOf(byline.get(2)),
					String.valueOf(byline.get(3)), "");
	}

	@Test
	void aSaveOverSomeoneElsesNewerSaveIsRefusedWithAWarningAndKeepsTheText() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser editor = Newsdesk.signedIn(accounts, port, Role.EDITOR);
		StaffBrowser colleague = Newsdesk.signedIn(accounts, port, Role.EDITOR);
		Map<String, String> fields = article(basics, TestContent.unique("conflict"), "Tram depot fire");
		long id = Newsdesk.create(editor, fields);

		String startedFrom = Newsdesk.revision(editor.get("/admin/articles/" + id));
		colleague.get("/admin/articles/" + id);
		Page theirs = colleague.post("/admin/articles/" + id, with(fields, "revision", startedFrom, "dek", "Their dek."));
		assertThat(theirs.status()).isEqualTo(302);

		Page mine = editor.post("/admin/articles/" + id,
				with(fields, "revision", startedFrom, "bodyHtml", "<p>My own careful paragraph.</p>"));
		assertThat(mine.status()).isEqualTo(409);
		assertThat(mine.html().select("#conflict").text()).matches(".*Someone else saved this article at \\d\\d:\\d\\d; reload to see their changes.*");
		assertThat(mine.html().select("textarea#body").text()).contains("My own careful paragraph.");
		assertThat(copies.find(id).orElseThrow().draft().dek()).as("theirs is kept").isEqualTo("Their dek.");

		String overwrite = mine.html().selectFirst("button[name=overwrite]").attr("value");
		Page replaced = editor.post("/admin/articles/" + id,
				with(fields, "revision", startedFrom, "overwrite", overwrite, "bodyHtml", "<p>My own careful paragraph.</p>"));
		assertThat(replaced.status()).as("an explicit choice to replace").isEqualTo(302);
		assertThat(copies.find(id).orElseThrow().draft().bodyHtml()).contains("My own careful paragraph.");
	}

	@Test
	void autosaveAnswersTheNewRevisionOrAConflictAndNeedsTheCsrfHeader() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		Map<String, String> fields = article(basics, TestContent.unique("autosave"), "Harbour lights");
		long id = Newsdesk.create(author, fields);
		String revision = Newsdesk.revision(author.get("/admin/articles/" + id));

		Page saved = author.post("/admin/articles/" + id + "/autosave", with(fields, "revision", revision, "dek", "Autosaved."));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body()).contains("\"revision\":" + (Integer.parseInt(revision) + 1), "Saved at");
		assertThat(copies.find(id).orElseThrow().draft().dek()).isEqualTo("Autosaved.");

		Page stale = author.post("/admin/articles/" + id + "/autosave", with(fields, "revision", revision, "dek", "Stale."));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("Someone else saved this article at");
		assertThat(copies.find(id).orElseThrow().draft().dek()).isEqualTo("Autosaved.");

		Page first = author.post("/admin/articles/autosave", with(article(basics, "", "Autosaved before the first save"),
				"slug", ""));
		assertThat(first.status()).as("the first autosave of a new article creates it").isEqualTo(200);
		assertThat(first.body()).contains("\"revision\":1", "\"id\":");
		assertThat(author.post("/admin/articles/autosave", with(fields, "headline", "")).status()).isEqualTo(422);

		Page noToken = author.postExactly("/admin/articles/" + id + "/autosave", with(fields, "revision", revision));
		assertThat(noToken.status()).isEqualTo(403);
		Page wrongToken = author.postExactly("/admin/articles/" + id, with(fields, "_csrf", "forged-token"));
		assertThat(wrongToken.status()).isEqualTo(403);
	}

	@Test
	void publishingChecksAppearNextToTheirFieldsWhenPublishingIsRefused() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		String slug = TestContent.unique("checks");
		Map<String, String> fields = with(article(basics, slug, "x".repeat(111)), "dek", "", "bodyHtml", "");
		long id = Newsdesk.create(author, fields);

		Page editor = author.get("/admin/articles/" + id);
		assertThat(editor.html().select("#checks-list li").eachAttr("data-field")).contains("headline", "dek", "body");

		Page refused = author.post("/admin/articles/" + id + "/publish", Map.of());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("headline")).contains("111 characters").contains("110");
		assertThat(refused.fieldError("dek")).contains("Write a dek");
		assertThat(refused.fieldError("body")).contains("The body is empty");
		assertThat(catalog.article(slug)).isEmpty();

		Page checks = author.post("/admin/articles/checks", with(fields, "headline", "Short", "dek", "A dek."));
		assertThat(checks.status()).isEqualTo(200);
		assertThat(checks.body()).contains("check.body-empty").doesNotContain("check.dek-missing");

		author.post("/admin/articles/" + id, with(fields, "revision", Newsdesk.revision(editor), "headline", "Fixed headline",
				"dek", "Now with a dek.", "bodyHtml", "<p>Now with a body.</p>"));
		assertThat(author.post("/admin/articles/" + id + "/publish", Map.of()).status()).isEqualTo(302);
		assertThat(catalog.article(slug).orElseThrow().summary().headline()).isEqualTo("Fixed headline");
	}

	@Test
	void badInputIsRefusedFieldByFieldAndMarkupIsStoredInert() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		author.get("/admin/articles/new");
		Map<String, String> fields = article(basics, TestContent.unique("bad"), "Fine headline");

		Page empty = author.post("/admin/articles", with(fields, "headline", "", "slug", ""));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.fieldError("headline")).isEqualTo("Write a headline.");

		Page tooLong = author.post("/admin/articles", with(fields, "headline", "h".repeat(301), "dek", "d".repeat(1001),
				"seoTitle", "s".repeat(201), "slug", "Not A Slug!", "language", "english please"));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.fieldError("headline")).contains("300");
		assertThat(tooLong.fieldError("dek")).contains("1000");
		assertThat(tooLong.fieldError("seoTitle")).contains("200");
		assertThat(tooLong.fieldError("slug")).contains("lowercase");
		assertThat(tooLong.fieldError("language")).contains("code");
		assertThat(tooLong.html().selectFirst("textarea#dek").text()).as("the text is kept").hasSize(1001);

		Page wrongTypes = author.post("/admin/articles", with(fields, "sectionId", "abc", "authorIds", "'; drop table article; --",
				"heroImageId", "999999999"));
		assertThat(wrongTypes.status()).isEqualTo(422);
		assertThat(wrongTypes.fieldError("sectionId")).contains("Choose");
		assertThat(wrongTypes.fieldError("authorIds")).contains("Choose");
		assertThat(wrongTypes.fieldError("heroImageId")).contains("not in the media library");

		String script = "<script>alert('x')</script>";
		long id = Newsdesk.create(author, with(fields, "headline", script + "Harbour <img src=x onerror=alert(1)>news",
				"dek", "<b onmouseover=alert(1)>Bold</b> claim", "heroCaption", "<svg onload=alert(1)>",
				"bodyHtml", "<p onclick=\"steal()\">Hello<script>steal()</script> <a href=\"javascript:steal()\">link</a></p>"
						+ "<iframe src=\"https://evil.example\"></iframe><aside class=\"related-card\" data-slug=\"ok-slug\">padding</aside>"));
		WorkingCopy stored = copies.find(id).orElseThrow();
		assertThat(stored.draft().headline()).isEqualTo("Harbour news");
		assertThat(stored.draft().dek()).isEqualTo("Bold claim");
		assertThat(stored.draft().heroCaption()).isNull();
		assertThat(stored.draft().bodyHtml()).contains("Hello").doesNotContain("script", "onclick", "javascript:", "iframe")
			.contains("<aside class=\"related-card\" data-slug=\"ok-slug\"></aside>");

		Page page = author.get("/admin/articles/" + id);
		assertThat(page.html().select("script").eachAttr("src")).allMatch(src -> !src.isEmpty());
		assertThat(page.body()).doesNotContain("<script>steal", "onclick=\"steal");
		Page preview = author.get("/admin/articles/" + id + "/preview");
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.body()).doesNotContain("steal()", "onerror");
	}

	@Test
	void wordAndGoogleDocsPasteIsCleanedToTheArticlesOwnElements() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		String word = "<!--StartFragment--><p class=\"MsoNormal\" style=\"margin:0cm;font-family:Calibri\"><span lang=\"EN-GB\""
				+ " style=\"font-size:12pt\">Council <b style=\"mso-bidi-font-weight:normal\">approves</b> budget<o:p></o:p></span></p>"
				+ "<h2 id=\"docs-internal-guid-1\" dir=\"ltr\" style=\"line-height:1.38\"><span style=\"font-weight:700\">What changes</span></h2>"
				+ "<ul style=\"margin-top:0\"><li dir=\"ltr\" aria-level=\"1\"><p dir=\"ltr\"><span>Fares</span></p></li></ul>"
				+ "<table><tr><td>cell</td></tr></table><font face=\"Arial\">old font</font><!--EndFragment-->";
		long id = Newsdesk.create(author, with(article(basics, TestContent.unique("paste"), "Pasted"), "bodyHtml", word));
		String body = copies.find(id).orElseThrow().draft().bodyHtml();
		assertThat(body).contains("<p>", "Council <b>approves</b> budget", "<h2>", "What changes", "<li>", "Fares", "cell", "old font")
			.doesNotContain("style=", "class=", "Mso", "<o:p", "<span", "<table", "<font", "<!--", "lang=", "dir=");
	}

	@Test
	void previewRendersTheReaderPageUncachedAndUnindexedForStaffWhoMaySeeIt() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser contributor = Newsdesk.signedIn(accounts, port, Role.CONTRIBUTOR);
		String slug = TestContent.unique("preview");
		long id = Newsdesk.create(contributor, with(article(basics, slug, "Preview of the regatta"),
				"seoTitle", "Regatta preview for search"));

		Page preview = contributor.get("/admin/articles/" + id + "/preview");
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(preview.headers().firstValue("X-Robots-Tag").orElse("")).contains("noindex");
		assertThat(preview.html().select("meta[name=robots]").attr("content")).contains("noindex");
		assertThat(preview.html().select("h1.headline").text()).isEqualTo("Preview of the regatta");
		assertThat(preview.html().title()).isEqualTo("Regatta preview for search");
		assertThat(preview.html().select("link[rel=stylesheet]").attr("href")).startsWith("/assets/site.css");

		StaffBrowser other = Newsdesk.signedIn(accounts, port, Role.CONTRIBUTOR);
		assertThat(other.get("/admin/articles/" + id + "/preview").status()).isEqualTo(403);
		assertThat(other.get("/admin/articles/" + id).status()).isEqualTo(403);
		assertThat(other.get("/admin/articles/987654321").status()).isEqualTo(404);
		assertThat(new StaffBrowser(port).get("/admin/articles/" + id + "/preview").status()).as("readers are sent to sign in")
			.isEqualTo(302);
	}

	@Test
	void markdownAndRelatedSearchAnswerJson() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser editor = Newsdesk.signedIn(accounts, port, Role.EDITOR);
		String slug = TestContent.unique("related");
		long id = Newsdesk.create(editor, article(basics, slug, "Lighthouse keepers honoured"));
		editor.post("/admin/articles/" + id + "/publish", Map.of());

		Page found = editor.get("/admin/articles/related-search?q=lighthouse%20KEEPERS");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body()).contains("\"slug\":\"" + slug + "\"");
		assertThat(editor.get("/admin/articles/related-search?q=" + "%25".repeat(300)).status()).isEqualTo(200);

		editor.get("/admin/articles/" + id);
		Page converted = editor.post("/admin/articles/markdown", Map.of("markdown", "## Heading\n\n*em* <script>x()</script>\n\n[[related:" + slug + "]]"));
		assertThat(converted.status()).isEqualTo(200);
		assertThat(converted.body()).contains("<h2>Heading</h2>", "<em>em</em>", "related-card").doesNotContain("<script>");
	}

}
