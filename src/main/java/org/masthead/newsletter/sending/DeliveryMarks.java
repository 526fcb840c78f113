package org.masthead.newsletter.sending;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The SENT marks of {@link DeliveryQueue}: the update that records a message with its final dot, in a
 * transaction the worker commits right after the dot is written (see {@link RecordingTransport}), either
 * on a connection checked out per mark or on one kept for the purpose. The update needs the row QUEUED
 * and leased to the worker, as every write of the queue does, and on SQLite it takes the queue's write
 * turn ({@code sqliteWrites}), held from the update until the commit or rollback.
 */
final class DeliveryMarks {

	private static final String MARK_SENT = "update newsletter_delivery set status = 'SENT', sent_at = ?, last_reply = ?, "
			+ "lease_owner = null, lease_expires_at = null "
			+ "where issue_id = ? and subscriber_id = ? and lease_owner = ? and status = 'QUEUED'";

	private final DataSource dataSource;

	private final boolean postgres;

	/** The queue's write turn on SQLite (unused on PostgreSQL). */
	private final ReentrantLock sqliteWrites;

	/** On SQLite, the mark connection this node's workers share ({@link #markConnection}); used only inside the write turn. */
	private final KeptStatement sharedMarks = new KeptStatement();

	DeliveryMarks(DataSource dataSource, boolean postgres, ReentrantLock sqliteWrites) {
		this.dataSource = dataSource;
		this.postgres = postgres;
		this.sqliteWrites = sqliteWrites;
	}

	/**
	 * Marks the delivery SENT while the worker still holds its lease, in a transaction left open: the
	 * worker calls this after the message's last byte, writes the final dot, and then commits the
	 * returned mark (or rolls it back when the dot did not go out). Null when the row is no longer
	 * this worker's. On SQLite the workers' write turn is held until the mark is committed or rolled
	 * back: two socket writes and a commit, microseconds. See {@link RecordingTransport}
	 * for why the commit comes after the dot.
	 */
	SmtpConnection.Mark markSent(Delivery delivery, String owner, Instant now) {
		if (!postgres) {
			sqliteWrites.lock();
		}
		Connection connection;
		try {
			connection = dataSource.getConnection();
		}
		catch (SQLException | RuntimeException ex) {
			if (!postgres) {
				sqliteWrites.unlock();
			}
			throw new IllegalStateException("could not mark delivery " + delivery.subscriberId() + ": " + ex.getMessage(), ex);
		}
		try {
			connection.setAutoCommit(false);
			int updated;
			try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
				update.setTimestamp(1, Timestamp.from(now));
				update.setString(2, "recorded with the final dot");
				update.setLong(3, delivery.issueId());
				update.setLong(4, delivery.subscriberId());
				update.setString(5, owner);
				updated = update.executeUpdate();
			}
			if (updated != 1) {
				Connection unused = connection;
				connection = null;
				end(unused, false);
				return null;
			}
			Connection open = connection;
			connection = null;
			return new SmtpConnection.Mark() {

				@Override
				public void commit() {
					end(open, true);
				}

				@Override
				public void rollback() {
					end(open, false);
				}

			};
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not mark delivery " + delivery.subscriberId() + ": " + ex.getMessage(), ex);
		}
		finally {
			if (connection != null) {
				end(connection, false);
			}
		}
	}

	/**
	 * The connection a worker makes its SENT marks on, or null when the pool is too small to lend one
	 * and still serve the workers' other writes (each mark then checks out a connection, {@link #markSent}).
	 * On PostgreSQL each worker keeps one of its own (the pool needs two per worker). On SQLite the
	 * workers of this node share one: they take turns for every write anyway, and a connection whose
	 * own writes are the last in the database keeps its page cache, where one of four connections
	 * taking turns found the database changed on every mark and read its pages again (about 27 preads
	 * a message, strace).
	 */
	MarkConnection markConnection(int workers) {
		try {
			if (!dataSource.isWrapperFor(HikariDataSource.class)
					|| dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() < (postgres ? 2 * workers : 2)) {
				return null;
			}
		}
		catch (SQLException ex) {
			return null;
		}
		if (postgres) {
			KeptStatement own = new KeptStatement();
			own.users = 1;
			return new MarkConnection(own);
		}
		sqliteWrites.lock();
		try {
			sharedMarks.users++;
			return new MarkConnection(sharedMarks);
		}
		finally {
			sqliteWrites.unlock();
		}
	}

	/**
	 * A pooled connection kept out of the pool for SENT marks, with the update prepared once: a mark
	 * is one statement and a commit, instead of a checkout, a prepare, two switches of auto-commit and
	 * the pool's resets around them. A connection that fails is dropped and the next mark takes a
	 * fresh one (a database restart); it goes back to the pool when its last user is done.
	 */
	private final class KeptStatement {

		private Connection connection;

		private PreparedStatement update;

		private int users;

		PreparedStatement update() throws SQLException {
			if (connection == null) {
				connection = dataSource.getConnection();
				connection.setAutoCommit(false);
				update = connection.prepareStatement(MARK_SENT);
			}
			return update;
		}

		void settle(boolean commit) throws SQLException {
			DeliveryMarks.settle(connection, commit);
		}

		void drop() {
			if (connection != null) {
				try {
					connection.rollback();
				}
				catch (SQLException ex) {
					// a broken connection: closing it is all that is left
				}
				close();
			}
		}

		void close() {
			if (connection != null) {
				try {
					update.close();
					connection.setAutoCommit(true);
					connection.close();
				}
				catch (SQLException | RuntimeException ex) {
					// the pool evicts a broken connection
				}
				connection = null;
				update = null;
			}
		}

	}

	/**
	 * A worker's way to its {@link KeptStatement} while it sends. Marks behave as {@link #markSent}'s.
	 */
	final class MarkConnection implements AutoCloseable {

		private final KeptStatement kept;

		private boolean closed;

		private MarkConnection(KeptStatement kept) {
			this.kept = kept;
		}

		SmtpConnection.Mark markSent(Delivery delivery, String owner, Instant now) {
			if (!postgres) {
				sqliteWrites.lock();
			}
			try {
				PreparedStatement update = kept.update();
				update.setTimestamp(1, Timestamp.from(now));
				update.setString(2, "recorded with the final dot");
				update.setLong(3, delivery.issueId());
				update.setLong(4, delivery.subscriberId());
				update.setString(5, owner);
				if (update.executeUpdate() != 1) {
					finish(false);
					return null;
				}
			}
			catch (SQLException | RuntimeException ex) {
				kept.drop();
				if (!postgres) {
					sqliteWrites.unlock();
				}
				throw new IllegalStateException("could not mark delivery " + delivery.subscriberId() + ": " + ex.getMessage(), ex);
			}
			return new SmtpConnection.Mark() {

				@Override
				public void commit() {
					finish(true);
				}

				@Override
				public void rollback() {
					finish(false);
				}

			};
		}

		/** Commits or rolls back the open mark and ends the write turn. */
		private void finish(boolean commit) {
			try {
				kept.settle(commit);
			}
			catch (SQLException ex) {
				kept.drop();
				if (commit) {
					throw new IllegalStateException("could not commit a delivery mark: " + ex.getMessage(), ex);
				}
			}
			finally {
				if (!postgres) {
					sqliteWrites.unlock();
				}
			}
		}

		/** This worker is done; the connection goes back to the pool once no worker uses it. */
		@Override
		public void close() {
			if (closed) {
				return;
			}
			closed = true;
			if (!postgres) {
				sqliteWrites.lock();
			}
			try {
				if (--kept.users == 0) {
					kept.close();
				}
			}
			finally {
				if (!postgres) {
					sqliteWrites.unlock();
				}
			}
		}

	}

	private static void settle(Connection connection, boolean commit) throws SQLException {
		if (commit) {
			connection.commit();
		}
		else {
			connection.rollback();
		}
	}

	/** Commits or rolls back a mark's transaction, gives its connection back and ends the write turn. */
	private void end(Connection connection, boolean commit) {
		try {
			settle(connection, commit);
		}
		catch (SQLException ex) {
			if (commit) {
				throw new IllegalStateException("could not commit a delivery mark: " + ex.getMessage(), ex);
			}
		}
		finally {
			try {
				connection.setAutoCommit(true);
				connection.close();
			}
			catch (SQLException ex) {
				// a broken connection: the pool drops it
			}
			if (!postgres) {
				sqliteWrites.unlock();
			}
		}
	}

}
