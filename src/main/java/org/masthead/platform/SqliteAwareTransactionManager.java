package org.masthead.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.sqlite.SQLiteConnection;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * On SQLite, a transaction that reads and then writes fails with SQLITE_BUSY_SNAPSHOT when another
 * connection wrote in between, and no waiting helps it. So a read-write transaction takes the
 * write lock with its first statement, before it reads anything (what BEGIN IMMEDIATE does); the
 * busy timeout then makes it wait its turn. Read-only transactions stay deferred and never block
 * each other. On PostgreSQL this manager behaves exactly like {@link JdbcTransactionManager}.
 */
class SqliteAwareTransactionManager extends JdbcTransactionManager {

	SqliteAwareTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(con, definition);
		if (!definition.isReadOnly() && con.isWrapperFor(SQLiteConnection.class)) {
			try (Statement statement = con.createStatement()) {
				statement.executeUpdate("update write_lock set holder = holder where id = 1");
			}
		}
	}

}
