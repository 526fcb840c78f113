package org.masthead.newsletter.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Newsroom;
import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.newsletter.IssueArchive;
import org.masthead.newsletter.TestNewsletters;
import org.masthead.newsletter.TestNewsletters.Newsletter;
import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.IssueDraft;
import org.masthead.newsletter.issue.IssueRepository;
import org.masthead.newsletter.issue.IssueStatus;
import org.masthead.newsletter.issue.Issues;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Composing and sending an issue through a real SMTP server (GreenMail): every confirmed subscriber
 * gets exactly one message, with the list headers; nobody else gets one; two workers racing and a
 * restart after a crash never send twice.
 */
@MastheadIntegrationTest
class SendingIntegrationTests {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("masthead.newsletter.sending.message-id-domain", () -> "mail.ledger.test");
		registry.add("masthead.newsletter.sending.list-id-domain", () -> "lists.ledger.test");
		registry.add("masthead.newsletter.sending.batch-size", () -> "7");
		registry.add("db-scheduler.polling-interval", () -> "1s");
	}

	@AfterAll
	static void stopMail() {
		SMTP.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Newsroom newsroom;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Issues issues;

	@Autowired
	IssueRepository repository;

	@Autowired
	IssueSender sender;

	@Autowired
	DeliveryQueue queue;

	@Autowired
	IssueArchive archive;

	StaffBrowser editor;

	TestStaff.Credentials editorCredentials;

	Newsletter newsletter;

	String articleSlug;

	@BeforeEach
	void setUp() {
		newsletter = TestNewsletters.create(jdbc);
		TestContent.Basics basics = TestContent.Basics.create(newsroom);
		articleSlug = TestContent.unique("harbour-bridge");
		long article = newsroom.createDraft(basics.draft(articleSlug, "Harbour bridge reopens after repairs",
				"<p>The bridge carries traffic again.</p>"));
		newsroom.publish(article, Instant.now());
		editorCredentials = TestStaff.create(accounts, Role.EDITOR);
		editor = new StaffBrowser(port);
		editor.signIn(editorCredentials.email(), StaffBrowser.PASSWORD);
	}

	@Test
	void everyConfirmedSubscriberGetsExactlyOneMessageWithListHeadersAndNobodyElseGetsOne() throws Exception {
		List<String> confirmed = TestNewsletters.confirmed(jdbc, newsletter, 23, "readers.test");
		String pending = "pending." + TestContent.unique("p") + "@readers.test";
		String unsubscribed = "left." + TestContent.unique("u") + "@readers.test";
		String suppressed = "bounced." + TestContent.unique("s") + "@Readers.TEST";
		TestNewsletters.subscriber(jdbc, newsletter, pending, "PENDING");
		TestNewsletters.subscriber(jdbc, newsletter, unsubscribed, "UNSUBSCRIBED");
		long suppressedId = TestNewsletters.subscriber(jdbc, newsletter, suppressed, "CONFIRMED");
		jdbc.sql("insert into suppressed_address (address_hash, reason, detail, created_at) values (:h, 'BOUNCE', 'test', :now)")
			.param("h", Suppressions.hash(Suppressions.key(suppressed)))
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();

		editor.get("/admin/newsletters/" + newsletter.slug() + "/issues");
		Page created = editor.post("/admin/newsletters/" + newsletter.slug() + "/issues",
				Map.of("subject", "Bridge open, tram back: your Friday briefing", "preheader", "Five minutes on the week in Vesna",
						"selection", "CHOSEN", "articles", "https://ledger.test/" + articleSlug + "/"));
		assertThat(created.status()).isEqualTo(302);
		String issuePath = created.location().replaceFirst("^https?://[^/]+", "");
		long issueId = Long.parseLong(issuePath.substring(issuePath.lastIndexOf('/') + 1));
		Page preview = editor.get(issuePath + "/preview");
		assertThat(preview.body()).contains("Harbour bridge reopens after repairs", "Five minutes on the week in Vesna");

		Page test = editor.post(issuePath + "/test", Map.of());
		assertThat(test.status()).isEqualTo(302);
		assertThat(SMTP.getReceivedMessages()).anySatisfy(m -> {
			assertThat(m.getSubject()).isEqualTo("[Test] Bridge open, tram back: your Friday briefing");
			assertThat(m.getAllRecipients()[0].toString()).isEqualTo(editorCredentials.email());
		});
		SMTP.purgeEmailFromAllMailboxes();

		assertThat(editor.post(issuePath + "/send", Map.of()).status()).isEqualTo(302);
		await().atMost(Duration.ofSeconds(40)).until(() -> issues.issue(issueId).status() == IssueStatus.SENT);

		MimeMessage[] received = SMTP.getReceivedMessages();
		Map<String, Long> perRecipient = Arrays.stream(received)
			.map(m -> recipient(m))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(perRecipient).hasSize(23).allSatisfy((address, copies) -> assertThat(copies).isEqualTo(1L));
		assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(confirmed);

		MimeMessage first = received[0];
		assertThat(first.getSubject()).isEqualTo("Bridge open, tram back: your Friday briefing");
		assertThat(first.getHeader("List-Id")[0]).isEqualTo("\"" + newsletter.name() + "\" <" + newsletter.slug() + ".lists.ledger.test>");
		assertThat(first.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String listUnsubscribe = first.getHeader("List-Unsubscribe")[0];
		assertThat(listUnsubscribe).matches("<https?://[^>]+/newsletters/unsubscribe/u\\.[0-9a-z.]+[^>]*>, <mailto:[^>]+\\?subject=unsubscribe%20u\\.[^>]+>");
		assertThat(first.getMessageID()).matches("<" + issueId + "\\.\\d+@mail\\.ledger\\.test>");
		assertThat(first.getHeader("Reply-To")[0]).isEqualTo("letters@ledger.test");
		String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(first);
		assertThat(body).contains("Unsubscribe").contains("Manage your newsletters").contains("/newsletters/manage/");
		// Every message carries its subscriber's own links.
		assertThat(Arrays.stream(received).map(m -> header(m, "List-Unsubscribe")).distinct()).hasSize(23);

		// The reader's mail program unsubscribes with one POST, no cookie, no login (RFC 8058); the issue counts it.
		String oneClick = listUnsubscribe.substring(1, listUnsubscribe.indexOf('>')).replaceFirst("^https?://[^/]+", "");
		java.net.http.HttpResponse<String> oneClickAnswer = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + oneClick))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
					.build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(oneClickAnswer.statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from subscription where newsletter_id = :n and status = 'UNSUBSCRIBED'")
			.param("n", newsletter.id()).query(Long.class).single()).isEqualTo(2);
		assertThat(editor.get(issuePath).body()).containsPattern("Unsubscribed since</dt><dd id=\"count-unsubscribes\">1<");

		assertThat(queue.counts(issueId)).containsEntry(org.masthead.newsletter.issue.DeliveryStatus.SENT, 23L)
			.containsEntry(org.masthead.newsletter.issue.DeliveryStatus.SUPPRESSED, 1L);
		assertThat(jdbc.sql("select status from newsletter_delivery where issue_id = :i and subscriber_id = :s")
			.param("i", issueId).param("s", suppressedId).query(String.class).single()).isEqualTo("SUPPRESSED");

		Page progress = editor.get(issuePath + "/progress");
		assertThat(progress.body()).contains("\"status\":\"SENT\"", "\"sent\":23", "\"suppressed\":1", "\"percent\":100");
		Page page = editor.get(issuePath);
		assertThat(page.body()).contains("Sent", "23");

		Issue sent = issues.issue(issueId);
		assertThat(archive.sent(newsletter.id(), 0, 10)).singleElement().satisfies(a -> {
			assertThat(a.id()).isEqualTo(issueId);
			assertThat(a.path()).isEqualTo("/newsletters/" + newsletter.slug() + "/issues/" + sent.slug() + "/");
		});
		Page web = new StaffBrowser(port).get("/newsletters/" + newsletter.slug() + "/issues/" + sent.slug() + "/");
		assertThat(web.status()).isEqualTo(200);
		assertThat(web.body()).contains("Harbour bridge reopens after repairs").doesNotContain("%%masthead");
		assertThat(new StaffBrowser(port).get("/newsletters/" + newsletter.slug() + "/issues/" + issueId + "/").status())
			.isEqualTo(200);
	}

	@Test
	void lineBreaksInTheSubjectAreRefusedWithAFieldError() {
		editor.get("/admin/newsletters/" + newsletter.slug() + "/issues");
		Page refused = editor.post("/admin/newsletters/" + newsletter.slug() + "/issues",
				Map.of("subject", "Hello\r\nBcc: everyone@example.org", "preheader", "fine", "selection", "CHOSEN",
						"articles", articleSlug));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.fieldError("subject")).contains("one line");
		Page unknown = editor.post("/admin/newsletters/" + newsletter.slug() + "/issues",
				Map.of("subject", "Fine", "preheader", "Also\nbad", "selection", "CHOSEN", "articles", "no-such-article"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.fieldError("preheader")).contains("one line");
		assertThat(unknown.fieldError("articles")).contains("no-such-article");
		assertThat(repository.list(newsletter.id(), 10)).isEmpty();
	}

	@Test
	void illegalMovesAreRefusedWithConflict() {
		NewsletterRef ref = repository.newsletter(newsletter.slug()).orElseThrow();
		Issue draft = issues.compose(ref, new IssueDraft("Weekend reading", "", false, List.of(articleSlug)), "test");
		String path = "/admin/newsletters/" + newsletter.slug() + "/issues/" + draft.id();
		editor.get(path);
		Page resume = editor.post(path + "/resume", Map.of());
		assertThat(resume.status()).isEqualTo(409);
		assertThat(resume.body()).contains("An issue that is draft cannot become sending.");
		Page pause = editor.post(path + "/pause", Map.of());
		assertThat(pause.status()).isEqualTo(409);
		Page past = editor.post(path + "/schedule", Map.of("scheduledAt", "2001-01-01T08:00"));
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.fieldError("scheduledAt")).contains("future");
		assertThat(issues.issue(draft.id()).status()).isEqualTo(IssueStatus.DRAFT);
	}

	@Test
	void twoWorkersRacingOnOneIssueNeverSendTwice() throws Exception {
		List<String> confirmed = TestNewsletters.confirmed(jdbc, newsletter, 60, "race.test");
		NewsletterRef ref = repository.newsletter(newsletter.slug()).orElseThrow();
		Issue draft = issues.compose(ref, new IssueDraft("Race day", "", false, List.of(articleSlug)), "test");
		SMTP.purgeEmailFromAllMailboxes();
		// Both workers start before the job gets to the issue: pause it so only the two below send.
		issues.sendNow(ref, draft.id());
		issues.pause(draft.id());
		queue.enqueue(draft.id(), ref.id(), "mail.ledger.test", 1000, Instant.now());
		queue.markEnqueued(draft.id(), Instant.now());
		issues.resume(draft.id());
		Issue issue = issues.issue(draft.id());
		var relay = sender.relay();
		CompletableFuture<Boolean> one = CompletableFuture.supplyAsync(() -> sender.worker(ref, issue, relay, "node-a/1"));
		CompletableFuture<Boolean> two = CompletableFuture.supplyAsync(() -> sender.worker(ref, issue, relay, "node-b/1"));
		assertThat(one.get()).isTrue();
		assertThat(two.get()).isTrue();
		await().atMost(Duration.ofSeconds(30)).until(() -> issues.issue(draft.id()).status() == IssueStatus.SENT);
		Map<String, Long> perRecipient = Arrays.stream(SMTP.getReceivedMessages())
			.map(SendingIntegrationTests::recipient)
			.filter(a -> a.endsWith("@race.test"))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(confirmed);
		assertThat(perRecipient.values()).containsOnly(1L);
	}

	@Test
	void aRestartAfterACrashSendsTheRestExactlyOnce() throws Exception {
		List<String> confirmed = TestNewsletters.confirmed(jdbc, newsletter, 30, "crash.test");
		NewsletterRef ref = repository.newsletter(newsletter.slug()).orElseThrow();
		Issue draft = issues.compose(ref, new IssueDraft("After the storm", "", false, List.of(articleSlug)), "test");
		SMTP.purgeEmailFromAllMailboxes();
		issues.sendNow(ref, draft.id());
		issues.pause(draft.id());
		queue.enqueue(draft.id(), ref.id(), "mail.ledger.test", 1000, Instant.now());
		queue.markEnqueued(draft.id(), Instant.now());
		// A node leased ten deliveries, recorded four as sent (the relay had them) and died: its lease ran out.
		java.sql.Timestamp then = java.sql.Timestamp.from(Instant.now().minusSeconds(60));
		List<Long> leased = jdbc.sql("select subscriber_id from newsletter_delivery where issue_id = :i order by subscriber_id limit 10")
			.param("i", draft.id()).query(Long.class).list();
		jdbc.sql("update newsletter_delivery set lease_owner = 'dead-node/1', lease_expires_at = :then, attempts = 1 "
				+ "where issue_id = :i and subscriber_id in (:ids)")
			.param("then", then).param("i", draft.id()).param("ids", leased).update();
		jdbc.sql("update newsletter_delivery set status = 'SENT', sent_at = :then, lease_owner = null, lease_expires_at = null "
				+ "where issue_id = :i and subscriber_id in (:ids)")
			.param("then", then).param("i", draft.id()).param("ids", leased.subList(0, 4)).update();
		List<String> recordedSent = jdbc.sql("select address from subscriber where id in (:ids)")
			.param("ids", leased.subList(0, 4)).query(String.class).list();
		issues.resume(draft.id());
		await().atMost(Duration.ofSeconds(40)).until(() -> issues.issue(draft.id()).status() == IssueStatus.SENT);
		Map<String, Long> perRecipient = Arrays.stream(SMTP.getReceivedMessages())
			.map(SendingIntegrationTests::recipient)
			.filter(a -> a.endsWith("@crash.test"))
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(perRecipient).hasSize(26).doesNotContainKeys(recordedSent.toArray(String[]::new));
		assertThat(perRecipient.values()).containsOnly(1L);
		assertThat(queue.counts(draft.id())).containsEntry(org.masthead.newsletter.issue.DeliveryStatus.SENT, 30L);
		assertThat(confirmed).containsAll(perRecipient.keySet());
	}

	@Test
	void opensAndClicksAreTrackedOnlyWhenTheNewsletterTurnedTrackingOnAndTheRedirectOnlyLeadsToTheIssuesLinks() throws Exception {
		String reader = "tracked." + TestContent.unique("t") + "@track.test";
		long readerId = TestNewsletters.subscriber(jdbc, newsletter, reader, "CONFIRMED");
		NewsletterRef ref = repository.newsletter(newsletter.slug()).orElseThrow();
		Issue plain = issues.compose(ref, new IssueDraft("Untracked", "", false, List.of(articleSlug)), "test");
		issues.sendNow(ref, plain.id());
		await().atMost(Duration.ofSeconds(40)).until(() -> issues.issue(plain.id()).status() == IssueStatus.SENT);
		assertThat(html(messageTo(reader, "Untracked"))).doesNotContain("/newsletters/t/");

		jdbc.sql("update newsletter set tracking_enabled = :on where id = :id").param("on", true).param("id", newsletter.id()).update();
		NewsletterRef tracked = repository.newsletter(newsletter.slug()).orElseThrow();
		Issue issue = issues.compose(tracked, new IssueDraft("Tracked", "", false, List.of(articleSlug)), "test");
		issues.sendNow(tracked, issue.id());
		await().atMost(Duration.ofSeconds(40)).until(() -> issues.issue(issue.id()).status() == IssueStatus.SENT);
		String html = html(messageTo(reader, "Tracked"));
		java.util.regex.Matcher pixel = java.util.regex.Pattern.compile("https?://[^/\"]+(/newsletters/t/o/[^\"]+\\.gif)").matcher(html);
		assertThat(pixel.find()).isTrue();
		java.util.regex.Matcher click = java.util.regex.Pattern.compile("href=\"https?://[^/\"]+(/newsletters/t/c/[^\"]+)\"").matcher(html);
		String articleClick = null;
		while (click.find()) {
			String path = click.group(1).replace("&amp;", "&");
			if (path.contains(java.net.URLEncoder.encode("/" + articleSlug + "/", java.nio.charset.StandardCharsets.UTF_8))) {
				articleClick = path;
			}
		}
		assertThat(articleClick).isNotNull();
		var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
		var opened = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + pixel.group(1))).build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/gif"));
		assertThat(opened.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		var clicked = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + articleClick)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(clicked.statusCode()).isEqualTo(302);
		assertThat(clicked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/" + articleSlug + "/"));
		assertThat(jdbc.sql("select count(*) from newsletter_delivery where issue_id = :i and subscriber_id = :s "
				+ "and opened_at is not null and clicked_at is not null").param("i", issue.id()).param("s", readerId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from newsletter_delivery where issue_id = :i and (opened_at is not null or clicked_at is not null)")
			.param("i", plain.id()).query(Long.class).single()).isZero();

		String elsewhere = articleClick.substring(0, articleClick.indexOf("?u=") + 3)
				+ java.net.URLEncoder.encode("https://evil.example/", java.nio.charset.StandardCharsets.UTF_8);
		assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + elsewhere)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
		String forged = articleClick.replaceFirst("/t/c/([0-9a-z]+)\\.", "/t/c/1$1.");
		assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + forged)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
	}

	MimeMessage messageTo(String address, String subject) {
		return Arrays.stream(SMTP.getReceivedMessages())
			.filter(m -> recipient(m).equals(address))
			.filter(m -> {
				try {
					return subject.equals(m.getSubject());
				}
				catch (jakarta.mail.MessagingException ex) {
					return false;
				}
			})
			.findFirst()
			.orElseThrow();
	}

	static String html(MimeMessage message) throws Exception {
		jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) message.getContent();
		return (String) parts.getBodyPart(1).getContent();
	}

	static String header(MimeMessage message, String name) {
		try {
			return message.getHeader(name)[0];
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
