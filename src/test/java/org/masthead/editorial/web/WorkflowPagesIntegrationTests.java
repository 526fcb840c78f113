package org.masthead.editorial.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Newsroom;
import org.masthead.content.WorkingCopies;
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

/** The workflow buttons and their forms, by role: review, schedule, unpublish, notes, delete, revisions. */
@MastheadIntegrationTest
class WorkflowPagesIntegrationTests {

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
	void contributorSubmitsAndEditorSendsBackWithAComment() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser contributor = Newsdesk.signedIn(accounts, port, Role.CONTRIBUTOR);
		long id = Newsdesk.create(contributor, article(basics, TestContent.unique("review"), "School meals go free"));
		Page draft = contributor.get("/admin/articles/" + id);
		assertThat(buttons(draft)).contains("Submit for review").doesNotContain("Publish now", "Schedule");
		assertThat(contributor.post("/admin/articles/" + id + "/publish", Map.of()).status()).isEqualTo(403);

		assertThat(contributor.post("/admin/articles/" + id + "/submit", Map.of()).location()).endsWith("?submitted");
		assertThat(copies.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.IN_REVIEW);
		assertThat(buttons(contributor.get("/admin/articles/" + id))).doesNotContain("Save");

		StaffBrowser editor = Newsdesk.signedIn(accounts, port, Role.EDITOR);
		assertThat(editor.get("/admin/").html().select("#in-review + ul").text()).contains("School meals go free");
		assertThat(editor.get("/admin/articles/" + id + "/send-back").status()).isEqualTo(200);
		Page empty = editor.post("/admin/articles/" + id + "/send-back", Map.of("comment", "  "));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.fieldError("comment")).isEqualTo("Tell the writer what to change.");
		Page tooLong = editor.post("/admin/articles/" + id + "/send-back", Map.of("comment", "x".repeat(4001)));
		assertThat(tooLong.fieldError("comment")).contains("4000");
		Page sent = editor.post("/admin/articles/" + id + "/send-back",
				Map.of("comment", "Add the cost <script>alert(1)</script>per pupil."));
		assertThat(sent.location()).endsWith("?sent-back");

		Page back = contributor.get("/admin/articles/" + id);
		assertThat(back.html().select(".review-comment p").text()).isEqualTo("Add the cost per pupil.");
		assertThat(contributor.post("/admin/articles/" + id + "/send-back", Map.of("comment", "me")).status()).isEqualTo(403);
	}

	@Test
	void authorSchedulesInTheNewsroomsZoneUnschedulesPublishesAddsNotesAndUnpublishes() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		String slug = TestContent.unique("schedule");
		long id = Newsdesk.create(author, article(basics, slug, "Marina opens in spring"));
		author.get("/admin/articles/" + id);

		Page past = author.post("/admin/articles/" + id + "/schedule", Map.of("publishAt", "2020-01-01T09:00"));
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.fieldError("publishAt")).contains("future");
		Page garbage = author.post("/admin/articles/" + id + "/schedule", Map.of("publishAt", "next tuesday"));
		assertThat(garbage.fieldError("publishAt")).contains("date and time");

		Page scheduled = author.post("/admin/articles/" + id + "/schedule", Map.of("publishAt", "2099-06-01T09:30"));
		assertThat(scheduled.location()).endsWith("?scheduled");
		var copy = copies.find(id).orElseThrow();
		assertThat(copy.status()).isEqualTo(ArticleStatus.SCHEDULED);
		assertThat(copy.scheduledAt()).as("09:30 in Kyiv is 06:30 UTC in summer").hasToString("2099-06-01T06:30:00Z");
		assertThat(author.get("/admin/articles/" + id).html().select(".status-box").text()).contains("1 Jun 2099, 09:30");
		assertThat(author.get("/admin/").html().select("#scheduled ~ ul").text()).contains("Marina opens in spring");

		assertThat(author.post("/admin/articles/" + id + "/unschedule", Map.of()).location()).endsWith("?unscheduled");
		assertThat(author.post("/admin/articles/" + id + "/publish", Map.of()).location()).endsWith("?published");
		assertThat(catalog.article(slug)).isPresent();

		Page note = author.get("/admin/articles/" + id + "/notes/new");
		assertThat(note.status()).isEqualTo(200);
		assertThat(author.post("/admin/articles/" + id + "/notes", Map.of("kind", "CORRECTION", "body", "")).fieldError("body"))
			.isEqualTo("Write the note.");
		assertThat(author.post("/admin/articles/" + id + "/notes", Map.of("kind", "EDITORS_NOTE", "body", "n".repeat(2001)))
			.fieldError("body")).contains("2,000");
		assertThat(author.post("/admin/articles/" + id + "/notes",
				Map.of("kind", "CORRECTION", "body", "The marina opens in April, not March.<img src=x onerror=alert(1)>"))
			.location()).endsWith("?noted");
		assertThat(catalog.article(slug).orElseThrow().notes()).singleElement()
			.satisfies(n -> assertThat(n.body()).isEqualTo("The marina opens in April, not March."));

		assertThat(author.post("/admin/articles/" + id + "/unpublish", Map.of()).location()).endsWith("?unpublished");
		assertThat(catalog.article(slug)).isEmpty();
		assertThat(author.post("/admin/articles/" + id + "/unpublish", Map.of()).status()).as("not live any more")
			.isEqualTo(409);
	}

	@Test
	void revisionsListDiffAndRestore() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		Map<String, String> fields = with(article(basics, TestContent.unique("rev"), "Old headline"),
				"bodyHtml", "<p>First paragraph.</p><p>Second paragraph.</p>");
		long id = Newsdesk.create(author, fields);
		author.post("/admin/articles/" + id, with(fields, "revision", "1", "headline", "New headline",
				"bodyHtml", "<p>First paragraph.</p><p>A new second paragraph.</p>"));

		Page list = author.get("/admin/articles/" + id + "/revisions");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.html().select("tbody tr")).hasSize(2);
		Page diff = author.get("/admin/articles/" + id + "/revisions/1");
		assertThat(diff.html().select(".diff-removed").eachText()).contains("Removed: Headline: Old headline",
				"Removed: Second paragraph.");
		assertThat(diff.html().select(".diff-added").eachText()).contains("Added: Headline: New headline",
				"Added: A new second paragraph.");
		assertThat(diff.html().select(".diff-same").eachText()).contains("First paragraph.");
		assertThat(author.get("/admin/articles/" + id + "/revisions/99").status()).isEqualTo(404);

		assertThat(author.post("/admin/articles/" + id + "/revisions/1/restore", Map.of()).location()).endsWith("?restored");
		assertThat(copies.find(id).orElseThrow().draft().headline()).isEqualTo("Old headline");
		assertThat(copies.find(id).orElseThrow().revision()).isEqualTo(3);
	}

	@Test
	void deleteAsksFirstAndOnlyOwnersOfDraftsOrEditorsMayDelete() {
		Basics basics = Basics.create(newsroom);
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		long id = Newsdesk.create(author, article(basics, TestContent.unique("delete"), "Short-lived draft"));
		StaffBrowser other = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		other.get("/admin/");
		assertThat(other.post("/admin/articles/" + id + "/delete", Map.of()).status()).isEqualTo(403);

		Page confirm = author.get("/admin/articles/" + id + "/delete");
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("cannot be undone");
		assertThat(copies.find(id)).as("asking deletes nothing").isPresent();
		assertThat(author.post("/admin/articles/" + id + "/delete", Map.of()).location()).endsWith("/admin/articles?deleted");
		assertThat(copies.find(id)).isEmpty();
		assertThat(author.get("/admin/articles/" + id).status()).isEqualTo(404);
	}

	private static java.util.List<String> buttons(Page page) {
		return page.html().select("button, a.button").eachText();
	}

}
