package org.masthead.newsletter.sending;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;

import org.masthead.newsletter.issue.Issue;
import org.masthead.newsletter.issue.NewsletterRef;
import org.masthead.newsletter.issue.Placeholders;

/**
 * The message of one issue as bytes prepared once: the headers every subscriber gets (From,
 * Subject, List-Id, the MIME structure) and both parts of the body, quoted-printable, cut at the
 * places where a subscriber's own links go. A message is then these bytes with the subscriber's
 * headers (Date, To, Message-ID, List-Unsubscribe) and links written in between, only the links
 * encoded per message ({@link QuotedPrintable} keeps every piece's lines independent of the links'
 * lengths). The result is what the mail library made of the same issue before: multipart/alternative,
 * text then HTML, UTF-8, quoted-printable. Not thread-safe (its date format): one per worker.
 */
final class PreparedIssue {

	/** Where a subscriber's own text goes. */
	enum Slot {
		/** The unsubscribe link as text. */
		UNSUBSCRIBE_TEXT,
		/** The manage link as text. */
		MANAGE_TEXT,
		/** The unsubscribe link inside an HTML attribute. */
		UNSUBSCRIBE_HTML,
		/** The manage link inside an HTML attribute. */
		MANAGE_HTML,
		/** The tracking token, inside tracked links and the pixel. */
		TRACKING,
		/** The List-Unsubscribe headers, when the message has a one-click link. */
		LIST_UNSUBSCRIBE
	}

	/** Marks the tracking token while the issue's HTML is prepared; like the other placeholders, no article can contain it. */
	static final String TRACKING_TOKEN = "%%masthead-tracking%%";

	/** What differs between two messages of one issue. */
	record Recipient(String address, String messageId, Instant date, String unsubscribe, String manage, String oneClick,
			String mailto, String trackingToken) {
	}

	private final long issueId;

	private final String subjectPrefix;

	private final boolean tracked;

	private final Address[] from;

	private final String subject;

	private final boolean unicodeAddresses;

	/** Alternately static bytes and slots, in message order, from the end of the per-message headers on. */
	private final List<Object> body = new ArrayList<>();

	private final byte[] fixedHeaders;

	private final MailDateFormat dates = new MailDateFormat();

	/** The Date header of the second last written (the header has no finer unit): formatted once a second. */
	private long dateSecond = Long.MIN_VALUE;

	private byte[] dateHeader;

	/** One message at a time is put together here and handed on in one write (see {@link #writeAtOnce}). */
	private final Scratch scratch = new Scratch();

	/**
	 * @param trackedHtml the issue's HTML with tracked links and pixel in place, the token written as
	 *     {@link #TRACKING_TOKEN}; null when the newsletter does not track
	 */
	PreparedIssue(NewsletterRef newsletter, Issue issue, String subjectPrefix, String listId, String trackedHtml,
			boolean unicodeAddresses) throws MessagingException {
		this.issueId = issue.id();
		this.subjectPrefix = subjectPrefix;
		this.tracked = trackedHtml != null;
		this.unicodeAddresses = unicodeAddresses;
		this.subject = subjectPrefix + issue.subject();
		try {
			this.from = new Address[] { new InternetAddress(newsletter.senderAddress(), newsletter.senderName(), "UTF-8") };
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		StringBuilder headers = new StringBuilder(512);
		// Names are always RFC 2047 encoded words, readable through a relay without SMTPUTF8; only a
		// recipient's own address may need raw UTF-8 (To, below).
		header(headers, "From", InternetAddress.toString(from, 6));
		if (newsletter.replyTo() != null && !newsletter.replyTo().isBlank()) {
			header(headers, "Reply-To", InternetAddress.toString(new Address[] { new InternetAddress(newsletter.replyTo()) }, 10));
		}
		this.fixedHeaders = headers.toString().getBytes(StandardCharsets.UTF_8);

		String boundary = "=_masthead_" + Long.toString(issueId, 36) + "_"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		StringBuilder rest = new StringBuilder(512);
		try {
			header(rest, "Subject", MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null)));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
		header(rest, "MIME-Version", "1.0");
		header(rest, "Content-Type", "multipart/alternative; \r\n\tboundary=\"" + boundary + "\"");
		header(rest, "List-Id", listId);
		body.add(rest.toString().getBytes(StandardCharsets.UTF_8));
		body.add(Slot.LIST_UNSUBSCRIBE);
		body.add(("\r\n--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: quoted-printable\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		cut(issue.text().replace(Placeholders.PIXEL, ""), false);
		body.add(("\r\n--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\n"
				+ "Content-Transfer-Encoding: quoted-printable\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		cut(tracked ? trackedHtml : issue.html().replace(Placeholders.PIXEL, ""), true);
		body.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
	}

	/** Whether these bytes are those of this issue, subject prefix and tracking setting. */
	boolean isFor(Issue issue, String prefix, boolean tracking) {
		return issue.id() == issueId && subjectPrefix.equals(prefix) && tracking == tracked;
	}

	Address[] from() {
		return from;
	}

	String subject() {
		return subject;
	}

	/** Writes the whole message of one recipient. */
	void write(Recipient recipient, OutputStream out) throws IOException, MessagingException {
		long second = recipient.date().getEpochSecond();
		if (second != dateSecond) {
			dateHeader = ("Date: " + dates.format(Date.from(recipient.date())) + "\r\n").getBytes(StandardCharsets.US_ASCII);
			dateSecond = second;
		}
		out.write(dateHeader);
		out.write(fixedHeaders);
		StringBuilder headers = new StringBuilder(256);
		header(headers, "To", addresses(new Address[] { new InternetAddress(recipient.address(), false) }, 4));
		header(headers, "Message-ID", recipient.messageId());
		out.write(headers.toString().getBytes(StandardCharsets.UTF_8));
		for (Object piece : body) {
			if (piece instanceof byte[] bytes) {
				out.write(bytes);
			}
			else if (piece == Slot.LIST_UNSUBSCRIBE) {
				if (recipient.oneClick() != null) {
					headers.setLength(0);
					header(headers, "List-Unsubscribe", "<" + recipient.oneClick() + ">"
							+ (recipient.mailto() == null ? "" : ", <" + recipient.mailto() + ">"));
					header(headers, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
					out.write(headers.toString().getBytes(StandardCharsets.UTF_8));
				}
			}
			else {
				QuotedPrintable.encode(value((Slot) piece, recipient), out);
			}
		}
	}

	/**
	 * Writes the whole message of one recipient in one call. The SMTP data stream looks at every
	 * byte it is given (line ends, dot-stuffing) and the links are encoded a byte at a time: given
	 * one array, it does that work in one loop instead of a call per byte.
	 */
	void writeAtOnce(Recipient recipient, OutputStream out) throws IOException, MessagingException {
		Scratch message = assemble(recipient);
		out.write(message.array(), 0, message.size());
	}

	/** The whole message of one recipient in this issue's buffer, valid until the next call. */
	Scratch assemble(Recipient recipient) throws IOException, MessagingException {
		scratch.reset();
		write(recipient, scratch);
		return scratch;
	}

	/** A byte array stream that lends its array instead of copying it. */
	static final class Scratch extends ByteArrayOutputStream {

		Scratch() {
			super(16 * 1024);
		}

		byte[] array() {
			return buf;
		}

	}

	/** The whole message of one recipient as bytes. */
	byte[] bytes(Recipient recipient) throws MessagingException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
		try {
			write(recipient, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex); // not from a byte array
		}
		return out.toByteArray();
	}

	private static String value(Slot slot, Recipient recipient) {
		return switch (slot) {
			case UNSUBSCRIBE_TEXT -> recipient.unsubscribe();
			case MANAGE_TEXT -> recipient.manage();
			case UNSUBSCRIBE_HTML -> attribute(recipient.unsubscribe());
			case MANAGE_HTML -> attribute(recipient.manage());
			case TRACKING -> recipient.trackingToken() == null ? "" : recipient.trackingToken();
			case LIST_UNSUBSCRIBE -> throw new IllegalArgumentException("a header, not body text");
		};
	}

	/** Splits a part at its placeholders: each static piece encoded once, a slot where a link goes. */
	private void cut(String part, boolean html) {
		int from = 0;
		while (true) {
			int next = -1;
			Slot slot = null;
			int length = 0;
			for (Slot candidate : Slot.values()) {
				String marker = marker(candidate, html);
				if (marker == null) {
					continue;
				}
				int at = part.indexOf(marker, from);
				if (at >= 0 && (next < 0 || at < next)) {
					next = at;
					slot = candidate;
					length = marker.length();
				}
			}
			if (next < 0) {
				body.add(QuotedPrintable.encode(part.substring(from)));
				return;
			}
			body.add(QuotedPrintable.encode(part.substring(from, next)));
			body.add(slot);
			from = next + length;
		}
	}

	private String marker(Slot slot, boolean html) {
		return switch (slot) {
			case UNSUBSCRIBE_TEXT -> html ? null : Placeholders.UNSUBSCRIBE;
			case MANAGE_TEXT -> html ? null : Placeholders.MANAGE;
			case UNSUBSCRIBE_HTML -> html ? Placeholders.UNSUBSCRIBE : null;
			case MANAGE_HTML -> html ? Placeholders.MANAGE : null;
			case TRACKING -> html && tracked ? TRACKING_TOKEN : null;
			case LIST_UNSUBSCRIBE -> null;
		};
	}

	private String addresses(Address[] addresses, int used) {
		return unicodeAddresses ? InternetAddress.toUnicodeString(addresses, used) : InternetAddress.toString(addresses, used);
	}

	private static void header(StringBuilder out, String name, String value) {
		out.append(name).append(": ").append(value).append("\r\n");
	}

	static String attribute(String url) {
		return url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
	}

	static InternetAddress recipient(String address) throws AddressException {
		return new InternetAddress(address, false);
	}

}
