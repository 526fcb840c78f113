package org.masthead.newsletter.sending;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;

import javax.net.SocketFactory;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
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
 *
 * <p>A send runs a {@link BeforeDot} step after the whole message went out and before the final
 * "." that asks the relay to take it: the caller marks the delivery there, in a transaction it
 * leaves open. The dot is written, then that {@link Mark} is committed at once, and only then is
 * the relay's reply read. When the step does not succeed the connection is closed without the dot,
 * so the relay discards the message (RFC 5321 4.1.1.4: only the dot completes a transaction) and
 * the mark is rolled back; {@link Reply#recorded()} says whether the mark was committed.
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

	SmtpConnection(JavaMailSenderImpl settings) {
		this.settings = settings;
		this.protocol = settings.getProtocol() == null ? "smtp" : settings.getProtocol();
		Properties properties = new Properties();
		properties.putAll(settings.getSession().getProperties());
		if (!properties.containsKey("mail." + protocol + ".socketFactory")
				&& !properties.containsKey("mail." + protocol + ".socketFactory.class")) {
			properties.put("mail." + protocol + ".socketFactory", NoDelaySockets.INSTANCE);
		}
		this.session = Session.getInstance(properties);
	}

	/**
	 * Plain sockets with TCP_NODELAY. The mail library writes a message's last line (".") in a
	 * packet of its own; with Nagle's algorithm on, that packet waits for the relay's delayed ACK,
	 * about 40 ms per message, which caps a connection near 25 messages a second.
	 */
	static final class NoDelaySockets extends SocketFactory {

		static final NoDelaySockets INSTANCE = new NoDelaySockets();

		@Override
		public Socket createSocket() throws IOException {
			Socket socket = new Socket();
			socket.setTcpNoDelay(true);
			return socket;
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return noDelay(new Socket(host, port));
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
			return noDelay(new Socket(host, port, local, localPort));
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return noDelay(new Socket(host, port));
		}

		@Override
		public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
			return noDelay(new Socket(host, port, local, localPort));
		}

		private static Socket noDelay(Socket socket) throws IOException {
			socket.setTcpNoDelay(true);
			return socket;
		}

	}

	Session session() {
		return session;
	}

	/** Sends a message that is not a delivery (a test send): nothing to record before its dot. */
	Reply send(MimeMessage message, Address[] recipients) {
		return send(message, recipients, null);
	}

	Reply send(MimeMessage message, Address[] recipients, BeforeDot beforeDot) {
		RecordingTransport used = null;
		try {
			open();
			used = transport;
			used.send(message, recipients, beforeDot);
			String response = used.getLastServerResponse();
			return new Reply(Outcome.ACCEPTED, 250, response == null ? "250" : response.strip(), false, used.recorded);
		}
		catch (MessagingException ex) {
			if (used != null && used.withdrawn != null) {
				close();
				return new Reply(Outcome.WITHDRAWN, 0, "not recorded before the final dot: " + used.withdrawn, false, false);
			}
			Reply reply = classify(ex);
			if (reply.code() == 0) {
				close();
			}
			return used != null && used.recorded ? reply.afterDot() : reply;
		}
	}

	private void open() throws MessagingException {
		if (transport == null) {
			RecordingTransport opened = new RecordingTransport(session,
					new URLName(protocol, settings.getHost(), settings.getPort(), null, settings.getUsername(), settings.getPassword()),
					protocol);
			opened.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
			transport = opened;
		}
	}

	/**
	 * Angus Mail's SMTP transport with a step before the final dot. {@code SMTPTransport.sendMessage}
	 * writes the message and then calls {@code finishData()}, which writes "." (through
	 * {@code sendCommand}) and reads the reply; an IOException thrown in {@code finishData()} makes it
	 * close the connection without writing the dot.
	 *
	 * <p>Why the mark is committed after the dot is written and not before: a mark committed first
	 * and a process killed before its dot is a message lost, and the time between the two is a whole
	 * database commit (on PostgreSQL a round trip and a WAL flush, milliseconds: two-node kill runs
	 * lost up to one message per connection that way). Written the other way round, a process killed
	 * before the commit leaves the transaction to be rolled back by the database and the relay to
	 * hold a message it will get again (a duplicate, with the same Message-ID); that window is two
	 * writes to two sockets in a row, microseconds. A process killed anywhere else sends exactly once.
	 */
	static final class RecordingTransport extends SMTPTransport {

		private BeforeDot beforeDot;

		private Mark pending;

		private boolean recorded;

		private String withdrawn;

		private RuntimeException commitFailed;

		RecordingTransport(Session session, URLName url, String protocol) {
			super(session, url, protocol, "smtps".equals(protocol));
		}

		synchronized void send(MimeMessage message, Address[] recipients, BeforeDot step) throws MessagingException {
			beforeDot = step;
			pending = null;
			recorded = false;
			withdrawn = null;
			commitFailed = null;
			try {
				sendMessage(message, recipients);
			}
			finally {
				beforeDot = null;
				if (pending != null) { // the dot was never (or not surely) written
					Mark mark = pending;
					pending = null;
					mark.rollback();
				}
			}
		}

		@Override
		protected void finishData() throws IOException, MessagingException {
			if (beforeDot != null) {
				Mark mark;
				try {
					mark = beforeDot.record();
				}
				catch (RuntimeException ex) {
					withdrawn = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
					throw new IOException("withdrawn: " + withdrawn, ex);
				}
				if (mark == null) {
					withdrawn = "the delivery is no longer this worker's";
					throw new IOException("withdrawn: " + withdrawn);
				}
				pending = mark;
			}
			super.finishData();
		}

		@Override
		protected void sendCommand(String command) throws MessagingException {
			super.sendCommand(command);
			if (pending != null && ".".equals(command)) {
				Mark mark = pending;
				pending = null;
				try {
					mark.commit();
					recorded = true;
				}
				catch (RuntimeException ex) {
					commitFailed = ex; // the message is out; the caller records it again
				}
			}
		}

		/** Why the mark could not be committed after the dot, or null. */
		RuntimeException commitFailed() {
			return commitFailed;
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
		return new Reply(Outcome.TEMPORARY, 0, "connection: " + text, false, false);
	}

	private static Reply reply(int code, String text, boolean recipient) {
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
