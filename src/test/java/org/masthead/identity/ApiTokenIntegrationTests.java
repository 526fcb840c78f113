package org.masthead.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.identity.token.ApiTokens;
import org.masthead.platform.AuditLog;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin API tokens: created on the tokens page (shown once), used as bearer tokens, revoked. */
@MastheadIntegrationTest
class ApiTokenIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aValidTokenActsWithItsRole() throws Exception {
		String token = tokens.create("Wire import", "editor", null).secret();
		assertThat(token).startsWith("mh_").hasSize(3 + 43);
		HttpResponse<String> me = api("/api/admin/me", "Bearer " + token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"role\":\"EDITOR\"", "\"apiToken\":true", "Wire import");
		assertThat(me.headers().allValues("Set-Cookie")).as("stateless").isEmpty();
		assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t").param("t", token).query(Long.class)
			.single()).as("only the hash is stored").isZero();
	}

	@Test
	void missingInvalidAndRevokedTokensGetProblemJson() throws Exception {
		HttpResponse<String> missing = api("/api/admin/me", null);
		assertProblem(missing, 401, "auth.missing-token");
		assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertProblem(api("/api/admin/me", "Bearer mh_not-a-token"), 401, "auth.invalid-token");
		assertProblem(api("/api/admin/me", "Basic YWRtaW46YWRtaW4="), 401, "auth.invalid-token");
		assertProblem(api("/api/admin/me", "Bearer " + "x".repeat(5000)), 401, "auth.invalid-token");
		assertProblem(api("/api/admin/me", "Bearer ' OR 1=1 --"), 401, "auth.invalid-token");

		ApiTokens.Created created = tokens.create("Old script", "author", null);
		assertThat(api("/api/admin/me", "Bearer " + created.secret()).statusCode()).isEqualTo(200);
		StaffMember admin = administrator();
		assertThat(tokens.revoke(created.id(), admin)).isTrue();
		assertProblem(api("/api/admin/me", "Bearer " + created.secret()), 401, "auth.invalid-token");
	}

	@Test
	void aTokenWhoseRoleIsTooLowIsForbidden() throws Exception {
		String author = tokens.create("Author bot", "AUTHOR", null).secret();
		assertProblem(api("/api/admin/tokens", "Bearer " + author), 403, "auth.forbidden");
		String administrator = tokens.create("Ops", "ADMINISTRATOR", null).secret();
		HttpResponse<String> list = api("/api/admin/tokens", "Bearer " + administrator);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Author bot", "Ops").doesNotContain(author, administrator);
	}

	@Test
	void sessionCookiesDoNotOpenTheApi() throws Exception {
		var admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(admin.email(), StaffBrowser.PASSWORD);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/me"))
			.header("Cookie", "masthead_session=" + browser.cookie("masthead_session").orElseThrow()).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertProblem(response, 401, "auth.missing-token");
	}

	@Test
	void administratorsCreateListAndRevokeTokensOnTheTokensPage() throws Exception {
		var admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn(admin.email(), StaffBrowser.PASSWORD);
		assertThat(browser.get("/admin/tokens").status()).isEqualTo(200);

		Page empty = browser.post("/admin/tokens", Map.of("name", "", "role", ""));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.fieldError("name")).contains("Enter a name");
		assertThat(empty.fieldError("role")).contains("Choose a role");
		Page tooLong = browser.post("/admin/tokens", Map.of("name", "n".repeat(101), "role", "EDITOR"));
		assertThat(tooLong.fieldError("name")).contains("at most 100");
		Page headerInjection = browser.post("/admin/tokens", Map.of("name", "bot\r\nX-Evil: 1", "role", "EDITOR"));
		assertThat(headerInjection.fieldError("name")).contains("line breaks");

		Page created = browser.post("/admin/tokens", Map.of("name", "<img src=x onerror=alert(1)>", "role", "EDITOR"));
		assertThat(created.status()).isEqualTo(200);
		String secret = created.html().getElementById("new-token").attr("value");
		assertThat(secret).startsWith("mh_");
		assertThat(created.html().select("img[onerror]")).isEmpty();
		assertThat(api("/api/admin/me", "Bearer " + secret).statusCode()).isEqualTo(200);

		Page listed = browser.get("/admin/tokens");
		assertThat(listed.body()).doesNotContain(secret).contains(secret.substring(0, 7));
		String revoke = listed.html().select("form[action$=/revoke]").first().attr("action");
		assertThat(browser.post(revoke, Map.of()).location()).endsWith("/admin/tokens");
		assertProblem(api("/api/admin/me", "Bearer " + secret), 401, "auth.invalid-token");
		assertThat(audit.recent(20, 0)).anyMatch(e -> e.action().equals("api-token.created") && e.actorId() == admin.id())
			.anyMatch(e -> e.action().equals("api-token.revoked") && e.actorId() == admin.id());

		StaffBrowser editor = new StaffBrowser(port);
		editor.signIn(TestStaff.create(accounts, Role.EDITOR).email(), StaffBrowser.PASSWORD);
		assertThat(editor.get("/admin/tokens").status()).isEqualTo(403);
	}

	private StaffMember administrator() {
		var admin = TestStaff.create(accounts, Role.ADMINISTRATOR);
		return new StaffMember(admin.id(), admin.email(), admin.name(), Role.ADMINISTRATOR);
	}

	private HttpResponse<String> api(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"" + code + "\"", "\"status\":" + status);
	}

}
