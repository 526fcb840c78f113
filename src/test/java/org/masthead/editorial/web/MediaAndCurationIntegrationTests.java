package org.masthead.editorial.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.CuratedList;
import org.masthead.content.MediaLibrary;
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

/**
 * The media library's upload form against lying, huge and hostile files, a picture chosen as a
 * hero with its words, and curation of Editors' Picks seen on the site at once.
 */
@MastheadIntegrationTest
class MediaAndCurationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Newsroom newsroom;

	@Autowired
	WorkingCopies copies;

	@Autowired
	MediaLibrary media;

	@Autowired
	ArticleCatalog catalog;

	@Test
	void uploadsAreCheckedByContentAndRefusedWithAReasonNextToTheField() throws Exception {
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		author.get("/admin/media");

		Answer ok = upload(author, "harbour.png", TestContent.picture(800, 450, "png"), "Cranes at dusk", "Evening", "K. Ivanenko");
		assertThat(ok.status()).as(ok.body()).isEqualTo(302);
		assertThat(ok.location()).endsWith("/admin/media?uploaded");
		Page grid = author.get("/admin/media?uploaded");
		assertThat(grid.html().select(".media-grid img[alt=Cranes at dusk]")).hasSize(1);
		assertThat(grid.body()).contains("K. Ivanenko", "800 × 450");

		Answer lying = upload(author, "photo.jpg", "just some text, not a picture".getBytes(StandardCharsets.UTF_8), "", "", "");
		assertThat(lying.status()).isEqualTo(422);
		assertThat(lying.html().getElementById("file-error").text()).contains("not a JPEG, PNG or WebP");

		Answer bomb = upload(author, "bomb.png", TestContent.pngHeaderOnly(100_000, 100_000), "", "", "");
		assertThat(bomb.status()).isEqualTo(422);
		assertThat(bomb.html().getElementById("file-error").text()).contains("more than 40 megapixels");

		Answer gif = upload(author, "anim.png", TestContent.picture(20, 20, "gif"), "", "", "");
		assertThat(gif.html().getElementById("file-error").text()).contains("Only JPEG, PNG and WebP");

		Answer empty = upload(author, "empty.png", new byte[0], "", "", "");
		assertThat(empty.html().getElementById("file-error").text()).contains("Choose a JPEG, PNG or WebP");

		Answer script = upload(author, "x.png", TestContent.picture(64, 64, "png"), "<script>alert(1)</script>Pier",
				"a".repeat(2001), "");
		assertThat(script.status()).isEqualTo(422);
		assertThat(script.html().getElementById("caption-error").text()).contains("2000");
		assertThat(script.body()).doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void overTheLimitUploadsGetAClearMessageNeverA500() throws Exception {
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		author.get("/admin/media");
		byte[] justOver = new byte[(int) MediaLibrary.MAX_BYTES + 1];
		System.arraycopy(TestContent.picture(10, 10, "png"), 0, justOver, 0, 50);
		Answer over = upload(author, "big.png", justOver, "", "", "");
		assertThat(over.status()).isEqualTo(422);
		assertThat(over.html().getElementById("file-error").text()).isEqualTo("The file is larger than 20 MB.");

		Answer huge = upload(author, "huge.png", new byte[25 * 1024 * 1024], "", "", "");
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.body()).contains("too large", "20 MB");
	}

	@Test
	void uploadingFromTheEditorReturnsWithThePictureAsHeroAndItsWords() throws Exception {
		Basics basics = Basics.create(newsroom);
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		long id = Newsdesk.create(author, article(basics, TestContent.unique("hero"), "Lighthouse repainted"));
		author.get("/admin/media?article=" + id);
		Answer uploaded = upload(author, "l.jpg", TestContent.picture(1200, 800, "jpg"), "A red and white lighthouse",
				"The lighthouse after repainting", "Port of Vesna", "article", String.valueOf(id));
		assertThat(uploaded.location()).contains("/admin/articles/" + id + "?hero=");

		Page library = author.get("/admin/media?article=" + id);
		assertThat(library.html().select(".media-grid a").eachAttr("href")).contains(uploaded.location().replace("http://localhost:" + port, ""));
		Page editor = author.follow(new Page(302, "", uploaded.headers()));
		assertThat(editor.html().select("input[name=heroImageId][checked]").attr("value")).isNotEmpty();
		assertThat(editor.html().select("#heroAlt").attr("value")).isEqualTo("A red and white lighthouse");
		assertThat(editor.html().select("#heroCredit").attr("value")).isEqualTo("Port of Vesna");
	}

	@Test
	void editorsCurateThePicksAndTheSiteShowsThemAtOnce() {
		Basics basics = Basics.create(newsroom);
		long first = publish(basics, "First pick");
		long second = publish(basics, "Second pick");
		java.util.List<Long> picksBefore = ids();
		newsroom.curate(CuratedList.EDITORS_PICKS, java.util.List.of());
		StaffBrowser author = Newsdesk.signedIn(accounts, port, Role.AUTHOR);
		assertThat(author.get("/admin/curation").status()).isEqualTo(403);

		StaffBrowser editor = Newsdesk.signedIn(accounts, port, Role.EDITOR);
		Page search = editor.get("/admin/curation?q=pick");
		assertThat(search.html().select(".found").text()).contains("First pick", "Second pick");
		String before = new StaffBrowser(port).get("/").body();
		assertThat(editor.post("/admin/curation/editors-picks/add", Map.of("article", String.valueOf(first))).location())
			.contains("/admin/curation?curated");
		editor.post("/admin/curation/editors-picks/add", Map.of("article", String.valueOf(second)));
		editor.post("/admin/curation/editors-picks/add", Map.of("article", String.valueOf(second)));
		assertThat(ids()).containsExactly(first, second);

		editor.post("/admin/curation/editors-picks/move", Map.of("article", String.valueOf(second), "direction", "up"));
		assertThat(ids()).containsExactly(second, first);
		editor.post("/admin/curation/editors-picks/move", Map.of("article", String.valueOf(second), "direction", "up"));
		assertThat(ids()).as("the first cannot move up").containsExactly(second, first);
		String after = new StaffBrowser(port).get("/").body();
		assertThat(after).as("the front page shows the change at once").contains("Second pick").isNotEqualTo(before);

		editor.post("/admin/curation/editors-picks/remove", Map.of("article", String.valueOf(second)));
		assertThat(ids()).containsExactly(first);
		editor.post("/admin/curation/editors-picks/remove", Map.of("article", String.valueOf(first)));
		assertThat(ids()).isEmpty();
		newsroom.curate(CuratedList.EDITORS_PICKS, picksBefore);
		assertThat(editor.post("/admin/curation/no-such-list/add", Map.of("article", "1")).status()).isEqualTo(404);
		assertThat(editor.post("/admin/curation/featured/add", Map.of("article", "not-a-number")).status()).isEqualTo(400);
	}

	private java.util.List<Long> ids() {
		return catalog.curated(CuratedList.EDITORS_PICKS, 30).stream().map(a -> a.id()).toList();
	}

	private long publish(Basics basics, String headline) {
		long id = newsroom.createDraft(basics.draft(TestContent.unique("pick"), headline, "<p>Text.</p>"));
		newsroom.publish(id, Instant.now());
		return id;
	}

	/** An answer to an upload. */
	record Answer(int status, String body, java.net.http.HttpHeaders headers) {

		Document html() {
			return Jsoup.parse(body);
		}

		String location() {
			return headers.firstValue("Location").orElse(null);
		}

	}

	/** Posts the upload form as a browser does: multipart, session cookie, CSRF token in the address and the form. */
	private Answer upload(StaffBrowser browser, String filename, byte[] bytes, String alt, String caption, String credit,
			String... extra) throws Exception {
		String boundary = "----masthead" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("_csrf", browser.csrf());
		fields.put("alt", alt);
		fields.put("caption", caption);
		fields.put("credit", credit);
		for (int i = 0; i < extra.length; i += 2) {
			fields.put(extra[i], extra[i + 1]);
		}
		for (var field : fields.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(bytes);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/media?_csrf=" + browser.csrf()))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", "masthead_session=" + browser.cookie("masthead_session").orElseThrow())
			.header("X-Forwarded-For", browser.clientAddress())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body(), response.headers());
	}

}
