package org.masthead.newsletter.sending;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's sender: every second, sends what is due of every issue in SENDING. Every node runs
 * one, so several nodes share a large send (their workers lease different batches of delivery rows)
 * and a node that dies leaves only its leased rows, which the others take once the leases run out.
 * The state is all in the database; this is only a worker. Stopping it interrupts the workers, which
 * give their leased rows back. Like the jobs, it does not run where {@code db-scheduler.enabled=false}
 * (the command-line tools, which start the application without a web server).
 */
@Component
@ConditionalOnProperty(name = "db-scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SendingLoop implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SendingLoop.class);

	private final IssueSender sender;

	private ScheduledExecutorService executor;

	private boolean failing;

	SendingLoop(IssueSender sender) {
		this.sender = sender;
	}

	@Override
	public synchronized void start() {
		if (executor != null) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "newsletter-sending");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::pass, 1, 1, TimeUnit.SECONDS);
	}

	private void pass() {
		try {
			sender.sendAll();
			if (failing) {
				log.info("Newsletter sending works again");
			}
			failing = false;
		}
		catch (RuntimeException ex) {
			sender.databaseFailed();
			if (!failing) { // once per failure streak (the database is down), not every second
				log.warn("Newsletter sending failed; trying again every second: {}", ex.getMessage());
			}
			failing = true;
		}
	}

	@Override
	public synchronized void stop() {
		if (executor == null) {
			return;
		}
		executor.shutdownNow();
		try {
			executor.awaitTermination(15, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

}
