package org.masthead.newsletter.sending;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;

import javax.net.SocketFactory;

/**
 * Sockets for one SMTP connection: TCP_NODELAY on, and what is written held back ("corked") until
 * the connection reads, {@link CorkedSocket#push()} is called, or 64 KB are waiting. A flush does not
 * send. So commands written in a row leave in one write (and one packet on loopback), which is what
 * RFC 2920 pipelining asks of a client, and a whole message with its final dot and the next
 * message's envelope is one write; code that writes a command and then reads its reply (all of the
 * mail library's own) works unchanged, because reading sends what waits first. Below TLS (STARTTLS
 * wraps this socket) it holds encrypted records the same way.
 *
 * <p>Why TCP_NODELAY: with Nagle's algorithm on, a short last write waits for the relay's delayed
 * ACK, about 40 ms per message, which capped a connection near 25 messages a second.
 *
 * <p>One factory per SMTP connection ({@link #last()} is the socket it made last).
 */
final class CorkedSockets extends SocketFactory {

	private static final int LIMIT = 64 * 1024;

	private volatile CorkedSocket last;

	/** The socket made last, or null. */
	CorkedSocket last() {
		return last;
	}

	@Override
	public Socket createSocket() throws IOException {
		return made(new CorkedSocket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(null, new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
		return connected(new InetSocketAddress(local, localPort), new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(null, new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
		return connected(new InetSocketAddress(local, localPort), new InetSocketAddress(host, port));
	}

	/** A socket bound to {@code local} (when not null) and connected to {@code remote}. */
	private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
		CorkedSocket socket = new CorkedSocket();
		if (local != null) {
			socket.bind(local);
		}
		socket.connect(remote);
		return made(socket);
	}

	private CorkedSocket made(CorkedSocket socket) {
		last = socket;
		return socket;
	}

	/** A socket whose output waits for a read, a {@link #push()} or 64 KB. Used by one thread at a time. */
	static final class CorkedSocket extends Socket {

		private byte[] held = new byte[16 * 1024];

		private int count;

		private OutputStream raw;

		private InputStream in;

		private OutputStream out;

		private boolean aborted;

		CorkedSocket() throws SocketException {
			setTcpNoDelay(true);
		}

		@Override
		public synchronized InputStream getInputStream() throws IOException {
			if (in == null) {
				InputStream source = super.getInputStream();
				in = new InputStream() {

					@Override
					public int read() throws IOException {
						push();
						return source.read();
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						push();
						return source.read(buffer, offset, length);
					}

					@Override
					public int available() throws IOException {
						return source.available();
					}

				};
			}
			return in;
		}

		@Override
		public synchronized OutputStream getOutputStream() throws IOException {
			if (out == null) {
				raw = super.getOutputStream();
				out = new OutputStream() {

					@Override
					public void write(int b) throws IOException {
						hold(new byte[] { (byte) b }, 0, 1);
					}

					@Override
					public void write(byte[] bytes, int offset, int length) throws IOException {
						hold(bytes, offset, length);
					}

					@Override
					public void flush() {
						// held until the next read or push
					}

				};
			}
			return out;
		}

		private void hold(byte[] bytes, int offset, int length) throws IOException {
			if (aborted) {
				throw new SocketException("the connection was abandoned");
			}
			if (count + length > LIMIT) {
				push();
				if (length > LIMIT) {
					raw.write(bytes, offset, length);
					return;
				}
			}
			if (count + length > held.length) {
				held = Arrays.copyOf(held, Math.max(count + length, held.length * 2));
			}
			System.arraycopy(bytes, offset, held, count, length);
			count += length;
		}

		/** Writes what is held to the network, in one write. */
		void push() throws IOException {
			if (aborted) {
				throw new SocketException("the connection was abandoned");
			}
			if (count > 0) {
				int length = count;
				count = 0;
				raw.write(held, 0, length);
			}
		}

		/**
		 * Closes the connection without writing what is held: a message whose final dot must not go
		 * out is dropped here, and the relay, seeing the connection end, discards it.
		 */
		void abort() {
			aborted = true;
			count = 0;
			try {
				super.close();
			}
			catch (IOException ex) {
				// closed either way
			}
		}

		/** Closing drops what is held: the mail library reads the reply of everything it means to send. */
		@Override
		public synchronized void close() throws IOException {
			count = 0;
			super.close();
		}

	}

}
