package org.masthead.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.masthead.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On SQLite, read-write transactions take the write lock before they read, read-only ones do not,
 * and read-only ones stop asking sqlite-jdbc for a read-only connection (it throws every time) once
 * the first transaction has shown the database to be SQLite. On PostgreSQL a read-only transaction
 * still gets a read-only connection, which refuses writes.
 */
class SqliteAwareTransactionManagerTests {

	@TempDir
	Path dir;

	@Test
	void readOnlyTransactionsOnSqliteStopAskingForAReadOnlyConnection() {
		try (HikariDataSource pool = sqlite()) {
			HintCountingDataSource dataSource = new HintCountingDataSource(pool);
			SqliteAwareTransactionManager manager = new SqliteAwareTransactionManager(dataSource);
			TransactionTemplate readOnly = readOnly(manager);
			JdbcClient jdbc = JdbcClient.create(dataSource);

			for (int i = 0; i < 5; i++) {
				Integer holder = readOnly.execute(status -> {
					assertThat(TransactionSynchronizationManager.isCurrentTransactionReadOnly()).isTrue();
					return jdbc.sql("select holder from write_lock where id = 1").query(Integer.class).single();
				});
				assertThat(holder).isZero();
			}
			assertThat(dataSource.readOnlyHints).as("read-only hints sqlite-jdbc refused").hasValue(1);
		}
	}

	@Test
	void onSqliteAReadWriteTransactionHoldsTheWriteLockFromItsStartAndAReadOnlyOneDoesNot() throws Exception {
		try (HikariDataSource pool = sqlite(); Connection other = DriverManager.getConnection(url())) {
			SqliteAwareTransactionManager manager = new SqliteAwareTransactionManager(pool);
			JdbcClient jdbc = JdbcClient.create(pool);
			readOnly(manager).executeWithoutResult(status -> jdbc.sql("select 1").query(Integer.class).single());

			new TransactionTemplate(manager).executeWithoutResult(status ->
					assertThatThrownBy(() -> takeAndReleaseTheWriteLock(other)).hasMessageContaining("SQLITE_BUSY"));
			readOnly(manager).executeWithoutResult(status -> {
				jdbc.sql("select holder from write_lock").query(Integer.class).single();
				try {
					takeAndReleaseTheWriteLock(other);
				}
				catch (SQLException ex) {
					throw new AssertionError("a read-only transaction held the write lock", ex);
				}
			});
		}
	}

	@Test
	void onPostgresqlAReadOnlyTransactionRefusesWrites() {
		String url = TestDatabase.createPostgresDatabase();
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(url);
			pool.setUsername(TestDatabase.PG_USER);
			pool.setPassword(TestDatabase.PG_PASSWORD);
			pool.setMaximumPoolSize(2);
			HintCountingDataSource dataSource = new HintCountingDataSource(pool);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("create table note (body text)").update();
			TransactionTemplate readOnly = readOnly(new SqliteAwareTransactionManager(dataSource));

			for (int i = 0; i < 3; i++) {
				assertThatThrownBy(() -> readOnly.executeWithoutResult(
						status -> jdbc.sql("insert into note (body) values ('x')").update()))
					.hasMessageContaining("read-only transaction");
			}
			assertThat(dataSource.readOnlyHints).hasValue(3);
		}
	}

	private HikariDataSource sqlite() {
		try (Connection connection = DriverManager.getConnection(url()); Statement statement = connection.createStatement()) {
			statement.executeUpdate("create table write_lock (id integer primary key, holder integer not null)");
			statement.executeUpdate("insert into write_lock (id, holder) values (1, 0)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url());
		pool.setMaximumPoolSize(2);
		return pool;
	}

	private String url() {
		return "jdbc:sqlite:" + dir.resolve("test.db");
	}

	private static TransactionTemplate readOnly(SqliteAwareTransactionManager manager) {
		TransactionTemplate template = new TransactionTemplate(manager);
		template.setReadOnly(true);
		return template;
	}

	/** BEGIN IMMEDIATE on another connection, without waiting: fails with SQLITE_BUSY while a writer holds the lock. */
	private static void takeAndReleaseTheWriteLock(Connection other) throws SQLException {
		try (Statement statement = other.createStatement()) {
			statement.execute("pragma busy_timeout = 0");
			statement.execute("begin immediate");
			statement.execute("rollback");
		}
	}

	/** Counts the calls of {@code setReadOnly(true)} on its connections. */
	private static final class HintCountingDataSource extends DelegatingDataSource {

		final AtomicInteger readOnlyHints = new AtomicInteger();

		HintCountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("setReadOnly") && Boolean.TRUE.equals(args[0])) {
							readOnlyHints.incrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
