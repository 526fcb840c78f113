package org.masthead.newsletter.sending;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.masthead.content.Newsroom;
import org.masthead.newsletter.TestNewsletters;
import org.masthead.newsletter.TestNewsletters.Newsletter;
import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.IssueDraft;
import org.masthead.newsletter.issue.IssueRepository;
import org.masthead.newsletter.issue.IssueStatus;
import org.masthead.newsletter.issue.Issues;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issues go out DKIM-signed with the configured key, selector and domain; Apache James jDKIM (another
 * implementation than the signer) verifies a message as GreenMail received it, and rejects it once a
 * signed header is changed.
 */
@MastheadIntegrationTest
class DkimIntegrationTests {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final KeyPair KEY;

	static {
		SMTP.start();
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KEY = generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("masthead.newsletter.sending.dkim.domain", () -> "ledger.test");
		registry.add("masthead.newsletter.sending.dkim.selector", () -> "news2026");
		registry.add("masthead.newsletter.sending.dkim.private-key", () -> "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEY.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n");
		registry.add("db-scheduler.polling-interval", () -> "1s");
	}

	@AfterAll
	static void stopMail() {
		SMTP.stop();
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Newsroom newsroom;

	@Autowired
	Issues issues;

	@Autowired
	IssueRepository repository;

	@Test
	void signedMessagesVerifyWithAnIndependentVerifierAndFailWhenASignedHeaderChanges() throws Exception {
		Newsletter newsletter = TestNewsletters.create(jdbc);
		String reader = "reader." + TestContent.unique("dkim") + "@dkim.test";
		TestNewsletters.subscriber(jdbc, newsletter, reader, "CONFIRMED");
		TestContent.Basics basics = TestContent.Basics.create(newsroom);
		String slug = TestContent.unique("lighthouse");
		long article = newsroom.createDraft(basics.draft(slug, "Lighthouse keeper’s last winter", "<p>After forty years.</p>"));
		newsroom.publish(article, Instant.now());
		NewsletterRef ref = repository.newsletter(newsletter.slug()).orElseThrow();
		Issue issue = issues.compose(ref, new IssueDraft("Lighthouse — a last winter", "Forty years of nights", false, List.of(slug)), "test");
		issues.sendNow(ref, issue.id());
		await().atMost(Duration.ofSeconds(40)).until(() -> issues.issue(issue.id()).status() == IssueStatus.SENT);

		MimeMessage received = java.util.Arrays.stream(SMTP.getReceivedMessages())
			.filter(m -> SendingIntegrationTests.recipient(m).equals(reader))
			.findFirst()
			.orElseThrow();
		String raw = GreenMailUtil.getWholeMessage(received);
		String signature = received.getHeader("DKIM-Signature")[0].replaceAll("\\s+", "");
		assertThat(signature).contains("d=ledger.test", "s=news2026", "a=rsa-sha256");
		String signedHeaders = signature.replaceAll(".*;h=([^;]+);.*", "$1").toLowerCase();
		assertThat(signedHeaders.split(":")).contains("from", "subject", "date", "message-id", "list-unsubscribe",
				"list-unsubscribe-post", "list-id");

		List<SignatureRecord> valid = verifier().verify(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
		assertThat(valid).singleElement().satisfies(record -> {
			assertThat(record.getDToken().toString()).isEqualTo("ledger.test");
			assertThat(record.getSelector().toString()).isEqualTo("news2026");
		});

		String otherSubject = raw.replaceFirst("(?m)^Subject: .*$", "Subject: Win a prize");
		assertThat(otherSubject).isNotEqualTo(raw);
		assertThatThrownBy(() -> verifier().verify(new ByteArrayInputStream(otherSubject.getBytes(StandardCharsets.ISO_8859_1))))
			.isInstanceOf(FailException.class);
		String otherUnsubscribe = raw.replaceFirst("(?m)^List-Unsubscribe: <", "List-Unsubscribe: <https://evil.example/?next=");
		assertThat(otherUnsubscribe).isNotEqualTo(raw);
		assertThatThrownBy(() -> verifier().verify(new ByteArrayInputStream(otherUnsubscribe.getBytes(StandardCharsets.ISO_8859_1))))
			.isInstanceOf(FailException.class);
	}

	/** jDKIM with the test key published as if in DNS at news2026._domainkey.ledger.test. */
	private static DKIMVerifier verifier() {
		String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(KEY.getPublic().getEncoded());
		return new DKIMVerifier((method, selector, domain) -> {
			if ("news2026".contentEquals(selector) && "ledger.test".contentEquals(domain)) {
				return List.of(record);
			}
			return List.of();
		});
	}

}
