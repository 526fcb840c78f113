package org.masthead;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.masthead.platform.GenericTypeLookupBeanFactory;
import org.masthead.testing.DatabaseCondition;
import org.masthead.testing.TestDatabase;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A node as a load balancer sees it: readiness goes DOWN while the database cannot be reached and
 * when a shutdown starts, and a shutdown ends open news feed streams at once (with a last message
 * telling browsers to reconnect elsewhere) instead of waiting for them. Each test starts its own node.
 */
@Tag("sql")
@ExtendWith(DatabaseCondition.class)
class NodeLifecycleIntegrationTests {

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aShutdownRefusesTrafficAndEndsNewsFeedStreamsAtOnce() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext node = node(events);
		try {
			shutDownWithAnOpenStream(node, events);
		}
		finally {
			node.close();
		}
	}

	private void shutDownWithAnOpenStream(ConfigurableApplicationContext node, List<String> events) throws Exception {
		int port = port(node);
		assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);

		List<String> lines = new CopyOnWriteArrayList<>();
		CompletableFuture<HttpResponse<Stream<String>>> open = http.sendAsync(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/news-feed/events"))
					.header("Accept", "text/event-stream").build(),
				HttpResponse.BodyHandlers.ofLines());
		HttpResponse<Stream<String>> stream = open.get(10, TimeUnit.SECONDS);
		assertThat(stream.statusCode()).isEqualTo(200);
		CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> stream.body().forEach(line -> {
			lines.add(line);
		})).thenRun(() -> events.add("stream ended"));
		await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(":news feed"));

		long started = System.nanoTime();
		node.close();
		long closedMillis = (System.nanoTime() - started) / 1_000_000;
		ended.get(5, TimeUnit.SECONDS);

		// The stream would stay open for masthead.news-feed.stream-timeout (10 minutes) and the
		// graceful shutdown would wait its full 30 s for it; it was ended instead.
		assertThat(closedMillis).as("shutdown took %d ms", closedMillis).isLessThan(20_000);
		assertThat(lines).contains(":node shutting down");
		long retry = lines.stream().filter(l -> l.startsWith("retry:")).map(l -> Long.parseLong(l.substring(6).trim()))
			.reduce((a, b) -> b).orElseThrow();
		assertThat(retry).isBetween(1000L, 5000L);
		assertThat(events).containsSubsequence(ReadinessState.REFUSING_TRAFFIC.name(), "stream ended");
	}

	@Test
	@Tag(TestDatabase.POSTGRESQL_ONLY)
	void readinessIsDownWhileTheDatabaseCannotBeReached() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "an embedded SQLite file cannot become unreachable");
		ConfigurableApplicationContext node = node(new CopyOnWriteArrayList<>());
		try {
			int port = port(node);
			assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
			String url = node.getEnvironment().getProperty("spring.datasource.url");
			String database = url.substring(url.lastIndexOf('/') + 1);
			try {
				admin("alter database " + database + " with allow_connections false");
				admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
				await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/actuator/health/readiness").statusCode() == 503);
				assertThat(get(port, "/actuator/health/readiness").body()).contains("\"status\":\"DOWN\"");
				assertThat(get(port, "/actuator/health/liveness").statusCode()).as("alive all the same: no restart helps")
					.isEqualTo(200);
			}
			finally {
				admin("alter database " + database + " with allow_connections true");
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/actuator/health/readiness").statusCode() == 200);
		}
		finally {
			node.close();
		}
	}

	private static ConfigurableApplicationContext node(List<String> events) {
		ApplicationListener<AvailabilityChangeEvent<?>> readiness = event -> {
			if (event.getState() instanceof ReadinessState state) {
				events.add(state.name());
			}
		};
		return new SpringApplicationBuilder(MastheadApplication.class)
			.contextFactory(GenericTypeLookupBeanFactory.contextFactory())
			.initializers(new TestDatabase())
			.listeners(readiness)
			.run("--server.port=0", "--masthead.audio.enabled=false", "--spring.datasource.hikari.connection-timeout=2000");
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void admin(String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER, TestDatabase.PG_PASSWORD);
				Statement statement = c.createStatement()) {
			statement.execute(sql);
		}
	}

}
