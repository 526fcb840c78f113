package org.masthead.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's listening connection to PostgreSQL. It LISTENs for signals other nodes commit and
 * hands them to the node's handlers; when the connection fails (server restart, network blip,
 * {@code pg_terminate_backend}) it reconnects with a growing pause, and after every (re)connect and
 * every {@code catch-up} interval it reads the signal log for whatever it missed.
 */
final class SignalListener {

	private static final Logger log = LoggerFactory.getLogger(SignalListener.class);

	private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

	private final SignalLog signals;

	private final ClusterProperties properties;

	private final Clock clock;

	private final BiConsumer<String, String> handler;

	private final long windowTicks;

	/** Handlers run here, one at a time, so a slow one never stalls the listening connection. */
	private final ExecutorService handling = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "cluster-signals-handler");
		thread.setDaemon(true);
		return thread;
	});

	private final Thread thread;

	private volatile boolean running = true;

	private volatile Connection connection;

	SignalListener(SignalLog signals, ClusterProperties properties, Clock clock, BiConsumer<String, String> handler) {
		this.signals = signals;
		this.properties = properties;
		this.clock = clock;
		this.handler = handler;
		this.windowTicks = SignalLog.ticks(properties.window());
		this.thread = new Thread(this::run, "cluster-signals-listener");
		this.thread.setDaemon(true);
	}

	void start() {
		thread.start();
	}

	void stop() {
		running = false;
		thread.interrupt();
		closeQuietly(connection);
		handling.shutdown();
	}

	boolean isConnected() {
		return connection != null;
	}

	private void run() {
		long backoff = 100;
		long lastPrune = 0;
		while (running) {
			try (Connection listening = signals.openListeningConnection()) {
				try (Statement statement = listening.createStatement()) {
					statement.execute("listen " + ClusterSignals.NOTIFY_CHANNEL);
				}
				connection = listening;
				catchUp();
				log.info("Cluster signals: listening (node {})", signals.node());
				backoff = 100;
				PGConnection pg = listening.unwrap(PGConnection.class);
				long nextCatchUp = System.nanoTime() + properties.catchUp().toNanos();
				while (running) {
					PGNotification[] notifications = pg.getNotifications(250);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							receive(notification.getParameter());
						}
					}
					if (System.nanoTime() - nextCatchUp >= 0) {
						try (Statement statement = listening.createStatement()) {
							statement.execute("select 1"); // a dead connection fails here
						}
						catchUp();
						nextCatchUp = System.nanoTime() + properties.catchUp().toNanos();
						if (System.currentTimeMillis() - lastPrune > PRUNE_EVERY.toMillis()) {
							lastPrune = System.currentTimeMillis();
							prune();
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!running) {
					break;
				}
				log.warn("Cluster signals: listening connection lost ({}); reconnecting in {} ms", ex.toString(), backoff);
			}
			finally {
				connection = null;
			}
			if (!pause(backoff)) {
				break;
			}
			backoff = Math.min(backoff * 2, properties.maxBackoff().toMillis());
		}
	}

	/** A notification: "seq origin channel payload", or "seq origin" when the signal was too long. */
	private void receive(String message) {
		String[] parts = message.split(" ", 4);
		long seq = Long.parseLong(parts[0]);
		long origin = Long.parseLong(parts[1]);
		if (origin == signals.node()) {
			return;
		}
		if (parts.length < 3) {
			signals.one(seq).forEach(this::deliver);
			return;
		}
		deliver(new SignalLog.Signal(seq, parts[2], parts.length > 3 ? parts[3] : "", origin));
	}

	/** Runs every signal in the look-back window that this node has not handled yet. */
	private void catchUp() {
		SignalLog.Seen seen = signals.seen();
		if (!seen.isPrimed()) {
			long now = SignalLog.numberAt(clock.instant());
			for (SignalLog.Signal signal : signals.after(now - windowTicks)) {
				seen.add(signal.seq(), windowTicks); // committed before this node listened: nothing to do
			}
			seen.prime(now);
			return;
		}
		int caught = 0;
		for (SignalLog.Signal signal : signals.after(seen.lookBackFrom(windowTicks))) {
			if (deliver(signal)) {
				caught++;
			}
		}
		if (caught > 0) {
			log.info("Cluster signals: caught up on {} missed signals", caught);
		}
	}

	private boolean deliver(SignalLog.Signal signal) {
		if (signal.origin() == signals.node() || !signals.seen().add(signal.seq(), windowTicks)) {
			return false;
		}
		handling.execute(() -> handler.accept(signal.channel(), signal.payload()));
		return true;
	}

	private void prune() {
		try {
			int pruned = signals.prune(clock.instant().minus(properties.retention()));
			if (pruned > 0) {
				log.debug("Cluster signals: pruned {} old signals", pruned);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Cluster signals: pruning failed: {}", ex.toString());
		}
	}

	private boolean pause(long millis) {
		try {
			Thread.sleep(millis);
			return running;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException | RuntimeException ex) {
				// closing a dead connection
			}
		}
	}

}
