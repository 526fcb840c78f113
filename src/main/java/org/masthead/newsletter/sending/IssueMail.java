package org.masthead.newsletter.sending;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.newsletter.issue.Placeholders;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * Makes the message of one delivery: the issue's kept HTML and text with the subscriber's own links,
 * the list headers (RFC 2369 {@code List-Unsubscribe} with an https one-click URL and a mailto, RFC
 * 8058 {@code List-Unsubscribe-Post}, RFC 2919 {@code List-Id}) and, when configured, a DKIM signature
 * over them. The issue's part of every message is prepared once ({@link PreparedIssue}); a message
 * is those bytes with the subscriber's headers and links. One per worker: the DKIM signer and the
 * prepared issue are not shared between threads.
 */
final class IssueMail {

	/**
	 * The links of one message.
	 *
	 * @param trackingToken the subscriber's open and click token, null when the newsletter does not track
	 */
	record Links(String unsubscribe, String manage, String oneClick, String mailto, String trackingToken) {
	}

	private final Session session;

	private final DkimSigner signer;

	private final String listIdDomain;

	private final Tracking tracking;

	private final boolean unicodeAddresses;

	private PreparedIssue prepared;

	IssueMail(Session session, DkimSigner signer, String listIdDomain) {
		this(session, signer, listIdDomain, null);
	}

	/** @param tracking makes tracked links and pixels; null where messages are never tracked (test sends) */
	IssueMail(Session session, DkimSigner signer, String listIdDomain, Tracking tracking) {
		this.session = session;
		this.signer = signer;
		this.listIdDomain = listIdDomain;
		this.tracking = tracking;
		this.unicodeAddresses = Boolean.parseBoolean(session.getProperty("mail.mime.allowutf8"));
	}

	MimeMessage message(NewsletterRef newsletter, Issue issue, String subjectPrefix, String to, String messageId,
			Links links, Instant now) throws MessagingException {
		boolean tracked = tracking != null && links.trackingToken() != null;
		if (prepared == null || !prepared.isFor(issue, subjectPrefix, tracked)) {
			String trackedHtml = tracked ? tracking.trackLinks(issue.html(), PreparedIssue.TRACKING_TOKEN)
				.replace(Placeholders.PIXEL, tracking.pixel(PreparedIssue.TRACKING_TOKEN)) : null;
			prepared = new PreparedIssue(newsletter, issue, subjectPrefix, listId(newsletter), trackedHtml, unicodeAddresses);
		}
		PreparedIssue.Recipient recipient = new PreparedIssue.Recipient(PreparedIssue.recipient(to).getAddress(), messageId, now,
				links.unsubscribe(), links.manage(), links.oneClick(), links.mailto(), links.trackingToken());
		if (signer == null) {
			return new Prepared(session, prepared, recipient);
		}
		// The DKIM library signs a parsed message: it gets exactly these bytes.
		IssueMessage parsed = new IssueMessage(session, new ByteArrayInputStream(prepared.bytes(recipient)), messageId);
		return new IssueMessage.Signed(parsed, signer);
	}

	/**
	 * {@code "Name" <slug.domain>} as RFC 2919 has it; a name that is not ASCII is an RFC 2047
	 * encoded word, so the header reads the same through a relay without SMTPUTF8.
	 */
	String listId(NewsletterRef newsletter) {
		String label = newsletter.name().replaceAll("[\"\\\\\\r\\n]", "");
		String phrase;
		if (label.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
			phrase = "\"" + label + "\"";
		}
		else {
			try {
				phrase = MimeUtility.encodeWord(label, "UTF-8", "Q");
			}
			catch (UnsupportedEncodingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return phrase + " <" + newsletter.slug() + "." + listIdDomain + ">";
	}

	/**
	 * A message that is its prepared bytes: the SMTP transport asks it for the sender (MAIL FROM) and
	 * its bytes (DATA), and nothing is parsed or encoded again.
	 */
	static final class Prepared extends MimeMessage {

		private final PreparedIssue issue;

		private final PreparedIssue.Recipient recipient;

		Prepared(Session session, PreparedIssue issue, PreparedIssue.Recipient recipient) {
			super(session);
			this.issue = issue;
			this.recipient = recipient;
		}

		@Override
		public void writeTo(OutputStream out) throws IOException, MessagingException {
			issue.writeAtOnce(recipient, out);
		}

		@Override
		public void writeTo(OutputStream out, String[] ignoredHeaders) throws IOException, MessagingException {
			issue.writeAtOnce(recipient, out);
		}

		/** The message's bytes, in a buffer valid until this worker's next message. */
		PreparedIssue.Scratch assemble() throws IOException, MessagingException {
			return issue.assemble(recipient);
		}

		@Override
		public Address[] getFrom() {
			return issue.from().clone();
		}

		@Override
		public String getSubject() {
			return issue.subject();
		}

		@Override
		public String getMessageID() {
			return recipient.messageId();
		}

		@Override
		public void saveChanges() {
			// the bytes are complete as prepared
		}

	}

}
