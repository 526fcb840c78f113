package org.masthead.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.sqlite.SQLiteConnection;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DelegatingTransactionDefinition;

/**
 * On SQLite, a transaction that reads and then writes fails with SQLITE_BUSY_SNAPSHOT when another
 * connection wrote in between, and no waiting helps it. So a read-write transaction takes the
 * write lock with its first statement, before it reads anything (what BEGIN IMMEDIATE does); the
 * busy timeout then makes it wait its turn. Read-only transactions stay deferred and never block
 * each other.
 *
 * <p>sqlite-jdbc cannot mark an open connection read-only: {@code setReadOnly(true)} throws, and
 * Spring catches and ignores that at the start of every read-only transaction, an exception with a
 * full stack trace each time (about 110 in a start on the bench database, one every few uncached
 * pages). Once the first transaction has shown the database to be SQLite, read-only transactions begin
 * without that hint; they still report themselves read-only
 * ({@code TransactionSynchronizationManager.isCurrentTransactionReadOnly()}). On PostgreSQL this
 * manager behaves exactly like {@link JdbcTransactionManager}.
 */
class SqliteAwareTransactionManager extends JdbcTransactionManager {

	/** Whether the database is SQLite: learnt from the first transaction's connection, once. */
	private volatile Boolean sqlite;

	SqliteAwareTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		super.doBegin(transaction,
				definition.isReadOnly() && sqlite == Boolean.TRUE ? new ReadOnlyOnSqlite(definition) : definition);
	}

	@Override
	protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(con, definition);
		Boolean known = sqlite;
		if (known == null) {
			known = con.isWrapperFor(SQLiteConnection.class);
			sqlite = known;
		}
		if (known && !definition.isReadOnly() && !(definition instanceof ReadOnlyOnSqlite)) {
			try (Statement statement = con.createStatement()) {
				statement.executeUpdate("update write_lock set holder = holder where id = 1");
			}
		}
	}

	/** A read-only transaction on SQLite, begun without the connection's read-only hint. */
	private static final class ReadOnlyOnSqlite extends DelegatingTransactionDefinition {

		ReadOnlyOnSqlite(TransactionDefinition readOnly) {
			super(readOnly);
		}

		@Override
		public boolean isReadOnly() {
			return false;
		}

	}

}
