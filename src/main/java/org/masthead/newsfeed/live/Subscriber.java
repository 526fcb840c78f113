package org.masthead.newsfeed.live;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.Executor;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/**
 * One open Server-Sent Events connection. Messages wait in a short queue and go out one at a time
 * on the sender executor, so a connection that stops reading blocks only its own writer; when its
 * queue is full, or one write blocks too long, the connection is dropped.
 */
final class Subscriber {

	private final SseEmitter emitter;

	/** The client's address and port, for logs and tests. */
	private final String client;

	private final ArrayDeque<Set<DataWithMediaType>> queue = new ArrayDeque<>();

	private final int maxPending;

	/** The number of the last change queued for this connection. */
	private long cursor;

	private boolean draining;

	private volatile long sendStartedNanos;

	private volatile boolean closed;

	Subscriber(SseEmitter emitter, String client, long cursor, int maxPending) {
		this.emitter = emitter;
		this.client = client;
		this.cursor = cursor;
		this.maxPending = maxPending;
	}

	SseEmitter emitter() {
		return emitter;
	}

	String client() {
		return client;
	}

	/**
	 * Queues a change unless this connection has had it; false when the queue is full. A replay
	 * (what a reconnecting browser missed) is queued whatever its length.
	 */
	synchronized boolean offerChange(long seq, Set<DataWithMediaType> event, Executor senders, boolean replay) {
		if (seq <= cursor) {
			return true;
		}
		cursor = seq;
		return offer(event, senders, replay);
	}

	/** Queues a message; false when the queue is full (the reader is not keeping up). */
	synchronized boolean offer(Set<DataWithMediaType> event, Executor senders) {
		return offer(event, senders, false);
	}

	private boolean offer(Set<DataWithMediaType> event, Executor senders, boolean replay) {
		if (closed) {
			return true;
		}
		if (queue.size() >= maxPending && !replay) {
			return false;
		}
		queue.add(event);
		if (!draining) {
			draining = true;
			senders.execute(this::drain);
		}
		return true;
	}

	/** Whether a write has been blocked for longer than {@code nanos}. */
	boolean isStuck(long now, long nanos) {
		long started = sendStartedNanos;
		return started != 0 && now - started > nanos;
	}

	boolean isClosed() {
		return closed;
	}

	/**
	 * Stops queueing and completes the response on {@code executor}: completing waits for a write
	 * in progress, which for a client that does not read ends only when the container's write
	 * timeout fails it, and the caller must not wait that long.
	 */
	void close(Executor executor) {
		close(executor, null);
	}

	/** Like {@link #close(Executor)}, with one last message before the end (queued ones are dropped). */
	void close(Executor executor, Set<DataWithMediaType> last) {
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
			queue.clear();
		}
		executor.execute(() -> {
			try {
				if (last != null) {
					emitter.send(last);
				}
				emitter.complete();
			}
			catch (IOException | RuntimeException ex) {
				// the connection is gone already
			}
		});
	}

	private void drain() {
		while (true) {
			Set<DataWithMediaType> next;
			synchronized (this) {
				next = closed ? null : queue.poll();
				if (next == null) {
					draining = false;
					return;
				}
			}
			sendStartedNanos = System.nanoTime();
			try {
				emitter.send(next);
			}
			catch (IOException | RuntimeException ex) {
				closed = true;
				synchronized (this) {
					queue.clear();
					draining = false;
				}
				try {
					emitter.completeWithError(ex);
				}
				catch (RuntimeException ignored) {
					// already completed
				}
				return;
			}
			finally {
				sendStartedNanos = 0;
			}
		}
	}

}
