package org.masthead.newsletter.signup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes sign-ups in groups: requests queue their writes, one writer thread commits everything
 * queued so far in a single short transaction, then answers every request of the group. Each
 * sign-up is durable before its reader gets an answer, yet a burst costs a few commits instead of
 * one per form. On SQLite, where all writers take turns, this replaces hundreds of connections
 * waiting in the busy handler by one writer that never waits on its own kind; on PostgreSQL it
 * merely saves commits. Should a group fail, each of its writes is tried again alone, so one bad
 * sign-up never takes others with it.
 */
@Component
class SignupWriter {

	/** At most this many sign-ups in one transaction: keeps each write transaction short. */
	static final int MAX_GROUP = 256;

	private final TransactionTemplate transactions;

	private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "signup-writer");
		thread.setDaemon(true);
		return thread;
	});

	SignupWriter(PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
	}

	private record Item(Runnable work, CompletableFuture<Void> done) {
	}

	/** Runs the work in a transaction (shared with other sign-ups); returns once it is committed. */
	void write(Runnable work) {
		Item item = new Item(work, new CompletableFuture<>());
		queue.add(item);
		if (draining.compareAndSet(false, true)) {
			writer.execute(this::drain);
		}
		try {
			item.done().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new TransientDataAccessResourceException("The sign-up was not written within 30 s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void drain() {
		while (true) {
			List<Item> group = new ArrayList<>();
			queue.drainTo(group, MAX_GROUP);
			if (group.isEmpty()) {
				draining.set(false);
				// a request may have queued between the drain and the flag: take it on
				if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
					return;
				}
				continue;
			}
			commit(group);
		}
	}

	private void commit(List<Item> group) {
		try {
			transactions.executeWithoutResult(status -> group.forEach(item -> item.work().run()));
			group.forEach(item -> item.done().complete(null));
		}
		catch (RuntimeException groupFailed) {
			for (Item item : group) {
				try {
					transactions.executeWithoutResult(status -> item.work().run());
					item.done().complete(null);
				}
				catch (RuntimeException ex) {
					item.done().completeExceptionally(ex);
				}
			}
		}
	}

	@PreDestroy
	void stop() {
		writer.shutdown();
	}

}
