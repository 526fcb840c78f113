package org.masthead.newsletter.sending;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection a worker keeps open for many messages, reconnecting after the relay drops it.
 * Each send answers with the relay's reply, sorted into accepted, temporary (4xx, lost connection)
 * and permanent (5xx; {@code recipientRejected} when the relay refused the recipient itself).
 */
final class SmtpConnection implements AutoCloseable {

	/** What the relay said about one message. */
	record Reply(Outcome outcome, int code, String text, boolean recipientRejected) {
	}

	enum Outcome {
		ACCEPTED, TEMPORARY, PERMANENT
	}

	private final JavaMailSenderImpl settings;

	private final Session session;

	private Transport transport;

	SmtpConnection(JavaMailSenderImpl settings) {
		this.settings = settings;
		this.session = settings.getSession();
	}

	Session session() {
		return session;
	}

	Reply send(MimeMessage message, Address[] recipients) {
		try {
			open();
			transport.sendMessage(message, recipients);
			String response = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "250";
			return new Reply(Outcome.ACCEPTED, 250, response == null ? "250" : response.strip(), false);
		}
		catch (MessagingException ex) {
			Reply reply = classify(ex);
			if (reply.code() == 0) {
				close();
			}
			return reply;
		}
	}

	private void open() throws MessagingException {
		if (transport == null) {
			Transport opened = session.getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
			opened.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
			transport = opened;
		}
	}

	static Reply classify(MessagingException ex) {
		Exception cause = ex;
		while (cause != null) {
			if (cause instanceof SMTPAddressFailedException failed) {
				return reply(failed.getReturnCode(), failed.getMessage(), true);
			}
			if (cause instanceof SMTPSenderFailedException failed) {
				return reply(failed.getReturnCode(), failed.getMessage(), false);
			}
			if (cause instanceof SMTPSendFailedException failed && failed.getReturnCode() > 0) {
				Exception next = failed.getNextException();
				if (next instanceof SMTPAddressFailedException address) {
					return reply(address.getReturnCode(), address.getMessage(), true);
				}
				return reply(failed.getReturnCode(), failed.getMessage(), false);
			}
			cause = cause instanceof MessagingException messaging ? messaging.getNextException() : null;
		}
		String text = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		return new Reply(Outcome.TEMPORARY, 0, "connection: " + text, false);
	}

	private static Reply reply(int code, String text, boolean recipient) {
		String clean = text == null ? String.valueOf(code) : text.strip();
		if (code >= 500) {
			return new Reply(Outcome.PERMANENT, code, clean, recipient);
		}
		return new Reply(Outcome.TEMPORARY, code, clean, recipient);
	}

	@Override
	public void close() {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				// the connection is gone either way
			}
			transport = null;
		}
	}

}
