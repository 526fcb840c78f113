package org.masthead.newsletter.web;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Newsroom;
import org.masthead.newsletter.NewsletterDraft;
import org.masthead.newsletter.NewsletterStatus;
import org.masthead.newsletter.Newsletters;
import org.masthead.newsletter.SubscriberLinks;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.StaffBrowser.Page;
import org.masthead.testing.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Double opt-in sign-up end to end, with a real SMTP server (GreenMail): the block's form without
 * JavaScript, the confirmation email, the confirm page, the manage page, one-click unsubscribe;
 * honeypot, rate limits, no enumeration, bad addresses and bad tokens.
 */
@MastheadIntegrationTest
class SignupIntegrationTests {

	static GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final int SMTP_PORT;

	static {
		SMTP.start();
		SMTP_PORT = SMTP.getSmtp().getPort();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("masthead.identity.mail-from", () -> "newsroom@ledger.test");
		registry.add("db-scheduler.polling-interval", () -> "1s");
	}

	@AfterAll
	static void stopMail() {
		SMTP.stop();
	}

	private static final Pattern CONFIRM_LINK = Pattern.compile("http://[^\\s\"<]+/newsletters/confirm\\?token=([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	Newsletters newsletters;

	@Autowired
	SubscriberLinks links;

	@Autowired
	Newsroom newsroom;

	@Autowired
	JdbcClient jdbc;

	String slug;

	long newsletterId;

	@BeforeEach
	void newsletter() {
		slug = "tide-tables-" + System.nanoTime() % 10_000_000;
		newsletterId = newsletters.create(new NewsletterDraft("Tide Tables", slug,
				"High and low water for the week, with the harbour master's notes.", "Oksana Koval", "Every Sunday",
				"Tide Tables", "tides@ledger.test", "harbour@ledger.test", NewsletterStatus.ACTIVE, 1, false));
	}

	@Test
	void signUpConfirmManageAndUnsubscribeWithOneClick() throws Exception {
		String email = "reader." + System.nanoTime() + "@ledger.test";
		StaffBrowser reader = new StaffBrowser(port);
		Page page = reader.get("/newsletters/" + slug + "/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("#signup-" + slug + " form input[name=_csrf]")).as("no per-visitor data").isEmpty();
		assertThat(page.html().select("#signup-" + slug + " label").first().text()).contains("Enter your email to subscribe");
		assertThat(page.html().select("#signup-" + slug).text()).contains("* indicates required");
		assertThat(page.html().select("main").text().split("High and low water for the week", -1))
			.as("the newsletter's own page describes it once, above its form").hasSize(2);
		assertThat(page.html().select("#signup-" + slug + " .signup-name").text()).isEqualTo("Subscribe to Tide Tables");

		Page answer = reader.postExactly("/newsletters/" + slug + "/signup",
				Map.of("email", email, "website", "", "page", "/newsletters/" + slug + "/"));
		assertThat(answer.status()).isEqualTo(303);
		assertThat(answer.location()).endsWith("/newsletters/" + slug + "/?signup=" + slug + "&result=sent#signup-" + slug);
		Page shown = reader.follow(answer);
		assertThat(shown.html().select("#signup-" + slug + " .signup-done").text())
			.isEqualTo("Thank you for signing up for this newsletter. We've sent you a confirmation email.");
		long subscriberId = jdbc.sql("select id from subscriber where address = :a").param("a", email).query(Long.class).single();
		assertThat(status(subscriberId)).isEqualTo("PENDING");
		Map<String, Object> consent = jdbc.sql("select form, wording, ip_hash, kind from subscription_consent where subscriber_id = :s")
			.param("s", subscriberId).query().singleRow();
		assertThat(consent.get("kind")).isEqualTo("SIGNED_UP");
		assertThat((String) consent.get("form")).isEqualTo("/newsletters/" + slug + "/#signup-" + slug);
		assertThat((String) consent.get("wording")).contains("Tide Tables", "every sunday");
		assertThat((String) consent.get("ip_hash")).hasSize(64).doesNotContain(reader.clientAddress());

		MimeMessage mail = awaitMail(email);
		assertThat(mail.getFrom()[0].toString()).contains("tides@ledger.test", "Tide Tables");
		assertThat(mail.getReplyTo()[0].toString()).isEqualTo("harbour@ledger.test");
		assertThat(mail.getSubject()).contains("confirm", "Tide Tables");
		assertThat(parts(mail)).contains("text/plain", "text/html");
		String token = token(mail);
		assertThat(jdbc.sql("select count(*) from subscription_token where token_hash = :t").param("t", token)
			.query(Long.class).single()).as("only the hash is stored").isZero();

		StaffBrowser inbox = new StaffBrowser(port);
		Page confirmPage = inbox.get("/newsletters/confirm?token=" + token);
		assertThat(confirmPage.status()).isEqualTo(200);
		assertThat(status(subscriberId)).as("a GET (a mail scanner) confirms nothing").isEqualTo("PENDING");
		Page confirmed = inbox.postExactly("/newsletters/confirm", Map.of("token", token));
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.html().select("h1").text()).isEqualTo("You're subscribed");
		assertThat(status(subscriberId)).isEqualTo("CONFIRMED");
		Page replayed = inbox.postExactly("/newsletters/confirm", Map.of("token", token));
		assertThat(replayed.html().select("h1").text()).isEqualTo("Already confirmed");

		// signing up again: same answer, stays confirmed, no second email
		Page again = new StaffBrowser(port).postExactly("/newsletters/" + slug + "/signup", Map.of("email", email, "page", "/"));
		assertThat(again.location()).contains("result=sent");
		assertThat(status(subscriberId)).isEqualTo("CONFIRMED");
		Thread.sleep(1500);
		assertThat(mailsTo(email)).isEqualTo(1);

		String manage = path(links.manage(subscriberId));
		Page managePage = inbox.get(manage);
		assertThat(managePage.status()).isEqualTo(200);
		assertThat(managePage.body()).contains(email, "Tide Tables");
		assertThat(managePage.html().select("input[name=newsletter][value=" + newsletterId + "]").hasAttr("checked")).isTrue();

		String unsubscribe = path(links.oneClickUnsubscribe(subscriberId, newsletterId));
		Page ask = inbox.get(unsubscribe);
		assertThat(ask.status()).isEqualTo(200);
		assertThat(status(subscriberId)).isEqualTo("CONFIRMED");
		Page oneClick = new StaffBrowser(port).postExactly(unsubscribe, Map.of("List-Unsubscribe", "One-Click"));
		assertThat(oneClick.status()).isEqualTo(200);
		assertThat(oneClick.setCookies()).isEmpty();
		assertThat(status(subscriberId)).isEqualTo("UNSUBSCRIBED");
		assertThat(jdbc.sql("select count(*) from subscription_consent where subscriber_id = :s and kind = 'UNSUBSCRIBED'")
			.param("s", subscriberId).query(Long.class).single()).isEqualTo(1);
		assertThat(links.unsubscribeMailto(subscriberId, newsletterId)).startsWith("mailto:unsubscribe@");
	}

	@Test
	void theManagePageChoosesNewslettersDownloadsAndErasesData() throws Exception {
		String email = "manager." + System.nanoTime() + "@ledger.test";
		long subscriberId = confirmedSubscriber(email);
		String manage = path(links.manage(subscriberId));
		StaffBrowser inbox = new StaffBrowser(port);
		Page saved = inbox.postExactly(manage, Map.of());
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body()).contains("Your choices are saved.");
		assertThat(status(subscriberId)).isEqualTo("UNSUBSCRIBED");
		inbox.postExactly(manage, Map.of("newsletter", Long.toString(newsletterId)));
		assertThat(status(subscriberId)).isEqualTo("CONFIRMED");
		inbox.postExactly(manage + "unsubscribe-all", Map.of());
		assertThat(status(subscriberId)).isEqualTo("UNSUBSCRIBED");

		Page data = inbox.get(manage + "data.json");
		assertThat(data.status()).isEqualTo(200);
		assertThat(data.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		assertThat(data.body()).contains(email, "SIGNED_UP", "CONFIRMED", "UNSUBSCRIBED", slug);

		jdbc.sql("insert into suppressed_address (address_hash, reason, created_at) values (:h, 'MANUAL', :now)")
			.param("h", org.masthead.newsletter.signup.LinkKey.sha256(email))
			.param("now", Timestamp.from(Instant.now()))
			.update();
		Page erased = inbox.postExactly(manage + "erase", Map.of());
		assertThat(erased.status()).isEqualTo(200);
		for (String table : new String[] { "subscription", "subscription_consent", "subscription_token" }) {
			assertThat(jdbc.sql("select count(*) from " + table + " where subscriber_id = :s").param("s", subscriberId)
				.query(Long.class).single()).as(table).isZero();
		}
		assertThat(jdbc.sql("select count(*) from subscriber where id = :s").param("s", subscriberId).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from suppressed_address where address_hash = :h")
			.param("h", org.masthead.newsletter.signup.LinkKey.sha256(email)).query(Long.class).single())
			.as("the suppression hash stays").isEqualTo(1);
		assertThat(inbox.get(manage).status()).isEqualTo(404);
	}

	@Test
	void theAnswerIsTheSameForNewKnownAndConfirmedAddresses() throws Exception {
		String known = "known." + System.nanoTime() + "@ledger.test";
		confirmedSubscriber(known);
		String fresh = "fresh." + System.nanoTime() + "@ledger.test";
		Page forKnown = inline(new StaffBrowser(port), known);
		Page forFresh = inline(new StaffBrowser(port), fresh);
		assertThat(forKnown.status()).isEqualTo(forFresh.status()).isEqualTo(200);
		assertThat(forKnown.body()).isEqualTo(forFresh.body());
		Page redirectKnown = new StaffBrowser(port).postExactly("/newsletters/" + slug + "/signup", Map.of("email", known, "page", "/"));
		Page redirectFresh = new StaffBrowser(port).postExactly("/newsletters/" + slug + "/signup", Map.of("email", "x" + fresh, "page", "/"));
		assertThat(redirectKnown.location()).isEqualTo(redirectFresh.location());
	}

	@Test
	void aFilledHoneypotIsAnsweredLikeASignUpButRecordsNothing() {
		String email = "bot." + System.nanoTime() + "@ledger.test";
		Page answer = new StaffBrowser(port).postExactly("/newsletters/" + slug + "/signup",
				Map.of("email", email, "website", "http://spam.example", "page", "/"));
		assertThat(answer.location()).contains("result=sent");
		assertThat(jdbc.sql("select count(*) from subscriber where address = :a").param("a", email).query(Long.class).single()).isZero();
	}

	@Test
	void oneClientAddressMaySendTenSignUpsAMinute() {
		StaffBrowser bot = new StaffBrowser(port);
		for (int i = 0; i < 10; i++) {
			assertThat(inline(bot, "burst" + i + "." + System.nanoTime() + "@ledger.test").status()).isEqualTo(200);
		}
		Page limited = inline(bot, "burst.last." + System.nanoTime() + "@ledger.test");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.body()).contains("\"code\":\"newsletter.signup.limited\"");
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		assertThat(inline(new StaffBrowser(port), "other." + System.nanoTime() + "@ledger.test").status())
			.as("another client address is not limited").isEqualTo(200);
	}

	@Test
	void oneAddressGetsAtMostThreeConfirmationEmailsAnHour() throws Exception {
		String email = "target." + System.nanoTime() + "@ledger.test";
		for (int i = 0; i < 5; i++) {
			assertThat(inline(new StaffBrowser(port), email).status()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email) >= 3);
		Thread.sleep(2000);
		assertThat(mailsTo(email)).isEqualTo(3);
	}

	@Test
	void badAddressesAreRefusedWithAClearMessage() {
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("", "invalid");
		cases.put("not an address", "invalid");
		cases.put("reader@ledger.test\r\nBcc: everyone@example.com", "invalid");
		cases.put("reader@ledger.test\nSubject: hi", "invalid");
		cases.put("a,b@ledger.test", "invalid");
		cases.put("<script>alert(1)</script>@ledger.test", "invalid");
		cases.put("x".repeat(250) + "@ab.test", "too-long");
		cases.put("reader@", "no-domain");
		cases.put("reader", "no-domain");
		cases.put("reader@localhost", "no-domain");
		cases.put("reader@[192.0.2.1]", "ip-literal");
		cases.put("reader@192.0.2.1", "ip-literal");
		cases.forEach((email, code) -> {
			Page inline = inline(new StaffBrowser(port), email);
			assertThat(inline.status()).as(email).isEqualTo(422);
			assertThat(inline.body()).as(email).contains("\"code\":\"newsletter.signup." + code + "\"", "Please enter a correct email address");
			StaffBrowser plain = new StaffBrowser(port);
			Page redirect = plain.postExactly("/newsletters/" + slug + "/signup", Map.of("email", email, "page", "/newsletters/" + slug + "/"));
			assertThat(redirect.location()).as(email).contains("result=" + code);
			Page shown = plain.follow(redirect);
			assertThat(shown.html().select("#signup-" + slug + "-error").text()).startsWith("Please enter a correct email address");
			assertThat(shown.html().select("#signup-" + slug + "-email").attr("aria-invalid")).isEqualTo("true");
		});
		assertThat(jdbc.sql("select count(*) from subscriber where address like '%Bcc%' or address like '%192.0.2.1%'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void internationalisedAddressesAreStoredAndMailed() throws Exception {
		String email = "anna." + System.nanoTime() + "@bücher.example";
		assertThat(inline(new StaffBrowser(port), email).status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from subscriber where address = :a").param("a", email).query(Long.class).single()).isEqualTo(1);
		String ascii = email.replace("bücher", "xn--bcher-kva");
		MimeMessage mail = awaitMail(ascii);
		assertThat(token(mail)).isNotBlank();
	}

	@Test
	void aUnicodeLocalPartIsMailedWithSmtpUtf8() throws Exception {
		String email = "олена." + System.nanoTime() + "@пошта.example";
		assertThat(inline(new StaffBrowser(port), email).status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from subscriber where address = :a").param("a", email).query(Long.class).single()).isEqualTo(1);
		MimeMessage mail = awaitMail(email.replace("пошта.example", java.net.IDN.toASCII("пошта.example")));
		assertThat(token(mail)).isNotBlank();
	}

	@Test
	void aRelayThatIsDownDelaysTheConfirmationWithoutLosingIt() throws Exception {
		SMTP.stop();
		String email = "patient." + System.nanoTime() + "@ledger.test";
		try {
			assertThat(inline(new StaffBrowser(port), email).status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
					"select count(*) from scheduled_tasks where task_name = 'newsletter-confirmation' and consecutive_failures > 0")
				.query(Long.class).single() > 0);
		}
		finally {
			SMTP = new GreenMail(new com.icegreen.greenmail.util.ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
			SMTP.start();
		}
		// the job waits 30 s after its first failure; bring it forward rather than wait
		jdbc.sql("update scheduled_tasks set execution_time = :now where task_name = 'newsletter-confirmation' and consecutive_failures > 0")
			.param("now", Timestamp.from(Instant.now())).update();
		MimeMessage mail = awaitMail(email);
		assertThat(token(mail)).isNotBlank();
	}

	@Test
	void expiredTamperedAndUnknownLinksGetAClearPageOfferingANewOne() throws Exception {
		String email = "late." + System.nanoTime() + "@ledger.test";
		inline(new StaffBrowser(port), email);
		String token = token(awaitMail(email));
		StaffBrowser inbox = new StaffBrowser(port);

		String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		Page bad = inbox.get("/newsletters/confirm?token=" + tampered);
		assertThat(bad.status()).isEqualTo(404);
		assertThat(bad.html().select("h1").text()).isEqualTo("This link does not work");
		assertThat(inbox.postExactly("/newsletters/confirm", Map.of("token", tampered)).status()).isEqualTo(404);

		jdbc.sql("update subscription_token set expires_at = :past where subscriber_id = (select id from subscriber where address = :a)")
			.param("past", Timestamp.from(Instant.now().minusSeconds(60))).param("a", email).update();
		Page expired = inbox.postExactly("/newsletters/confirm", Map.of("token", token));
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.html().select("h1").text()).isEqualTo("This link has expired");
		assertThat(expired.html().select("form[action=/newsletters/" + slug + "/signup] input[name=email]"))
			.as("a form to get a new link").hasSize(1);
		assertThat(jdbc.sql("select status from subscription s join subscriber r on r.id = s.subscriber_id where r.address = :a")
			.param("a", email).query(String.class).single()).isEqualTo("PENDING");

		long subscriberId = jdbc.sql("select id from subscriber where address = :a").param("a", email).query(Long.class).single();
		String manage = path(links.manage(subscriberId));
		String forged = manage.replaceFirst("/newsletters/manage/m\\.", "/newsletters/manage/m.1");
		Page forgedPage = inbox.get(forged);
		assertThat(forgedPage.status()).isEqualTo(404);
		assertThat(forgedPage.html().select("form[action=/newsletters/manage-link] input[name=email]")).hasSize(1);
		assertThat(inbox.postExactly(forged + "erase", Map.of()).status()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from subscriber where id = :s").param("s", subscriberId).query(Long.class).single()).isEqualTo(1);
		String unsubscribe = path(links.oneClickUnsubscribe(subscriberId, newsletterId));
		assertThat(inbox.postExactly(unsubscribe.substring(0, unsubscribe.length() - 3) + "xyz",
				Map.of("List-Unsubscribe", "One-Click")).status()).isEqualTo(404);
		assertThat(inbox.postExactly(unsubscribe, Map.of()).status()).as("not a one-click body").isEqualTo(400);

		Page request = inbox.postExactly("/newsletters/manage-link", Map.of("email", email));
		assertThat(request.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email) >= 2);
		assertThat(inbox.postExactly("/newsletters/manage-link", Map.of("email", email)).body()).isEqualTo(request.body());
		Thread.sleep(2500);
		assertThat(mailsTo(email)).as("one new link per interval").isEqualTo(2);
		Page unknownRequest = inbox.postExactly("/newsletters/manage-link", Map.of("email", "nobody." + System.nanoTime() + "@ledger.test"));
		assertThat(unknownRequest.body()).isEqualTo(request.body());
	}

	@Test
	void articlePagesCarrySignUpBlocksThatWorkWithoutJavaScript() {
		TestContent.Basics basics = TestContent.Basics.create(newsroom);
		String articleSlug = TestContent.unique("ferry-timetable");
		long id = newsroom.createDraft(basics.draft(articleSlug, "Winter ferry timetable", "<p>Fewer crossings.</p>"));
		newsroom.publish(id, Instant.now());
		StaffBrowser reader = new StaffBrowser(port);
		Page article = reader.get("/" + articleSlug + "/");
		assertThat(article.html().select(".signup")).hasSizeGreaterThanOrEqualTo(1);
		assertThat(article.html().select("input[name=_csrf]")).isEmpty();
		assertThat(reader.get("/" + articleSlug + "/").headers().firstValue("ETag")).as("the page is cached").isPresent();
		String email = "article." + System.nanoTime() + "@ledger.test";
		String form = article.html().select(".signup form").first().attr("action");
		String blockSlug = form.split("/")[2];
		Page answer = reader.postExactly(form, Map.of("email", email, "page", "/" + articleSlug + "/"));
		assertThat(path(answer.location()) + "?" + URI.create(answer.location()).getRawQuery()).startsWith("/" + articleSlug + "/?signup=" + blockSlug + "&result=sent");
		Page shown = reader.follow(answer);
		assertThat(shown.html().select("#signup-" + blockSlug + " .signup-done").text()).startsWith("Thank you for signing up");
		assertThat(reader.get("/" + articleSlug + "/").html().select(".signup-done").text().strip())
			.as("the cached page shows no one's message").isEmpty();
		assertThat(jdbc.sql("select form from subscription_consent c join subscriber s on s.id = c.subscriber_id where s.address = :a")
			.param("a", email).query(String.class).single()).startsWith("/" + articleSlug + "/#signup-");		for (String other : new String[] { "/", "/section/" + basics.sectionSlug() + "/" }) {
			Page page = reader.get(other);
			assertThat(page.html().select(".signup form[action$=/signup] input[name=email]")).as(other).isNotEmpty();
			assertThat(page.html().select(".signup form input[name=page]").first().attr("value")).as(other).isEqualTo(other);
			assertThat(page.html().select("input[name=_csrf]")).as(other).isEmpty();
		}
		assertThat(reader.get("/tag/" + basics.tagSlug() + "/").html().select(".signup")).as("not on tag pages").isEmpty();
	}

	@Test
	void changingANewsletterShowsOnCachedPagesAtOnce() {
		StaffBrowser reader = new StaffBrowser(port);
		assertThat(reader.get("/newsletters/").body()).contains("Tide Tables");
		reader.get("/newsletters/");
		newsletters.update(newsletterId, new NewsletterDraft("Tide Tables and Currents", slug, "New description.", null,
				"Every Sunday", "Tide Tables", "tides@ledger.test", null, NewsletterStatus.ACTIVE, 1, false));
		assertThat(reader.get("/newsletters/").body()).contains("Tide Tables and Currents");
	}

	private long confirmedSubscriber(String email) throws Exception {
		inline(new StaffBrowser(port), email);
		String token = token(awaitMail(email));
		new StaffBrowser(port).postExactly("/newsletters/confirm", Map.of("token", token));
		long id = jdbc.sql("select id from subscriber where address = :a").param("a", email).query(Long.class).single();
		assertThat(status(id)).isEqualTo("CONFIRMED");
		return id;
	}

	private Page inline(StaffBrowser browser, String email) {
		return browser.header("Accept", "application/json")
			.postExactly("/newsletters/" + slug + "/signup", Map.of("email", email, "website", "", "page", "/"));
	}

	private String status(long subscriberId) {
		return jdbc.sql("select status from subscription where subscriber_id = :s and newsletter_id = :n")
			.param("s", subscriberId).param("n", newsletterId).query(String.class).single();
	}

	private static MimeMessage awaitMail(String to) {
		await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(to) > 0);
		for (MimeMessage m : SMTP.getReceivedMessages()) {
			try {
				if (m.getAllRecipients()[0].toString().equals(to)) {
					return m;
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("no mail to " + to);
	}

	private static long mailsTo(String to) {
		return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(to);
			}
			catch (Exception ex) {
				return false;
			}
		}).count();
	}

	private static String parts(MimeMessage mail) throws Exception {
		StringBuilder types = new StringBuilder();
		collect(mail.getContent(), types);
		return types.toString();
	}

	private static void collect(Object content, StringBuilder types) throws Exception {
		if (content instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				types.append(multipart.getBodyPart(i).getContentType()).append(' ');
				collect(multipart.getBodyPart(i).getContent(), types);
			}
		}
	}

	private static String token(MimeMessage mail) {
		Matcher m = CONFIRM_LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
		assertThat(m.find()).as("a confirmation link in the mail").isTrue();
		return m.group(1);
	}

	private static String path(String url) {
		return URI.create(url).getRawPath();
	}

}
