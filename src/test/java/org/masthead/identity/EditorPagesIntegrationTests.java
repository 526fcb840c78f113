package org.masthead.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom pages for Editors only (the news feed, newsletters and their issues): an Author or a
 * Contributor signed in to the newsroom gets 403 on every path and method those pages answer, and an
 * Editor reaches them. The paths come from the pages' own mappings, so a page added to one of those
 * controllers is checked too.
 */
@MastheadIntegrationTest
class EditorPagesIntegrationTests {

	/** The controllers whose every page is for Editors (and Administrators). */
	private static final Set<String> EDITOR_CONTROLLERS = Set.of("org.masthead.newsfeed.web.NewsFeedAdminController",
			"org.masthead.newsletter.web.NewsletterAdminController",
			"org.masthead.newsletter.admin.IssueAdminController");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\w+(?::([^|}]+)[^}]*)?}");

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void authorsAndContributorsGet403OnEveryEditorPage() {
		List<String> requests = editorRequests();
		for (Role role : List.of(Role.AUTHOR, Role.CONTRIBUTOR)) {
			StaffBrowser browser = signedIn(role);
			for (String request : requests) {
				String method = request.substring(0, request.indexOf(' '));
				String path = request.substring(request.indexOf(' ') + 1);
				int status = method.equals("GET") ? browser.get(path).status() : browser.post(path, Map.of()).status();
				assertThat(status).as("%s as %s", request, role).isEqualTo(403);
			}
		}
	}

	@Test
	void editorsReachTheirPages() {
		StaffBrowser browser = signedIn(Role.EDITOR);
		assertThat(browser.get("/admin/news-feed").status()).isEqualTo(200);
		assertThat(browser.get("/admin/newsletters").status()).isEqualTo(200);
		assertThat(browser.get("/admin/newsletters/new").status()).isEqualTo(200);
		assertThat(browser.post("/admin/newsletters/new", Map.of()).status()).isEqualTo(422);
		// A newsletter that does not exist: the page answers (404), the security rules let the Editor through.
		assertThat(browser.get("/admin/newsletters/no-such-newsletter/issues").status()).isNotEqualTo(403);
	}

	/** "GET /admin/news-feed", "POST /admin/newsletters/1/issues/1/pause"...: every request the editor-only pages answer. */
	private List<String> editorRequests() {
		Set<String> requests = new TreeSet<>();
		Set<String> controllers = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!EDITOR_CONTROLLERS.contains(handler.getBeanType().getName())) {
				return;
			}
			controllers.add(handler.getBeanType().getName());
			for (String pattern : patterns(info)) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					requests.add(method.name() + " " + example(pattern));
				}
			}
		});
		assertThat(controllers).as("editor-only controllers found among the mappings").isEqualTo(EDITOR_CONTROLLERS);
		assertThat(requests).anyMatch(r -> r.startsWith("GET ")).anyMatch(r -> r.startsWith("POST "));
		return new ArrayList<>(requests);
	}

	private static Set<String> patterns(RequestMappingInfo info) {
		return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
				: info.getPatternValues();
	}

	/** A path matching the pattern: each variable becomes the first choice it allows, or 1. */
	static String example(String pattern) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			variable.appendReplacement(path, variable.group(1) != null ? variable.group(1) : "1");
		}
		variable.appendTail(path);
		return path.toString();
	}

	/**
	 * Signed in with the CSRF token of the session (sign-in replaces the sign-in form's token), shown
	 * to work: a form of their own account with an empty name is refused field by field (422), not
	 * with 403, so a 403 on a POST above comes from the role.
	 */
	private StaffBrowser signedIn(Role role) {
		Credentials staff = TestStaff.create(accounts, role);
		StaffBrowser browser = new StaffBrowser(port);
		assertThat(browser.signIn(staff.email(), StaffBrowser.PASSWORD).status()).isEqualTo(302);
		assertThat(browser.get("/admin/account").status()).isEqualTo(200);
		assertThat(browser.post("/admin/account/name", Map.of("name", "")).status()).isEqualTo(422);
		return browser;
	}

}
