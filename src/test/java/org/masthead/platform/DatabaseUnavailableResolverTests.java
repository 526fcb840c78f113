package org.masthead.platform;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database cannot be reached" (503) and which are ordinary errors. */
class DatabaseUnavailableResolverTests {

	@Test
	void connectionFailuresAreUnavailability() {
		assertThat(DatabaseUnavailableResolver.isDatabaseUnavailable(
				new CannotGetJdbcConnectionException("pool timed out", new java.sql.SQLTransientConnectionException("timeout"))))
			.isTrue();
		assertThat(DatabaseUnavailableResolver.isDatabaseUnavailable(
				new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(DatabaseUnavailableResolver.isDatabaseUnavailable(
				new IllegalStateException("wrapped", new SQLException("terminating connection", "57P01")))).isTrue();
		assertThat(DatabaseUnavailableResolver.isDatabaseUnavailable(
				new RuntimeException(new SQLException("connection refused", "08001")))).isTrue();
		TransactionSystemException rollbackOnDeadConnection = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollbackOnDeadConnection.initApplicationException(new DataAccessResourceFailureException("I/O error"));
		assertThat(DatabaseUnavailableResolver.isDatabaseUnavailable(rollbackOnDeadConnection)).isTrue();
	}

	@Test
	void queryAndDataErrorsAreNot() {
		assertThat(DatabaseUnavailableResolver.isDatabaseUnavailable(
				new BadSqlGrammarException("select", "select nothing", new SQLException("syntax error", "42601")))).isFalse();
		assertThat(DatabaseUnavailableResolver.isDatabaseUnavailable(
				new DuplicateKeyException("slug taken", new SQLException("duplicate key", "23505")))).isFalse();
		assertThat(DatabaseUnavailableResolver.isDatabaseUnavailable(new IllegalArgumentException("bad input"))).isFalse();
		TransactionSystemException rollbackAfterBug = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollbackAfterBug.initApplicationException(new IllegalStateException("a bug"));
		assertThat(DatabaseUnavailableResolver.isDatabaseUnavailable(rollbackAfterBug)).isFalse();
	}

}
