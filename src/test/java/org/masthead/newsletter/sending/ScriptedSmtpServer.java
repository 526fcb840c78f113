package org.masthead.newsletter.sending;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small SMTP server for tests that need replies GreenMail does not give: recipients starting with
 * {@code busy} get {@code 451} for their first two tries, recipients starting with {@code gone} get
 * {@code 550}; after the final dot, {@code late} gets {@code 451} on its first try and {@code refused}
 * gets {@code 554}; everyone else is accepted. It records every accepted message's recipient, every
 * message that ended without its dot (the client withdrew it), and calls {@link #atData} when DATA
 * starts and {@link #atDot} when the final dot arrives, before replying. It offers PIPELINING (RFC
 * 2920) unless made without it, and counts the commands that arrived already waiting behind the one
 * before them (sent in the same write: pipelined).
 */
final class ScriptedSmtpServer implements AutoCloseable {

	private final ServerSocket server;

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

	private final List<String> withdrawn = new CopyOnWriteArrayList<>();

	private final boolean pipelining;

	private final AtomicInteger pipelined = new AtomicInteger();

	private final AtomicInteger afterDot = new AtomicInteger();

	/** Called with the recipient when a DATA command arrives. */
	volatile Consumer<String> atData = recipient -> {
	};

	/** Called with the recipient when a message's final dot arrives, before the reply is written. */
	volatile Consumer<String> atDot = recipient -> {
	};

	ScriptedSmtpServer() throws IOException {
		this(true);
	}

	ScriptedSmtpServer(boolean pipelining) throws IOException {
		this.pipelining = pipelining;
		server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "scripted-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return server.getLocalPort();
	}

	/** Recipients of the messages accepted so far, one entry per message. */
	List<String> accepted() {
		return List.copyOf(accepted);
	}

	/** Recipients of the messages whose connection ended before their final dot. */
	List<String> withdrawn() {
		return List.copyOf(withdrawn);
	}

	/** RCPT and DATA commands that were already waiting when the command before them was answered. */
	int pipelined() {
		return pipelined.get();
	}

	/** MAIL commands that were already waiting when the previous message's final dot was answered. */
	int envelopesAfterDot() {
		return afterDot.get();
	}

	int tries(String address) {
		AtomicInteger count = tries.get(address);
		return count == null ? 0 : count.get();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				Thread session = new Thread(() -> session(socket), "scripted-smtp-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void session(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				OutputStream out = socket.getOutputStream()) {
			// A client that hangs up with pipelined commands sent and their replies unread makes the
			// replies fail to go out; a relay still acts on what it has read (a run under load lost
			// the count of a dropped message because the 354 before it could not be written).
			Consumer<String> reply = text -> {
				try {
					write(out, text);
				}
				catch (IOException gone) {
					// keep reading what the client sent before it went
				}
			};
			reply.accept("220 scripted.test ESMTP");
			String recipient = null;
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (command) {
					case "EHLO", "HELO" -> reply.accept("250-scripted.test\r\n" + (pipelining ? "250-PIPELINING\r\n" : "") + "250 8BITMIME");
					case "MAIL" -> {
						recipient = null;
						if (in.ready()) {
							pipelined.incrementAndGet();
						}
						reply.accept("250 2.1.0 Ok");
					}
					case "RCPT" -> {
						if (in.ready()) {
							pipelined.incrementAndGet();
						}
						String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
						int attempt = tries.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
						if (address.startsWith("gone")) {
							reply.accept("550 5.1.1 <" + address + ">: mailbox does not exist");
						}
						else if (address.startsWith("busy") && attempt <= 2) {
							reply.accept("451 4.3.2 mailbox busy, try again later");
						}
						else {
							recipient = address;
							reply.accept("250 2.1.5 Ok");
						}
					}
					case "DATA" -> {
						if (recipient == null) {
							reply.accept("554 5.5.1 Error: no valid recipients");
							continue;
						}
						atData.accept(recipient);
						reply.accept("354 End data with <CR><LF>.<CR><LF>");
						try {
							while ((line = in.readLine()) != null && !line.equals(".")) {
								// the message body is not needed
							}
						}
						catch (IOException reset) {
							// a client that closes with replies still unread resets the connection:
							// the relay drops the message as it does on a plain hang-up
							line = null;
						}
						if (line == null) {
							withdrawn.add(recipient);
							return;
						}
						atDot.accept(recipient);
						if (in.ready()) {
							afterDot.incrementAndGet();
						}
						int attempt = tries(recipient);
						if (recipient.startsWith("late") && attempt <= 1) {
							reply.accept("451 4.3.0 queue file write error, try again");
						}
						else if (recipient.startsWith("refused")) {
							reply.accept("554 5.6.0 message content rejected");
						}
						else {
							accepted.add(recipient);
							reply.accept("250 2.0.0 Ok: queued as " + accepted.size());
						}
					}
					case "RSET" -> {
						recipient = null;
						reply.accept("250 2.0.0 Ok");
					}
					case "NOOP" -> reply.accept("250 2.0.0 Ok");
					case "QUIT" -> {
						reply.accept("221 2.0.0 Bye");
						return;
					}
					default -> reply.accept("502 5.5.2 Command not recognized");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void write(OutputStream out, String reply) throws IOException {
		out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		server.close();
	}

}
