package org.masthead.newsletter.sending;

import java.io.InputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;

/** A message whose Message-ID is the delivery's own, the same on every attempt, never a random one. */
final class IssueMessage extends MimeMessage {

	private final String messageId;

	IssueMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	/** The message these bytes are (a prepared message, for the DKIM signer, which signs a parsed one). */
	IssueMessage(Session session, InputStream bytes, String messageId) throws MessagingException {
		super(session, bytes);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", messageId);
	}

	/** The same message with a DKIM-Signature header, keeping the Message-ID. */
	static final class Signed extends DkimMessage {

		private final String messageId;

		Signed(IssueMessage message, DkimSigner signer) throws MessagingException {
			super(message, signer);
			this.messageId = message.messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
