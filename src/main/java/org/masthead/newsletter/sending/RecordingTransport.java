package org.masthead.newsletter.sending;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport with a step before the final dot, and pipelining (RFC 2920) when the
 * relay offers it. Connecting (EHLO, STARTTLS, AUTH) is the library's own.
 *
 * <p>The step before the dot: the delivery is marked in a transaction left open, the dot is written,
 * the mark is committed, and only then is the relay's reply read. Why the commit comes after the dot
 * and not before: a mark committed first and a process killed before its dot is a message lost, and
 * the time between the two is a whole database commit (on PostgreSQL a round trip and a WAL flush:
 * two-node kill runs lost up to one message per connection that way). The other way round, a process
 * killed before the commit leaves the transaction to be rolled back and the relay with a message it
 * will get again (a duplicate, with the same Message-ID); that window is two writes in a row. If the
 * mark cannot be made the connection is dropped without the dot and the relay discards the message
 * (RFC 5321 4.1.1.4: only the dot completes a transaction).
 *
 * <p>Pipelined ({@link #sendPipelined}): MAIL, RCPT and DATA leave in one write and their three
 * replies are read together; the message, its dot and the next message's MAIL, RCPT and DATA leave
 * in one write too, so a message costs one round trip instead of four. The order that makes the
 * mark safe stays: the mark is committed after the dot is written and before its reply is read
 * (reading the next envelope's replies waits behind it). Without PIPELINING, or with MAIL and RCPT
 * parameters this path does not write (DSN, a submitter, extra parameters), the library's own
 * {@code sendMessage} runs with {@link #finishData} and {@link #sendCommand} hooked.
 */
final class RecordingTransport extends SMTPTransport {

	/** The headers the library leaves out of what it sends (as its own sendMessage does). */
	private static final String[] IGNORED_HEADERS = { "Bcc", "Content-Length" };

	private final CorkedSockets sockets;

	private SmtpConnection.BeforeDot beforeDot;

	private SmtpConnection.Mark pending;

	private boolean recorded;

	private String withdrawn;

	private RuntimeException commitFailed;

	private boolean pipelining;

	/** Whether the envelope's DATA went out and its 354 was read: {@link #data()} must not send it again. */
	private boolean dataAccepted;

	/** The recipient whose MAIL, RCPT and DATA followed the previous dot; their replies are not read yet. */
	private String envelopeAhead;

	/** The relay waits inside DATA for a message that is not coming: only hanging up ends that. */
	private boolean abandoned;

	/** Whether STARTTLS turned this connection into TLS. */
	private boolean tls;

	/** @param sockets the sockets this connection is made with, or null when a socket factory is configured */
	RecordingTransport(Session session, URLName url, String protocol, CorkedSockets sockets) {
		super(session, url, protocol, "smtps".equals(protocol));
		this.sockets = sockets;
	}

	/** After connecting: pipeline when the relay offers it and nothing needs the library's own MAIL and RCPT. */
	void choosePipelining(boolean wanted) {
		String prefix = "mail." + (isSSL() ? "smtps" : "smtp") + ".";
		pipelining = wanted && sockets != null && supportsExtension("PIPELINING")
				&& session.getProperty(prefix + "dsn.notify") == null && session.getProperty(prefix + "dsn.ret") == null
				&& session.getProperty(prefix + "submitter") == null && session.getProperty(prefix + "mailextension") == null
				&& !Boolean.parseBoolean(session.getProperty(prefix + "allow8bitmime"))
				&& session.getProperty(prefix + "chunksize") == null;
	}

	boolean pipelines() {
		return pipelining;
	}

	/** The recipient whose envelope went out ahead (its replies unread), or null. */
	String envelopeAhead() {
		return envelopeAhead;
	}

	/** Whether the connection was left in a state only hanging up ends. */
	boolean abandoned() {
		return abandoned;
	}

	boolean recorded() {
		return recorded;
	}

	String withdrawn() {
		return withdrawn;
	}

	/** Why the mark could not be committed after the dot, or null. */
	RuntimeException commitFailed() {
		return commitFailed;
	}

	/**
	 * Sends one message pipelined. Its envelope went out with the previous message's dot when
	 * {@link #envelopeAhead()} is this recipient, else it goes now. {@code next}, when not null, is
	 * the recipient of the message the caller sends next on this connection: its envelope follows this
	 * message's dot in the same write. Answers the relay's reply; a reply with code 0 means the
	 * connection is gone (the caller closes it), and so does a withdrawn one.
	 */
	synchronized SmtpConnection.Reply sendPipelined(MimeMessage message, String sender, String recipient,
			SmtpConnection.BeforeDot step, String next) {
		recorded = false;
		withdrawn = null;
		commitFailed = null;
		try {
			if (recipient.equals(envelopeAhead)) {
				envelopeAhead = null;
			}
			else {
				if (envelopeAhead != null) {
					throw new IllegalStateException("the envelope of " + envelopeAhead + " is waiting, not " + recipient);
				}
				envelope(sender, recipient);
			}
			int mail = readServerResponse();
			String mailReply = getLastServerResponse();
			int rcpt = readServerResponse();
			String rcptReply = getLastServerResponse();
			int data = readServerResponse();
			String dataReply = getLastServerResponse();
			if (mail < 0 || rcpt < 0 || data < 0) {
				return lost("the relay closed the connection");
			}
			if (mail != 250 || (rcpt != 250 && rcpt != 251) || data != 354) {
				if (data == 354) {
					abandon(); // in DATA without a recipient it took: hang up rather than send an empty message
				}
				else {
					reset();
				}
				if (mail != 250) {
					return SmtpConnection.reply(mail, mailReply, false);
				}
				if (rcpt != 250 && rcpt != 251) {
					return SmtpConnection.reply(rcpt, rcptReply, true);
				}
				return SmtpConnection.reply(data, dataReply, false);
			}
			dataAccepted = true;
			SMTPOutputStream body = (SMTPOutputStream) data(); // sends nothing: DATA went out with the envelope
			if (!(message instanceof IssueMail.Prepared prepared) || !writeStuffed(prepared)) {
				message.writeTo(body, IGNORED_HEADERS);
				body.ensureAtBOL();
			}
			SmtpConnection.Mark mark = null;
			if (step != null) {
				try {
					mark = step.record();
				}
				catch (RuntimeException ex) {
					withdrawn = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
				}
				if (mark == null) {
					if (withdrawn == null) {
						withdrawn = "the delivery is no longer this worker's";
					}
					abandon();
					return new SmtpConnection.Reply(SmtpConnection.Outcome.WITHDRAWN, 0,
							"not recorded before the final dot: " + withdrawn, false, false);
				}
			}
			try {
				super.sendCommand(".");
				if (next != null) {
					envelope(sender, next);
				}
				push();
			}
			catch (MessagingException | IOException | RuntimeException ex) {
				if (mark != null) {
					mark.rollback(); // the dot did not (surely) go out
				}
				return lost(ex.getMessage());
			}
			envelopeAhead = next;
			if (mark != null) {
				try {
					mark.commit();
					recorded = true;
				}
				catch (RuntimeException ex) {
					commitFailed = ex; // the message is out; the caller records it again
				}
			}
			int code = readServerResponse();
			String text = getLastServerResponse();
			SmtpConnection.Reply reply = code == 250 ? new SmtpConnection.Reply(SmtpConnection.Outcome.ACCEPTED, 250,
					text == null ? "250" : text.strip(), false, false)
					: code < 0 ? lost("the relay closed the connection") : SmtpConnection.reply(code, text, false);
			return recorded ? reply.afterDot() : reply;
		}
		catch (MessagingException | IOException ex) {
			SmtpConnection.Reply reply = lost(ex.getMessage());
			return recorded ? reply.afterDot() : reply;
		}
	}

	/**
	 * Writes a prepared message straight to the connection, dot-stuffed, when it travels in the clear:
	 * the library's data stream looks at every byte and writes each line on its own, which was a third
	 * of a sending thread's time. Its bytes already end every line in CRLF; false (nothing written)
	 * when they do not, or under TLS, where the library's stream is the only way in.
	 */
	private boolean writeStuffed(IssueMail.Prepared prepared) throws IOException, MessagingException {
		CorkedSockets.CorkedSocket socket = sockets == null ? null : sockets.last();
		if (socket == null || tls || isSSL()) {
			return false;
		}
		PreparedIssue.Scratch message = prepared.assemble();
		return DotStuffing.write(message.array(), message.size(), socket.getOutputStream());
	}

	private SmtpConnection.Reply lost(String why) {
		envelopeAhead = null;
		abandon();
		return new SmtpConnection.Reply(SmtpConnection.Outcome.TEMPORARY, 0, "connection: " + why, false, false);
	}

	private void envelope(String sender, String recipient) throws MessagingException {
		boolean utf8 = Boolean.parseBoolean(session.getProperty("mail.mime.allowutf8")) && supportsExtension("SMTPUTF8");
		super.sendCommand("MAIL FROM:<" + sender + ">" + (utf8 ? " SMTPUTF8" : ""));
		super.sendCommand("RCPT TO:<" + recipient + ">");
		super.sendCommand("DATA");
	}

	/** After a refused envelope: RSET, so the next MAIL starts a clean transaction. */
	private void reset() throws MessagingException {
		super.sendCommand("RSET");
		if (readServerResponse() < 0) {
			abandon();
		}
	}

	private void push() throws IOException {
		CorkedSockets.CorkedSocket socket = sockets == null ? null : sockets.last();
		if (socket != null) {
			socket.push();
		}
	}

	/** Drops the connection without sending what waits (a message without its dot, which the relay then discards). */
	private void abandon() {
		abandoned = true;
		envelopeAhead = null;
		CorkedSockets.CorkedSocket socket = sockets == null ? null : sockets.last();
		if (socket != null) {
			socket.abort();
		}
	}

	@Override
	protected void startTLS() throws MessagingException {
		super.startTLS();
		tls = true;
	}

	/**
	 * With an envelope ahead the relay is inside DATA, where QUIT would be a line of a message:
	 * hang up instead, and the relay discards that message.
	 */
	@Override
	public synchronized void close() throws MessagingException {
		if (envelopeAhead != null) {
			abandon();
		}
		super.close();
	}

	/** Sends one message through the library's own sendMessage, with the step before its dot. */
	synchronized void send(MimeMessage message, jakarta.mail.Address[] recipients, SmtpConnection.BeforeDot step)
			throws MessagingException {
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
				SmtpConnection.Mark mark = pending;
				pending = null;
				mark.rollback();
			}
		}
	}

	/** Marks the delivery before the library writes the dot; an IOException here makes it drop the connection. */
	@Override
	protected void finishData() throws IOException, MessagingException {
		if (beforeDot != null) {
			SmtpConnection.Mark mark;
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
		if (dataAccepted && "DATA".equals(command)) {
			return; // pipelined: it went out with the envelope, and its 354 was read
		}
		super.sendCommand(command);
		if (pending != null && ".".equals(command)) {
			try {
				push(); // the dot must be on the wire before the mark is committed
			}
			catch (IOException ex) {
				throw new MessagingException("could not write the final dot", ex); // the pending mark is rolled back
			}
			SmtpConnection.Mark mark = pending;
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

	@Override
	protected int readServerResponse() throws MessagingException {
		if (dataAccepted) {
			dataAccepted = false;
			return 354; // the reply to the pipelined DATA, read with the envelope's
		}
		return super.readServerResponse();
	}

}
