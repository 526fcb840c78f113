package org.masthead.newsletter.sending;

import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection a worker keeps open for many messages, reconnecting after the relay drops it.
 * Each send answers with the relay's reply, sorted into accepted, temporary (4xx, lost connection)
 * and permanent (5xx; {@code recipientRejected} when the relay refused the recipient itself).
 *
 * <p>A send runs a {@link BeforeDot} step after the whole message went out and before the final
 * "." that asks the relay to take it: the caller marks the delivery there, in a transaction it
 * leaves open. The dot is written, then that {@link Mark} is committed at once, and only then is
 * the relay's reply read. When the step does not succeed the connection is closed without the dot,
 * so the relay discards the message (RFC 5321 4.1.1.4: only the dot completes a transaction) and
 * the mark is rolled back; {@link Reply#recorded()} says whether the mark was committed.
 *
 * <p>When the relay offers PIPELINING the caller names the recipient it sends to next, and that
 * message's envelope goes out in the same write as this message's dot ({@link RecordingTransport}).
 */
final class SmtpConnection implements AutoCloseable {

	/**
	 * What the relay said about one message.
	 *
	 * @param recorded whether the {@link BeforeDot} step's mark was committed after the dot: a reply
	 *     other than ACCEPTED must then undo it; an ACCEPTED reply without it (the commit failed after
	 *     the dot) must be recorded again
	 */
	record Reply(Outcome outcome, int code, String text, boolean recipientRejected, boolean recorded) {

		Reply afterDot() {
			return new Reply(outcome, code, text, recipientRejected, true);
		}

	}

	enum Outcome {
		ACCEPTED, TEMPORARY, PERMANENT,
		/** The {@link BeforeDot} step failed: the message was withdrawn, the relay did not get a dot. */
		WITHDRAWN
	}

	/**
	 * The step between the message's last byte and the final dot: marks the delivery in an open
	 * transaction and returns that mark; null or an exception withdraws the message.
	 */
	@FunctionalInterface
	interface BeforeDot {

		Mark record();

	}

	/** A mark made before the dot and not yet committed: exactly one of its methods is called, once. */
	interface Mark {

		/** The dot was written: make the mark durable (called before the relay's reply is read). */
		void commit();

		/** The dot was not written (or may not have been): drop the mark. */
		void rollback();

	}

	private final JavaMailSenderImpl settings;

	private final Session session;

	private final String protocol;

	private RecordingTransport transport;

	private final CorkedSockets sockets;

	private final boolean pipelining;

	SmtpConnection(JavaMailSenderImpl settings) {
		this(settings, true);
	}

	/** @param pipelining whether to pipeline (RFC 2920) when the relay offers it */
	SmtpConnection(JavaMailSenderImpl settings, boolean pipelining) {
		this.settings = settings;
		this.pipelining = pipelining;
		this.protocol = settings.getProtocol() == null ? "smtp" : settings.getProtocol();
		Properties properties = new Properties();
		properties.putAll(settings.getSession().getProperties());
		if (!properties.containsKey("mail." + protocol + ".socketFactory")
				&& !properties.containsKey("mail." + protocol + ".socketFactory.class")) {
			this.sockets = new CorkedSockets();
			properties.put("mail." + protocol + ".socketFactory", sockets);
		}
		else {
			this.sockets = null;
		}
		this.session = Session.getInstance(properties);
	}

	Session session() {
		return session;
	}

	/** Sends a message that is not a delivery (a test send): nothing to record before its dot. */
	Reply send(MimeMessage message, Address[] recipients) {
		return send(message, recipients, null, null);
	}

	/**
	 * Sends one message, with {@code beforeDot} run before its final dot. {@code next}, when not null,
	 * is the one recipient of the message this caller sends next on this connection: when pipelining,
	 * its envelope goes out with this message's dot. A next send to someone else still works (the
	 * connection is made again: the relay was waiting for that other message inside DATA).
	 */
	Reply send(MimeMessage message, Address[] recipients, BeforeDot beforeDot, String next) {
		RecordingTransport used = null;
		try {
			open();
			used = transport;
			if (used.pipelines() && recipients.length == 1 && recipients[0] instanceof InternetAddress recipient) {
				if (used.envelopeAhead() != null && !used.envelopeAhead().equals(recipient.getAddress())) {
					close();
					open();
					used = transport;
				}
				Reply reply = used.sendPipelined(message, sender(message), recipient.getAddress(), beforeDot, next);
				if (reply.code() == 0 || used.abandoned()) {
					close();
				}
				return reply;
			}
			if (used.envelopeAhead() != null) {
				close();
				open();
				used = transport;
			}
			used.send(message, recipients, beforeDot);
			String response = used.getLastServerResponse();
			return new Reply(Outcome.ACCEPTED, 250, response == null ? "250" : response.strip(), false, used.recorded());
		}
		catch (MessagingException ex) {
			if (used != null && used.withdrawn() != null) {
				close();
				return new Reply(Outcome.WITHDRAWN, 0, "not recorded before the final dot: " + used.withdrawn(), false, false);
			}
			Reply reply = classify(ex);
			if (reply.code() == 0) {
				close();
			}
			return used != null && used.recorded() ? reply.afterDot() : reply;
		}
	}

	/** MAIL FROM's address: {@code mail.smtp.from} when set (a bounce address), else the message's From. */
	private String sender(MimeMessage message) throws MessagingException {
		String configured = session.getProperty("mail." + protocol + ".from");
		if (configured != null && !configured.isBlank()) {
			return configured.strip();
		}
		Address[] from = message.getFrom();
		if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
			throw new MessagingException("the message has no From address for MAIL FROM");
		}
		return address.getAddress();
	}

	private void open() throws MessagingException {
		if (transport == null) {
			RecordingTransport opened = new RecordingTransport(session,
					new URLName(protocol, settings.getHost(), settings.getPort(), null, settings.getUsername(), settings.getPassword()),
					protocol, sockets);
			opened.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
			opened.choosePipelining(pipelining);
			transport = opened;
		}
	}

	/** Whether this connection pipelines (connected, and the relay offers PIPELINING). */
	boolean pipelines() {
		return transport != null && transport.pipelines();
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
		return new Reply(Outcome.TEMPORARY, 0, "connection: " + text, false, false);
	}

	static Reply reply(int code, String text, boolean recipient) {
		String clean = text == null ? String.valueOf(code) : text.strip();
		if (code >= 500) {
			return new Reply(Outcome.PERMANENT, code, clean, recipient, false);
		}
		return new Reply(Outcome.TEMPORARY, code, clean, recipient, false);
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
