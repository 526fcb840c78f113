package org.masthead.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signal log ({@code cluster_signal}) as one node reads it. Signal numbers are application ids,
 * ordered by the writer's clock, and a transaction may commit after another that took a higher
 * number; so a reader never trusts "everything after the highest number I saw" but looks back a
 * window and remembers which numbers in that window it has handled.
 */
final class SignalLog {

	/** A signal as stored. */
	record Signal(long seq, String channel, String payload, long origin) {
	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final long node;

	private final Seen seen;

	SignalLog(JdbcClient jdbc, DataSource dataSource, long node, Seen seen) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.node = node;
		this.seen = seen;
	}

	long node() {
		return node;
	}

	Seen seen() {
		return seen;
	}

	/**
	 * A connection of its own for LISTEN, outside the pool: it is held for as long as the node runs
	 * and must not count against the pool or be retired by it.
	 */
	Connection openListeningConnection() throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
			Properties info = new Properties();
			if (hikari.getUsername() != null) {
				info.setProperty("user", hikari.getUsername());
			}
			if (hikari.getPassword() != null) {
				info.setProperty("password", hikari.getPassword());
			}
			info.setProperty("tcpKeepAlive", "true");
			info.setProperty("connectTimeout", "5");
			info.setProperty("ApplicationName", "masthead-signals-" + node);
			return DriverManager.getConnection(hikari.getJdbcUrl(), info);
		}
		return dataSource.getConnection();
	}

	/** Signals with a number above {@code after}, oldest first. */
	List<Signal> after(long after) {
		return jdbc.sql("select seq, channel, payload, origin from cluster_signal where seq > :after order by seq")
			.param("after", after)
			.query((rs, n) -> new Signal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	/** Signals of one number (when a notification was too long to carry the signal itself). */
	List<Signal> one(long seq) {
		return jdbc.sql("select seq, channel, payload, origin from cluster_signal where seq = :seq")
			.param("seq", seq)
			.query((rs, n) -> new Signal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	int prune(Instant before) {
		return jdbc.sql("delete from cluster_signal where created_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	/** The smallest number a signal made at this instant may have. */
	static long numberAt(Instant instant) {
		return Ids.at(instant.toEpochMilli());
	}

	static long ticks(Duration duration) {
		return duration.toMillis() << 22;
	}

	/**
	 * The numbers this node handled within the look-back window, and the highest one. The first
	 * reading marks what is already in the log as handled: a node that just started has nothing
	 * cached from before, so old signals mean nothing to it.
	 */
	static final class Seen {

		private final TreeSet<Long> handled = new TreeSet<>();

		private long highest;

		private boolean primed;

		synchronized boolean isPrimed() {
			return primed;
		}

		synchronized void prime(long floor) {
			highest = Math.max(highest, floor);
			primed = true;
		}

		/** Records a number as handled; false if it was already (or is older than the window). */
		synchronized boolean add(long seq, long windowTicks) {
			if (primed && seq <= highest - windowTicks) {
				return false;
			}
			if (!handled.add(seq)) {
				return false;
			}
			if (seq > highest) {
				highest = seq;
				handled.headSet(highest - windowTicks).clear();
			}
			return true;
		}

		/** Where the next reading of the log starts. */
		synchronized long lookBackFrom(long windowTicks) {
			return highest - windowTicks;
		}

	}

}
