package org.masthead.newsletter.sending;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.IssueStatus;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.newsletter.issue.Placeholders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prepared message of an issue, read back by the mail library as a mail client would: both parts
 * decode to the issue with each subscriber's own links in place, however long the links and
 * whatever the text, and no encoded line is longer than 76 characters.
 */
class PreparedIssueTests {

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final NewsletterRef NEWSLETTER = new NewsletterRef(7, "morning-briefing", "Ранковий брифінг",
			"Every morning", "Олена Шевчук", "briefing@ledger.test", "desk@ledger.test", false);

	@Test
	void bothPartsDecodeToTheIssueWithEachSubscribersOwnLongLinksAndNonAsciiText() throws Exception {
		String longLine = "Київ — the council’s “naïve” café budget ✓ ".repeat(6);
		String html = "<html><body><p>" + longLine + "</p>\n<p><a href=\"" + Placeholders.MANAGE + "\">Manage</a> · "
				+ "<a href=\"" + Placeholders.UNSUBSCRIBE + "\">Unsubscribe</a></p>" + Placeholders.PIXEL + "\n</body></html>\n";
		String text = longLine + "\n\nManage: " + Placeholders.MANAGE + "\nUnsubscribe: " + Placeholders.UNSUBSCRIBE + "\n";
		String listId = new IssueMail(SESSION, null, "ledger.test").listId(NEWSLETTER);
		PreparedIssue prepared = new PreparedIssue(NEWSLETTER, issue("Ціни на каву ростуть — чому?", html, text), "", listId, null,
				true);

		for (String who : List.of("reader", "a-much-longer-reader-name")) {
			String unsubscribe = "https://ledger.test/newsletters/unsubscribe/u." + who + "." + "x".repeat(120) + "?a=1&b=2";
			String manage = "https://ledger.test/newsletters/manage/m." + who + "." + "Y_-".repeat(50) + "/";
			String mailto = "mailto:unsubscribe@ledger.test?subject=unsubscribe%20u." + who;
			PreparedIssue.Recipient recipient = new PreparedIssue.Recipient(who + "@ex.test", "<1." + who + "@ledger.test>",
					Instant.parse("2026-11-28T06:00:00Z"), unsubscribe, manage, unsubscribe, mailto, null);
			byte[] bytes = prepared.bytes(recipient);

			assertThat(bodyLines(bytes)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
			MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
			assertThat(parsed.getSubject()).isEqualTo("Ціни на каву ростуть — чому?");
			assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("Олена Шевчук");
			assertThat(((InternetAddress) parsed.getReplyTo()[0]).getAddress()).isEqualTo("desk@ledger.test");
			assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly(who + "@ex.test");
			assertThat(parsed.getMessageID()).isEqualTo("<1." + who + "@ledger.test>");
			assertThat(parsed.getSentDate()).isEqualTo(java.util.Date.from(Instant.parse("2026-11-28T06:00:00Z")));
			assertThat(parsed.getHeader("List-Unsubscribe", null)).isEqualTo("<" + unsubscribe + ">, <" + mailto + ">");
			assertThat(parsed.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
			assertThat(parsed.getHeader("List-Id", null)).isEqualTo(listId).matches("[\\x20-\\x7e]+")
				.endsWith(" <morning-briefing.ledger.test>");
			assertThat(MimeUtility.decodeText(listId.substring(0, listId.indexOf(" <")))).isEqualTo("Ранковий брифінг");

			MimeMultipart parts = (MimeMultipart) parsed.getContent();
			assertThat(parsed.getContentType()).startsWith("multipart/alternative");
			assertThat(parts.getCount()).isEqualTo(2);
			assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
			assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
			assertThat(lf((String) parts.getBodyPart(0).getContent())).isEqualTo(text.replace(Placeholders.MANAGE, manage)
				.replace(Placeholders.UNSUBSCRIBE, unsubscribe));
			assertThat(lf((String) parts.getBodyPart(1).getContent())).isEqualTo(html
				.replace(Placeholders.MANAGE, manage.replace("&", "&amp;"))
				.replace(Placeholders.UNSUBSCRIBE, unsubscribe.replace("&", "&amp;"))
				.replace(Placeholders.PIXEL, ""));
		}
	}

	@Test
	void trackedIssuesCarryEachSubscribersTokenInEveryTrackedLinkAndThePixel() throws Exception {
		String tracked = "<p><a href=\"https://ledger.test/newsletters/t/c/" + PreparedIssue.TRACKING_TOKEN
				+ "?u=https%3A%2F%2Fledger.test%2Fa-story%2F\">A story</a></p><img src=\"https://ledger.test/newsletters/t/o/"
				+ PreparedIssue.TRACKING_TOKEN + ".gif\">";
		PreparedIssue prepared = new PreparedIssue(NEWSLETTER, issue("Tracked", "unused", "Plain"), "[Test] ", "list", tracked, false);
		String token = "1a.2b." + "Zm9vYmFy".repeat(6);
		byte[] bytes = prepared.bytes(new PreparedIssue.Recipient("r@ex.test", "<t@ledger.test>", Instant.now(), "u", "m", null, null,
				token));
		MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
		assertThat(parsed.getSubject()).isEqualTo("[Test] Tracked");
		assertThat(parsed.getHeader("List-Unsubscribe")).isNull();
		String html = (String) ((MimeMultipart) parsed.getContent()).getBodyPart(1).getContent();
		assertThat(html).isEqualTo(tracked.replace(PreparedIssue.TRACKING_TOKEN, token));
		assertThat(prepared.isFor(issue("Tracked", "unused", "Plain"), "[Test] ", true)).isTrue();
		assertThat(prepared.isFor(issue("Tracked", "unused", "Plain"), "", true)).isFalse();
		assertThat(prepared.isFor(issue("Tracked", "unused", "Plain"), "[Test] ", false)).isFalse();
	}

	/** Pieces encoded one by one and put side by side decode to the whole text, in lines of at most 76. */
	@Property(tries = 500)
	void piecesEncodedApartDecodeToTheWholeText(@ForAll("pieces") List<String> pieces) throws Exception {
		ByteArrayOutputStream encoded = new ByteArrayOutputStream();
		for (String piece : pieces) {
			encoded.write(QuotedPrintable.encode(piece));
		}
		String wire = encoded.toString(StandardCharsets.US_ASCII);
		assertThat(wire.split("\r\n", -1)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
		assertThat(wire.replace("\r\n", "")).doesNotContain("\r", "\n").matches("[\\t\\x20-\\x7e]*");
		assertThat(wire.split("\r\n", -1)).allSatisfy(line -> assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t"));
		try (InputStream decoder = MimeUtility.decode(new ByteArrayInputStream(encoded.toByteArray()), "quoted-printable")) {
			String decoded = new String(decoder.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(decoded).isEqualTo(String.join("", pieces).replaceAll("\r\n|\r|\n", "\r\n"));
		}
	}

	@Provide
	Arbitrary<List<String>> pieces() {
		Arbitrary<String> piece = Arbitraries.strings()
			.withChars("aé=. \t\r\n-Ж✓&\"<>")
			.withCharRange('!', '~')
			.ofMaxLength(200);
		return piece.list().ofMinSize(1).ofMaxSize(6)
			// a CR at the end of one piece and an LF at the start of the next are two line breaks when
			// encoded apart; the issue's placeholders never sit inside a line break
			.filter(list -> {
				for (int i = 0; i + 1 < list.size(); i++) {
					if (list.get(i).endsWith("\r") && list.get(i + 1).startsWith("\n")) {
						return false;
					}
				}
				return true;
			});
	}

	private static Issue issue(String subject, String html, String text) {
		Instant now = Instant.parse("2026-11-28T05:00:00Z");
		return new Issue(42, 7, "issue-42", subject, "", IssueStatus.SENDING, false, null, List.of(), null, html, text, "test",
				now, now, now, null);
	}

	/** The lines after the header block. */
	private static List<String> bodyLines(byte[] bytes) {
		String message = new String(bytes, StandardCharsets.UTF_8);
		String body = message.substring(message.indexOf("\r\n\r\n") + 4);
		return new ArrayList<>(Arrays.asList(body.split("\r\n", -1)));
	}

	private static String lf(String text) {
		return text.replace("\r\n", "\n");
	}

}
