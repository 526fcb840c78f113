package org.masthead.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context of the test suite a database of its own: a fresh SQLite file
 * in a temporary data directory, or, when the suite runs with
 * {@code -Dmasthead.test.database=postgresql}, a freshly created PostgreSQL database.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PG_URL = env("MASTHEAD_TEST_PG_URL", "jdbc:postgresql://localhost:5432/postgres");

	public static final String PG_USER = env("MASTHEAD_TEST_PG_USER", "masthead");

	public static final String PG_PASSWORD = env("MASTHEAD_TEST_PG_PASSWORD", "masthead");

	/**
	 * Tag of tests that only mean something on PostgreSQL (several nodes, a database that becomes
	 * unreachable): the build leaves them out of the SQLite run instead of reporting them skipped.
	 */
	public static final String POSTGRESQL_ONLY = "postgresql-only";

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty("masthead.test.database"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		Path dataDir;
		try {
			dataDir = Files.createTempDirectory("masthead-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		properties.put("masthead.data-dir", dataDir.toString());
		// Narrations burn CPU in the background; only the tests that want them switch them on.
		if (!context.getEnvironment().containsProperty("masthead.audio.enabled")) {
			properties.put("masthead.audio.enabled", "false");
		}
		if (isPostgres()) {
			String database = "masthead_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			createDatabase(database);
			properties.put("spring.datasource.url", PG_URL.substring(0, PG_URL.lastIndexOf('/') + 1) + database);
			properties.put("spring.datasource.username", PG_USER);
			properties.put("spring.datasource.password", PG_PASSWORD);
			// The build keeps dozens of application contexts cached at once; a full pool each would
			// take all of PostgreSQL's connection slots. Idle connections of a context not in use close.
			if (!context.getEnvironment().containsProperty("spring.datasource.hikari.minimum-idle")) {
				properties.put("spring.datasource.hikari.minimum-idle", "1");
				properties.put("spring.datasource.hikari.idle-timeout", "10000");
			}
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
	}

	/**
	 * A fresh, empty PostgreSQL database for tests that start applications themselves (several
	 * nodes on one database); returns its JDBC URL.
	 */
	public static String createPostgresDatabase() {
		String database = "masthead_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		createDatabase(database);
		return PG_URL.substring(0, PG_URL.lastIndexOf('/') + 1) + database;
	}

	/** Whether the PostgreSQL server the tests use answers. */
	public static boolean postgresAvailable() {
		try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
			return c.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** The databases this test JVM made: dropped when it exits, so the server does not fill up run after run. */
	private static final Set<String> created = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "drop-test-databases"));
	}

	private static void dropCreated() {
		if (created.isEmpty()) {
			return;
		}
		try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
				Statement s = c.createStatement()) {
			for (String name : created) {
				try {
					s.execute("drop database if exists " + name + " with (force)");
				}
				catch (SQLException ex) {
					// still in use by a context closing at the same time: it stays behind, harmless
				}
			}
		}
		catch (SQLException ex) {
			// the server is gone: nothing to drop
		}
	}

	private static void createDatabase(String name) {
		Components.assume(postgresAvailable(), "PostgreSQL at " + PG_URL + " (user " + PG_USER + ")",
				"install and start PostgreSQL and create a role with CREATEDB, or set MASTHEAD_TEST_PG_URL/_USER/_PASSWORD");
		try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
				Statement s = c.createStatement()) {
			s.execute("create database " + name);
			created.add(name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
