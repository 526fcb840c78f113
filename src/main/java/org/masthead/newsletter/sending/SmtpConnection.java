package org.masthead.newsletter.sending;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;

import javax.net.SocketFactory;

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
		String protocol = settings.getProtocol() == null ? "smtp" : settings.getProtocol();
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
