package org.masthead.newsletter.sending;

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
