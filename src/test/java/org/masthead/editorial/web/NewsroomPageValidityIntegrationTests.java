package org.masthead.editorial.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.masthead.content.Newsroom;
import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.editorial.web.Newsdesk.article;
import static org.masthead.editorial.web.Newsdesk.with;

/**
 * Every kind of newsroom page of this module is valid HTML for the Nu HTML Checker ({@code vnu},
 * in the test JVM with its bundled schemas), including the forms re-shown with errors, and the
 * newsroom's stylesheets are valid CSS.
 */
@MastheadIntegrationTest
class NewsroomPageValidityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Newsroom newsroom;

	@Test
	void newsroomPagesAreValidHtml() throws Exception {
		Basics basics = Basics.create(newsroom);
		StaffBrowser editor = Newsdesk.signedIn(accounts, port, Role.EDITOR);
		Map<String, String> fields = article(basics, TestContent.unique("valid"), "Valid page");
		long id = Newsdesk.create(editor, fields);
		editor.post("/admin/articles/" + id, with(fields, "revision", "1", "headline", "Valid page, revised"));
		editor.post("/admin/articles/" + id + "/submit", Map.of());

		Map<String, String> pages = new LinkedHashMap<>();
		for (String path : List.of("/admin/", "/admin/articles", "/admin/articles/new", "/admin/articles/" + id,
				"/admin/articles/" + id + "/revisions", "/admin/articles/" + id + "/revisions/1",
				"/admin/articles/" + id + "/send-back", "/admin/articles/" + id + "/delete", "/admin/media",
				"/admin/curation?q=valid", "/admin/articles/" + id + "/preview", "/admin/articles/424242")) {
			pages.put(path, editor.get(path).body());
		}
		pages.put("editor with errors", editor.post("/admin/articles/" + id, with(fields, "headline", "", "slug", "No!")).body());
		pages.put("publishing refused", editor.post("/admin/articles/" + Newsdesk.create(editor,
				with(article(basics, TestContent.unique("bad"), "Refused"), "dek", "")) + "/publish", Map.of()).body());
		pages.put("send back with error", editor.post("/admin/articles/" + id + "/send-back", Map.of("comment", "")).body());

		Checker checker = new Checker();
		List<String> errors = new ArrayList<>();
		for (var page : pages.entrySet()) {
			assertThat(page.getValue().strip()).as(page.getKey()).startsWith("<!DOCTYPE html>");
			errors.addAll(checker.check(page.getKey(), page.getValue(), false));
		}
		for (String css : List.of("/assets/admin/editorial.css", "/assets/admin/editor-content.css")) {
			errors.addAll(checker.check(css, new StaffBrowser(port).get(css).body(), true));
		}
		assertThat(errors).as("errors from the Nu HTML Checker in %d pages", pages.size()).isEmpty();
	}

	/** The checker with its bundled schemas; collects errors, line and column included. */
	private static final class Checker implements ErrorHandler {

		private final SimpleDocumentValidator validator = new SimpleDocumentValidator(false, false, false);

		private final List<String> errors = new ArrayList<>();

		private String name;

		Checker() throws Exception {
			validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", this);
			validator.setUpValidatorAndParsers(this, true, false);
		}

		List<String> check(String name, String text, boolean css) throws Exception {
			this.name = name;
			errors.clear();
			InputSource input = new InputSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
			input.setEncoding("UTF-8");
			input.setSystemId(name);
			if (css) {
				validator.checkCssInputSource(input);
			}
			else {
				validator.checkHtmlInputSource(input);
			}
			return List.copyOf(errors);
		}

		@Override
		public void warning(SAXParseException ex) {
		}

		@Override
		public void error(SAXParseException ex) {
			errors.add(name + ":" + ex.getLineNumber() + ":" + ex.getColumnNumber() + ": " + ex.getMessage());
		}

		@Override
		public void fatalError(SAXParseException ex) {
			error(ex);
		}

	}

}
