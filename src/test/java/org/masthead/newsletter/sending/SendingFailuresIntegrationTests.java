package org.masthead.newsletter.sending;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Newsroom;
import org.masthead.identity.token.ApiTokens;
import org.masthead.newsletter.TestNewsletters;
import org.masthead.newsletter.TestNewsletters.Newsletter;
import org.masthead.newsletter.issue.DeliveryStatus;
import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.IssueDraft;
import org.masthead.newsletter.issue.IssueRepository;
import org.masthead.newsletter.issue.IssueStatus;
import org.masthead.newsletter.issue.Issues;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the relay says decides what happens: 4xx is tried again later, 5xx for a recipient fails the
 * delivery and suppresses the address; bounce reports suppress through the Admin API; pause, resume
 * and cancel hold. Runs against {@link ScriptedSmtpServer}, which gives those replies.
 */
@MastheadIntegrationTest
class SendingFailuresIntegrationTests {

	static final ScriptedSmtpServer SMTP;

	static {
		try {
			SMTP = new ScriptedSmtpServer();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", SMTP::port);
		registry.add("masthead.newsletter.sending.retry-backoff", () -> "1s");
		registry.add("masthead.newsletter.sending.max-attempts", () -> "5");
		registry.add("masthead.newsletter.sending.rate-per-second", () -> "40");
		registry.add("masthead.newsletter.sending.batch-size", () -> "5");
		registry.add("masthead.newsletter.sending.connections", () -> "2");
		registry.add("db-scheduler.polling-interval", () -> "1s");
	}

	@AfterAll
	static void stopMail() throws Exception {
		SMTP.close();
	}

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Newsroom newsroom;

	@Autowired
	Issues issues;

	@Autowired
	IssueRepository repository;

	@Autowired
	DeliveryQueue queue;

	@Autowired
	Sending sending;

	@Autowired
	IssueSender sender;

	@Autowired
	ApiTokens tokens;

	Newsletter newsletter;

	NewsletterRef ref;

	String articleSlug;

	@BeforeEach
	void setUp() {
		newsletter = TestNewsletters.create(jdbc);
		ref = repository.newsletter(newsletter.slug()).orElseThrow();
		TestContent.Basics basics = TestContent.Basics.create(newsroom);
		articleSlug = TestContent.unique("ferry-timetable");
		long article = newsroom.createDraft(basics.draft(articleSlug, "Winter ferry timetable starts Monday", "<p>Fewer crossings.</p>"));
		newsroom.publish(article, Instant.now());
	}

	@Test
	void temporaryFailuresAreTriedAgainAndRejectedRecipientsAreSuppressed() {
		List<String> fine = TestNewsletters.confirmed(jdbc, newsletter, 3, "fine.test");
		String busy = "busy-" + TestContent.unique("b") + "@slow.test";
		String gone = "gone-" + TestContent.unique("g") + "@nowhere.test";
		long busyId = TestNewsletters.subscriber(jdbc, newsletter, busy, "CONFIRMED");
		long goneId = TestNewsletters.subscriber(jdbc, newsletter, gone, "CONFIRMED");
		Issue issue = issues.compose(ref, new IssueDraft("Ferries", "", false, List.of(articleSlug)), "test");
		issues.sendNow(ref, issue.id());
		await().atMost(Duration.ofSeconds(60)).until(() -> issues.issue(issue.id()).status() == IssueStatus.SENT);

		assertThat(SMTP.accepted()).containsAll(fine).contains(busy).doesNotContain(gone);
		assertThat(SMTP.accepted().stream().filter(busy::equals).count()).isEqualTo(1);
		assertThat(SMTP.tries(busy)).isEqualTo(3);
		assertThat(SMTP.tries(gone)).isEqualTo(1);
		assertThat(delivery(issue.id(), busyId)).isEqualTo("SENT 3");
		assertThat(delivery(issue.id(), goneId)).isEqualTo("FAILED 1");
		assertThat(jdbc.sql("select last_reply from newsletter_delivery where issue_id = :i and subscriber_id = :s")
			.param("i", issue.id()).param("s", goneId).query(String.class).single()).contains("550");
		assertThat(sending.isSuppressed(gone)).isTrue();
		assertThat(sending.isSuppressed(busy)).isFalse();

		// The next issue does not even try the rejected address.
		Issue next = issues.compose(ref, new IssueDraft("Ferries again", "", false, List.of(articleSlug)), "test");
		issues.sendNow(ref, next.id());
		await().atMost(Duration.ofSeconds(60)).until(() -> issues.issue(next.id()).status() == IssueStatus.SENT);
		assertThat(SMTP.tries(gone)).isEqualTo(1);
		assertThat(delivery(next.id(), goneId)).isEqualTo("SUPPRESSED 1");
	}

	@Test
	void eachDeliveryIsRecordedAsSentWithItsFinalDotBeforeTheReplyAndUndoneWhenTheRelayRefusesAfterIt() {
		String tag = TestContent.unique("dot");
		List<String> fine = TestNewsletters.confirmed(jdbc, newsletter, 4, tag + ".test");
		String late = "late-" + tag + "@dot.test";
		String refused = "refused-" + tag + "@dot.test";
		String stolen = "stolen-" + tag + "@dot.test";
		long lateId = TestNewsletters.subscriber(jdbc, newsletter, late, "CONFIRMED");
		long refusedId = TestNewsletters.subscriber(jdbc, newsletter, refused, "CONFIRMED");
		long stolenId = TestNewsletters.subscriber(jdbc, newsletter, stolen, "CONFIRMED");
		Issue issue = issues.compose(ref, new IssueDraft("Dots", "", false, List.of(articleSlug)), "test");
		Map<String, List<String>> atDot = new ConcurrentHashMap<>();
		// When a dot arrives the relay waits (before it answers) for the delivery's row to turn SENT: the
		// sender commits its mark after writing the dot and before reading the reply, so it does turn.
		SMTP.atDot = recipient -> atDot.computeIfAbsent(recipient, r -> new CopyOnWriteArrayList<>()).add(statusAfterDot(issue.id(), recipient));
		// Another worker takes over the stolen delivery while its message is on the wire: the first
		// worker's mark before the dot fails, and it must withdraw the message instead of finishing it.
		leaseAwayAtData(stolen, issue.id(), stolenId, "another-node/1", Duration.ofSeconds(2));
		try {
			issues.sendNow(ref, issue.id());
			await().atMost(Duration.ofSeconds(60)).until(() -> issues.issue(issue.id()).status() == IssueStatus.SENT);
		}
		finally {
			SMTP.atDot = recipient -> {
			};
			SMTP.atData = recipient -> {
			};
		}

		for (String reader : fine) {
			assertThat(atDot.get(reader)).as("row status when %s's dot arrived", reader).containsExactly("SENT");
		}
		assertThat(SMTP.accepted()).containsAll(fine);
		// 451 after the dot: the mark was undone, the retry was marked again before its own dot.
		assertThat(atDot.get(late)).containsExactly("SENT", "SENT");
		assertThat(SMTP.accepted().stream().filter(late::equals).count()).isEqualTo(1);
		assertThat(delivery(issue.id(), lateId)).isEqualTo("SENT 2");
		// 554 after the dot: failed, with the relay's words.
		assertThat(atDot.get(refused)).containsExactly("SENT");
		assertThat(SMTP.accepted()).doesNotContain(refused);
		assertThat(delivery(issue.id(), refusedId)).isEqualTo("FAILED 1");
		assertThat(jdbc.sql("select last_reply from newsletter_delivery where issue_id = :i and subscriber_id = :s")
			.param("i", issue.id()).param("s", refusedId).query(String.class).single()).contains("554");
		// Withdrawn without a dot once, then sent once by the next lease holder.
		assertThat(SMTP.withdrawn().stream().filter(a -> a.contains(tag))).containsExactly(stolen);
		assertThat(atDot.get(stolen)).containsExactly("SENT");
		assertThat(SMTP.accepted().stream().filter(stolen::equals).count()).isEqualTo(1);
		assertThat(delivery(issue.id(), stolenId)).startsWith("SENT ");
	}

	/**
	 * After this node lost the database, a lease that ran out meanwhile stays with its owner for a
	 * lease: the owner may be writing the mark of a message the relay already has. Here the row is
	 * leased away while its message is on the wire (its worker withdraws it) and the lease has run out
	 * by the time the worker claims afresh; the node's trouble began before that. The owner then
	 * records it as sent, as a late mark would, and nobody sends it again.
	 */
	@Test
	void aLeaseThatRanOutWhileThisNodeLostTheDatabaseIsLeftToItsOwner() {
		String tag = TestContent.unique("grace");
		List<String> fine = TestNewsletters.confirmed(jdbc, newsletter, 3, tag + ".test");
		String held = "held-" + tag + "@grace.test";
		long heldId = TestNewsletters.subscriber(jdbc, newsletter, held, "CONFIRMED");
		Issue issue = issues.compose(ref, new IssueDraft("Grace", "", false, List.of(articleSlug)), "test");
		// The trouble began 40 s ago and ended now: for the 20 s left of the 60 s lease, only leases that
		// ran out before it began are taken over (other tests of this class only wait a little longer).
		sender.databaseFailed(Instant.now().minusSeconds(40));
		AtomicBoolean heldOnce = leaseAwayAtData(held, issue.id(), heldId, "another-node/2", Duration.ofSeconds(-1));
		try {
			issues.sendNow(ref, issue.id());
			await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.accepted().containsAll(fine) && heldOnce.get());
			// Claims go on every second meanwhile; the expired lease is not taken over.
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
				.until(() -> delivery(issue.id(), heldId).startsWith("QUEUED") && issues.issue(issue.id()).status() == IssueStatus.SENDING);
			assertThat(jdbc.sql("select lease_owner from newsletter_delivery where issue_id = :i and subscriber_id = :s")
				.param("i", issue.id()).param("s", heldId).query(String.class).single()).isEqualTo("another-node/2");
			jdbc.sql("update newsletter_delivery set status = 'SENT', sent_at = :now, lease_owner = null, lease_expires_at = null "
					+ "where issue_id = :i and subscriber_id = :s and lease_owner = 'another-node/2' and status = 'QUEUED'")
				.param("now", Timestamp.from(Instant.now())).param("i", issue.id()).param("s", heldId).update();
			await().atMost(Duration.ofSeconds(30)).until(() -> issues.issue(issue.id()).status() == IssueStatus.SENT);
		}
		finally {
			SMTP.atData = recipient -> {
			};
		}
		assertThat(SMTP.withdrawn()).contains(held);
		assertThat(SMTP.accepted()).doesNotContain(held);
	}

	private String statusAfterDot(long issueId, String recipient) {
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		String status;
		do {
			status = jdbc.sql("select d.status from newsletter_delivery d join subscriber s on s.id = d.subscriber_id "
					+ "where d.issue_id = :i and s.address = :a").param("i", issueId).param("a", recipient).query(String.class).single();
			if (!"QUEUED".equals(status)) {
				return status;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return status;
			}
		}
		while (System.nanoTime() < until);
		return status;
	}

	@Test
	void pausedIssuesWaitResumedOnesFinishAndCancelledOnesStop() throws Exception {
		List<String> readers = TestNewsletters.confirmed(jdbc, newsletter, 120, "pause.test");
		Issue issue = issues.compose(ref, new IssueDraft("Pause me", "", false, List.of(articleSlug)), "test");
		issues.sendNow(ref, issue.id());
		await().atMost(Duration.ofSeconds(30)).until(() -> sending.progress(issue.id()).sent() >= 10);
		issues.pause(issue.id());
		Thread.sleep(1500);
		long whilePaused = sending.progress(issue.id()).sent();
		Thread.sleep(2500);
		assertThat(sending.progress(issue.id()).sent()).isEqualTo(whilePaused).isLessThan(120);
		assertThat(issues.issue(issue.id()).status()).isEqualTo(IssueStatus.PAUSED);
		issues.resume(issue.id());
		await().atMost(Duration.ofSeconds(60)).until(() -> issues.issue(issue.id()).status() == IssueStatus.SENT);
		assertThat(SMTP.accepted().stream().filter(a -> a.endsWith("@pause.test"))).hasSize(120)
			.containsExactlyInAnyOrderElementsOf(readers);

		Issue cancelled = issues.compose(ref, new IssueDraft("Cancel me", "", false, List.of(articleSlug)), "test");
		long before = SMTP.accepted().size();
		issues.sendNow(ref, cancelled.id());
		await().atMost(Duration.ofSeconds(30)).until(() -> sending.progress(cancelled.id()).sent() >= 10);
		issues.cancel(cancelled.id());
		Thread.sleep(1500);
		long atCancel = SMTP.accepted().size();
		Thread.sleep(2500);
		assertThat(SMTP.accepted().size()).isEqualTo(atCancel);
		assertThat(atCancel - before).isLessThan(120);
		assertThat(sending.progress(cancelled.id()).queued()).isPositive();
		assertThat(issues.issue(cancelled.id()).status()).isEqualTo(IssueStatus.CANCELLED);
		HttpResponse<String> resume = api("POST", "/api/admin/newsletters/" + newsletter.slug() + "/issues/" + cancelled.id()
				+ "/resume", editorToken(), null);
		assertThat(resume.statusCode()).isEqualTo(409);
		assertThat(resume.body()).contains("\"code\":\"issue.illegal-transition\"", "\"status\":409", "\"issueStatus\":\"CANCELLED\"");
	}

	@Test
	void bounceReportsSuppressTheAddressAndBadReportsGetProblems() throws Exception {
		String token = editorToken();
		String address = "bounced-" + TestContent.unique("r") + "@Example.ORG";
		HttpResponse<String> ok = api("POST", "/api/admin/newsletters/bounces", token,
				"{\"address\":\"" + address + "\",\"type\":\"hard-bounce\",\"detail\":\"550 5.1.1 user unknown\"}");
		assertThat(ok.statusCode()).isEqualTo(202);
		assertThat(sending.isSuppressed(address)).isTrue();
		assertThat(sending.isSuppressed(address.toLowerCase().replace("bounced", "BOUNCED"))).isFalse();
		assertThat(sending.isSuppressed(address.substring(0, address.indexOf('@')) + "@example.org")).isTrue();

		HttpResponse<String> injected = api("POST", "/api/admin/newsletters/bounces", token,
				"{\"address\":\"a@b.test\\r\\nBcc: x@y.test\",\"type\":\"complaint\"}");
		assertThat(injected.statusCode()).isEqualTo(422);
		assertThat(injected.body()).contains("\"code\":\"bounce.invalid\"", "\"field\":\"address\"");
		HttpResponse<String> kind = api("POST", "/api/admin/newsletters/bounces", token, "{\"address\":\"a@b.test\",\"type\":\"soft\"}");
		assertThat(kind.statusCode()).isEqualTo(422);
		assertThat(kind.body()).contains("\"field\":\"type\"");
		HttpResponse<String> unknown = api("POST", "/api/admin/newsletters/bounces", token,
				"{\"address\":\"a@b.test\",\"type\":\"complaint\",\"admin\":true}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("\"code\":\"request.unknown-field\"");
		HttpResponse<String> broken = api("POST", "/api/admin/newsletters/bounces", token, "{\"address\":");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(broken.body()).contains("\"code\":\"request.malformed\"");
		HttpResponse<String> author = api("POST", "/api/admin/newsletters/bounces", tokens.create("Author script", "author", null).secret(),
				"{\"address\":\"a@b.test\",\"type\":\"complaint\"}");
		assertThat(author.statusCode()).isEqualTo(403);
		assertThat(author.body()).contains("\"code\":\"auth.forbidden\"");
		HttpResponse<String> anonymous = api("POST", "/api/admin/newsletters/bounces", null, "{\"address\":\"a@b.test\",\"type\":\"complaint\"}");
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	private String editorToken() {
		return tokens.create("Relay webhook " + TestContent.unique("t"), "editor", null).secret();
	}

	/**
	 * When the relay gets the DATA command for this recipient (the first time only), the delivery's row
	 * is leased to another owner until now plus {@code lease} (negative: a lease that has already run
	 * out), as if another node had claimed it while the message was on the wire. True once it happened.
	 */
	private AtomicBoolean leaseAwayAtData(String address, long issueId, long subscriberId, String owner, Duration lease) {
		AtomicBoolean done = new AtomicBoolean();
		SMTP.atData = recipient -> {
			if (address.equals(recipient) && done.compareAndSet(false, true)) {
				jdbc.sql("update newsletter_delivery set lease_owner = :owner, lease_expires_at = :until "
						+ "where issue_id = :i and subscriber_id = :s")
					.param("owner", owner).param("until", Timestamp.from(Instant.now().plus(lease)))
					.param("i", issueId).param("s", subscriberId).update();
			}
		};
		return done;
	}

	private String delivery(long issueId, long subscriberId) {
		return jdbc.sql("select status, attempts from newsletter_delivery where issue_id = :i and subscriber_id = :s")
			.param("i", issueId)
			.param("s", subscriberId)
			.query((rs, row) -> DeliveryStatus.valueOf(rs.getString(1)) + " " + rs.getInt(2))
			.single();
	}

	private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
