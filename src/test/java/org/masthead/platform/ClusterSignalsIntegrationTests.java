package org.masthead.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Signals on this node and, on PostgreSQL, on a second node made beside the application's: a
 * {@link ClusterSignals} of its own on the same database, with its own listening connection.
 */
@MastheadIntegrationTest
class ClusterSignalsIntegrationTests {

	@Autowired
	ClusterSignals signals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	private ClusterSignals other;

	@AfterEach
	void stopOther() {
		if (other != null) {
			other.stop();
		}
	}

	@Test
	void aCommittedSignalIsHandledOnceHereAfterCommitAndARolledBackOneNever() {
		List<String> here = new CopyOnWriteArrayList<>();
		signals.subscribe("test.local", here::add);
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.executeWithoutResult(status -> {
			signals.publish("test.local", "kept");
			assertThat(here).as("nothing runs before the commit").isEmpty();
		});
		transactions.executeWithoutResult(status -> {
			signals.publish("test.local", "dropped");
			status.setRollbackOnly();
		});
		signals.publish("test.local", "outside a transaction");
		assertThat(here).containsExactly("kept", "outside a transaction");
		assertThat(signals.isClustered()).isEqualTo(TestDatabase.isPostgres());
	}

	@Test
	@Tag(TestDatabase.POSTGRESQL_ONLY)
	void anotherNodeHandlesCommittedSignalsOnlyAndTheLogHoldsOnlyThose() {
		assumeTrue(TestDatabase.isPostgres(), "signals between nodes need PostgreSQL; SQLite is one node");
		List<String> there = new CopyOnWriteArrayList<>();
		other = node(Duration.ofHours(1));
		other.subscribe("test.remote", there::add);
		other.start();
		await().atMost(Duration.ofSeconds(10)).until(other::isListening);
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.executeWithoutResult(status -> {
			signals.publish("test.remote", "rolled back");
			status.setRollbackOnly();
		});
		transactions.executeWithoutResult(status -> signals.publish("test.remote", "first"));
		signals.publish("test.remote", "x".repeat(9000)); // too long for a notification: read from the log
		await().atMost(Duration.ofSeconds(5)).until(() -> there.size() >= 2);
		assertThat(there).containsExactly("first", "x".repeat(9000));
		assertThat(jdbc.sql("select count(*) from cluster_signal where channel = 'test.remote'").query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	@Tag(TestDatabase.POSTGRESQL_ONLY)
	void aNodeWhoseConnectionWasKilledReconnectsAndCatchesUpOnWhatItMissed() {
		assumeTrue(TestDatabase.isPostgres(), "signals between nodes need PostgreSQL; SQLite is one node");
		List<String> there = new CopyOnWriteArrayList<>();
		other = node(Duration.ofHours(1)); // no periodic catch-up: only the reconnection can deliver
		other.subscribe("test.missed", there::add);
		other.start();
		await().atMost(Duration.ofSeconds(10)).until(other::isListening);
		jdbc.sql("""
				select pg_terminate_backend(pid) from pg_stat_activity
				where datname = current_database() and application_name like 'masthead-signals-%'""").query().listOfRows();
		// Written while the listening connections are down, or announced to none: only the log has it.
		jdbc.sql("insert into cluster_signal (seq, channel, payload, origin, created_at) values (:seq, 'test.missed', 'while away', 1, :at)")
			.param("seq", Ids.next())
			.param("at", Timestamp.from(Clock.systemUTC().instant()))
			.update();
		await().atMost(Duration.ofSeconds(10)).until(() -> !there.isEmpty());
		assertThat(there).containsExactly("while away");
		await().atMost(Duration.ofSeconds(10)).until(other::isListening);
		signals.publish("test.missed", "after reconnecting");
		await().atMost(Duration.ofSeconds(5)).until(() -> there.size() == 2);
		assertThat(there).containsExactly("while away", "after reconnecting");
	}

	@Test
	@Tag(TestDatabase.POSTGRESQL_ONLY)
	void theSafetyNetFindsASignalWhoseNotificationNeverCame() {
		assumeTrue(TestDatabase.isPostgres(), "signals between nodes need PostgreSQL; SQLite is one node");
		List<String> there = new CopyOnWriteArrayList<>();
		other = node(Duration.ofMillis(300));
		other.subscribe("test.silent", there::add);
		other.start();
		await().atMost(Duration.ofSeconds(10)).until(other::isListening);
		await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(500)).until(() -> true); // primed
		// A lower number committed after higher ones: still found, within the look-back window.
		jdbc.sql("insert into cluster_signal (seq, channel, payload, origin, created_at) values (:seq, 'test.silent', 'late', 1, :at)")
			.param("seq", Ids.next() - SignalLog.ticks(Duration.ofSeconds(30)))
			.param("at", Timestamp.from(Clock.systemUTC().instant()))
			.update();
		await().atMost(Duration.ofSeconds(5)).until(() -> !there.isEmpty());
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		assertThat(there).as("handled once, not at every catch-up").containsExactly("late");
	}

	private ClusterSignals node(Duration catchUp) {
		return new ClusterSignals(jdbc, dataSource, Clock.systemUTC(),
				new ClusterProperties(catchUp, Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofSeconds(1)));
	}

}
