package org.masthead.platform;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Signals that every node of a cluster handles once: "drop these cached pages", "the news feed
 * changed", "index this article again". A module publishes a signal on a channel inside the
 * transaction of the change, and subscribes a handler to the channel on every node.
 * <ul>
 * <li>On the node that published it, the handlers run in the publishing thread right after the
 * transaction commits (at once when there is no transaction), never when it rolls back.</li>
 * <li>On PostgreSQL the signal is also written to the signal log ({@code cluster_signal}) and sent
 * with {@code pg_notify} in that transaction; every other node receives it on its listening
 * connection and runs the handlers on its signal thread. A node that missed notifications (its
 * connection dropped, the server restarted) reads the log when it reconnects and every
 * {@code masthead.cluster.catch-up}, so it runs every missed signal's handlers.</li>
 * <li>On SQLite there is only one node: handlers run after commit and nothing is written.</li>
 * </ul>
 * Handlers should be idempotent and cheap (drop keys, queue work): a signal may, rarely, reach a
 * node twice, and handlers on a node run one at a time, in arrival order.
 */
@Service
public class ClusterSignals implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

	private static final Pattern CHANNEL = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

	/** The PostgreSQL notification channel every node listens on. */
	static final String NOTIFY_CHANNEL = "masthead_signal";

	/** Notification payloads are limited to 8000 bytes; longer signals are announced by number only. */
	private static final int MAX_NOTIFY_BYTES = 7000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	private final ClusterProperties properties;

	private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();

	/** This process's node id: signals carrying it were handled here after commit. */
	private final long node = Ids.next();

	private volatile Boolean postgres;

	private volatile SignalListener listener;

	/** Which signals this node has handled; kept across a stop and start, so a restart catches up. */
	private final SignalLog.Seen seen = new SignalLog.Seen();

	private volatile boolean running;

	public ClusterSignals(JdbcClient jdbc, DataSource dataSource, Clock clock, ClusterProperties properties) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Announces a signal to every node, as part of the current transaction (if any): it is handled
	 * everywhere once the transaction commits, and nowhere if it rolls back.
	 *
	 * @param channel lowercase letters, digits, dots and dashes, e.g. {@code page-cache}
	 * @param payload what the handlers need, as text (keys, an id)
	 */
	public void publish(String channel, String payload) {
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("Not a signal channel: " + channel);
		}
		if (isPostgres()) {
			long seq = Ids.next();
			jdbc.sql("insert into cluster_signal (seq, channel, payload, origin, created_at) values (:seq, :channel, :payload, :origin, :at)")
				.param("seq", seq)
				.param("channel", channel)
				.param("payload", payload)
				.param("origin", node)
				.param("at", Timestamp.from(clock.instant()))
				.update();
			String message = seq + " " + node + " " + channel + " " + payload;
			if (message.getBytes(StandardCharsets.UTF_8).length > MAX_NOTIFY_BYTES) {
				message = seq + " " + node; // receivers read it from the log
			}
			jdbc.sql("select pg_notify(:channel, :message)")
				.param("channel", NOTIFY_CHANNEL)
				.param("message", message)
				.query((rs, n) -> n)
				.list();
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					handle(channel, payload);
				}
			});
		}
		else {
			handle(channel, payload);
		}
	}

	/** Runs {@code handler} with the payload of every signal on {@code channel}, on this node. */
	public void subscribe(String channel, Consumer<String> handler) {
		handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
	}

	/**
	 * The payloads of the signals on {@code channel} that may have committed since {@code from}
	 * (looking back a further {@code masthead.cluster.window}), oldest first, read from the signal
	 * log: what a node that was stopped at {@code from} missed, for state it keeps across restarts
	 * (its search index). Empty when the log no longer reaches back that far (pruned after
	 * {@code masthead.cluster.retention}): the caller must then rebuild that state. On SQLite, where
	 * nothing changes while the only node is stopped, an empty list.
	 */
	public Optional<List<String>> since(String channel, Instant from) {
		if (!isPostgres()) {
			return Optional.of(List.of());
		}
		Instant lookBack = from.minus(properties.window());
		if (lookBack.isBefore(clock.instant().minus(properties.retention()))) {
			return Optional.empty();
		}
		return Optional.of(jdbc.sql("select payload from cluster_signal where channel = :channel and seq >= :seq order by seq")
			.param("channel", channel)
			.param("seq", SignalLog.numberAt(lookBack))
			.query(String.class)
			.list());
	}

	/** Whether signals travel between nodes (PostgreSQL) rather than staying in this process (SQLite). */
	public boolean isClustered() {
		return isPostgres();
	}

	/** Whether this node's listening connection is open (always true on SQLite, where none is needed). */
	public boolean isListening() {
		SignalListener current = listener;
		return !isPostgres() || (current != null && current.isConnected());
	}

	/** This node's id; its listening connection shows as {@code masthead-signals-<id>} in {@code pg_stat_activity}. */
	public long node() {
		return node;
	}

	void handle(String channel, String payload) {
		for (Consumer<String> handler : handlers.getOrDefault(channel, List.of())) {
			try {
				handler.accept(payload);
			}
			catch (RuntimeException ex) {
				log.warn("Signal handler for {} failed: {}", channel, ex.toString(), ex);
			}
		}
	}

	private boolean isPostgres() {
		Boolean known = postgres;
		if (known == null) {
			try (var connection = dataSource.getConnection()) {
				known = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot tell which database this is", ex);
			}
			postgres = known;
		}
		return known;
	}

	@Override
	public synchronized void start() {
		if (isPostgres() && listener == null) {
			SignalListener started = new SignalListener(new SignalLog(jdbc, dataSource, node, seen), properties,
					clock, this::handle);
			started.start();
			listener = started;
		}
		running = true;
	}

	@Override
	public synchronized void stop() {
		running = false;
		SignalListener current = listener;
		listener = null;
		if (current != null) {
			current.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Early, so the listening connection is open before the web server takes requests. */
	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 1000;
	}

}
