package org.masthead.newsletter.sending;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.newsletter.issue.Placeholders;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/**
 * Makes the message of one delivery: the issue's kept HTML and text with the subscriber's own links,
 * the list headers (RFC 2369 {@code List-Unsubscribe} with an https one-click URL and a mailto, RFC
 * 8058 {@code List-Unsubscribe-Post}, RFC 2919 {@code List-Id}) and, when configured, a DKIM signature
 * over them. One per worker: the DKIM signer is not shared between threads.
 */
final class IssueMail {

	/** The links of one message. */
	record Links(String unsubscribe, String manage, String oneClick, String mailto, String pixel) {
	}

	private final Session session;

	private final DkimSigner signer;

	private final String listIdDomain;

	IssueMail(Session session, DkimSigner signer, String listIdDomain) {
		this.session = session;
		this.signer = signer;
		this.listIdDomain = listIdDomain;
	}

	MimeMessage message(NewsletterRef newsletter, Issue issue, String subjectPrefix, String to, String messageId,
			Links links, Instant now) throws MessagingException {
		IssueMessage message = new IssueMessage(session, messageId);
		try {
			message.setFrom(new InternetAddress(newsletter.senderAddress(), newsletter.senderName(), "UTF-8"));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		if (newsletter.replyTo() != null && !newsletter.replyTo().isBlank()) {
			message.setReplyTo(new InternetAddress[] { new InternetAddress(newsletter.replyTo()) });
		}
		message.setRecipient(Message.RecipientType.TO, recipient(to));
		message.setSubject(subjectPrefix + issue.subject(), "UTF-8");
		message.setSentDate(Date.from(now));
		message.setHeader("List-Id", listId(newsletter));
		if (links.oneClick() != null) {
			message.setHeader("List-Unsubscribe", "<" + links.oneClick() + ">" + (links.mailto() == null ? "" : ", <" + links.mailto() + ">"));
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		MimeBodyPart text = new MimeBodyPart();
		text.setText(personal(issue.text(), links, false), "UTF-8", "plain");
		text.setHeader("Content-Transfer-Encoding", "quoted-printable");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(personal(issue.html(), links, true), "UTF-8", "html");
		html.setHeader("Content-Transfer-Encoding", "quoted-printable");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(text);
		alternative.addBodyPart(html);
		message.setContent(alternative);
		message.saveChanges();
		return signer == null ? message : new IssueMessage.Signed(message, signer);
	}

	private static String attribute(String url) {
		return url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** {@code "Name" <slug.domain>} as RFC 2919 has it. */
	String listId(NewsletterRef newsletter) {
		String label = newsletter.name().replaceAll("[\"\\\\\\r\\n]", "");
		return "\"" + label + "\" <" + newsletter.slug() + "." + listIdDomain + ">";
	}

	private static InternetAddress recipient(String address) throws AddressException {
		InternetAddress parsed = new InternetAddress(address, false);
		return parsed;
	}

	private static String personal(String body, Links links, boolean html) {
		return body.replace(Placeholders.UNSUBSCRIBE, html ? attribute(links.unsubscribe()) : links.unsubscribe())
			.replace(Placeholders.MANAGE, html ? attribute(links.manage()) : links.manage())
			.replace(Placeholders.PIXEL, links.pixel() == null ? "" : links.pixel());
	}

}
