package org.masthead;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import org.masthead.audio.engine.FestivalEngine;
import org.masthead.content.Newsroom;
import org.masthead.content.WorkingCopies;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.masthead.platform.ClusterSignals;
import org.masthead.platform.GenericTypeLookupBeanFactory;
import org.masthead.site.cache.PageCache;
import org.masthead.testing.Components;
import org.masthead.testing.DatabaseCondition;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.masthead.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes, A and B, on one PostgreSQL database, each with its own data directory (page cache,
 * search index), as behind a load balancer. The news feed's own polling and the signals' periodic
 * catch-up are turned off, so whatever reaches B within the test's waits came through LISTEN/NOTIFY
 * or through the catch-up a reconnection does. Not applicable on SQLite (one node by definition).
 */
@Tag("sql")
@Tag(TestDatabase.POSTGRESQL_ONLY)
@ExtendWith(DatabaseCondition.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIntegrationTests {

	/** What "at once" means here: well above the figure measured by bench/two-nodes.sh (p95 well under 1 s). */
	private static final Duration SOON = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private String url;

	private java.nio.file.Path dataOfB;

	@BeforeAll
	void startTwoNodes() throws Exception {
		assumeTrue(TestDatabase.isPostgres(), "two nodes share a PostgreSQL database; on SQLite there is one node");
		url = TestDatabase.createPostgresDatabase();
		a = node(url, Files.createTempDirectory("masthead-node-a"));
		dataOfB = Files.createTempDirectory("masthead-node-b");
		b = node(url, dataOfB);
	}

	@AfterAll
	void stopNodes() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { b, a }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@Test
	void anArticlePublishedOnAIsServedFreshByBAtItsAddressOnItsHomePageAndInItsSearch() throws Exception {
		Newsroom newsroom = a.getBean(Newsroom.class);
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("harbour");
		long id = newsroom.createDraft(basics.draft(slug, "Harbour crane returns", "<p>Zephyrine crane.</p>"));
		newsroom.publish(id, Instant.now());
		await().atMost(SOON).until(() -> body(b, "/" + slug + "/").contains("Harbour crane returns"));
		PageCache cacheOfB = b.getBean(PageCache.class);
		body(b, "/");
		long hits = cacheOfB.hits();
		assertThat(body(b, "/" + slug + "/")).contains("Harbour crane returns");
		assertThat(body(b, "/")).contains("Harbour crane returns");
		assertThat(cacheOfB.hits()).as("B serves both pages from its cache").isEqualTo(hits + 2);

		newsroom.saveDraft(id, basics.draft(slug, "Harbour crane returns after repairs", "<p>Zephyrine crane, mended.</p>"));
		newsroom.publish(id, Instant.now());

		await().atMost(SOON).until(() -> body(b, "/" + slug + "/").contains("after repairs"));
		assertThat(body(b, "/")).contains("Harbour crane returns after repairs");
		await().atMost(SOON).until(() -> body(b, "/search?q=zephyrine").contains("after repairs"));
	}

	@Test
	void aNewsFeedItemPostedOnAReachesAnOpenStreamOnB() throws Exception {
		Stream stream = new Stream(b);
		long id = a.getBean(NewsFeed.class)
			.post(new NewsFeedItemDraft("Bridge reopens to traffic", "Both lanes are open.", null, false, false, null), "Test");
		String posted = stream.next("posted");
		assertThat(posted).contains("\"id\":\"" + id + "\"", "Bridge reopens to traffic");
		stream.close();
	}

	@Test
	void bCatchesUpOnWhatItMissedWhileItsListeningConnectionWasKilled() throws Exception {
		Newsroom newsroom = a.getBean(Newsroom.class);
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("ferry");
		long id = newsroom.createDraft(basics.draft(slug, "Ferry timetable", "<p>Summer times.</p>"));
		newsroom.publish(id, Instant.now());
		await().atMost(SOON).until(() -> body(b, "/" + slug + "/").contains("Ferry timetable"));

		ClusterSignals signalsOfB = b.getBean(ClusterSignals.class);
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = :name")
			.param("name", "masthead-signals-" + signalsOfB.node())
			.query()
			.listOfRows();
		newsroom.saveDraft(id, basics.draft(slug, "Ferry timetable changes for winter", "<p>Winter times.</p>"));
		newsroom.publish(id, Instant.now());

		await().atMost(SOON).until(() -> body(b, "/" + slug + "/").contains("changes for winter"));
		await().atMost(SOON).until(signalsOfB::isListening);
	}

	@Test
	void aScheduledArticleIsPublishedOnceAndAJobOfAKilledNodeIsTakenOverByAnother() throws Exception {
		Newsroom newsroom = a.getBean(Newsroom.class);
		WorkingCopies copies = a.getBean(WorkingCopies.class);
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		Basics basics = Basics.create(newsroom);

		String first = TestContent.unique("scheduled");
		long firstId = newsroom.createDraft(basics.draft(first, "Lighthouse open day", "<p>Tours.</p>"));
		copies.schedule(firstId, Instant.now().plusSeconds(1));
		await().atMost(Duration.ofSeconds(15)).until(() -> body(b, "/" + first + "/").contains("Lighthouse open day"));

		// A node died while it ran the publishing job: the execution stays picked, its heartbeat stops.
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("""
				update scheduled_tasks set picked = true, picked_by = 'killed-node', last_heartbeat = :old,
				execution_time = :old, version = version + 1
				where task_name = 'publish-due-articles' and picked = false""")
			.param("old", java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
			.update() == 1);
		String second = TestContent.unique("scheduled");
		long secondId = newsroom.createDraft(basics.draft(second, "Lighthouse closes for winter", "<p>Repairs.</p>"));
		copies.schedule(secondId, Instant.now().plusSeconds(1));
		long started = System.nanoTime();
		await().atMost(Duration.ofSeconds(60)).until(() -> body(a, "/" + second + "/").contains("closes for winter"));
		long tookMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(tookMillis).as("not before the dead node's heartbeats were missed (4 x 1 s)").isGreaterThan(2000);
		System.out.printf("Job of a killed node taken over after %d ms%n", tookMillis);

		for (long id : List.of(firstId, secondId)) {
			assertThat(jdbc.sql("select count(*) from audit_entry where action = 'article.published' and subject like :s")
				.param("s", "article:" + id + " %")
				.query(Long.class)
				.single()).as("published exactly once: article " + id).isEqualTo(1);
		}
	}

	@Test
	void anArticleIsNarratedOnceAcrossTheNodesAndBothShowThePlayer() throws Exception {
		FestivalEngine festival = a.getBean(FestivalEngine.class);
		Components.assume(festival.installation().isReady() && festival.hasVoice("cmu_us_slt_arctic_hts"), "Festival",
				"apt-get install -y festival festvox-us-slt-hts lame");
		Newsroom newsroom = a.getBean(Newsroom.class);
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("narrated");
		long id = newsroom.createDraft(basics.draft(slug, "Harbour lights return",
				"<p>The harbour lights are back. They were repaired over the winter.</p>"));
		newsroom.publish(id, Instant.now());

		await().atMost(Duration.ofSeconds(90)).until(() -> body(b, "/" + slug + "/").contains("narration-audio"));
		assertThat(body(a, "/" + slug + "/")).contains("narration-audio");
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		assertThat(jdbc.sql("select count(*) from narration where article_id = :id").param("id", id).query(Long.class).single())
			.as("one narration, made by one of the nodes").isEqualTo(1);
		assertThat(jdbc.sql("select status from narration where article_id = :id").param("id", id).query(String.class).single())
			.isEqualTo("READY");
	}

	@Test
	void aNodeThatWasStoppedFindsInItsSearchWhatWasPublishedMeanwhile() throws Exception {
		Newsroom newsroom = a.getBean(Newsroom.class);
		Basics basics = Basics.create(newsroom);
		String before = TestContent.unique("before");
		newsroom.publish(newsroom.createDraft(basics.draft(before, "Quarry reopens", "<p>Marblewort quarry.</p>")), Instant.now());
		await().atMost(SOON).until(() -> body(b, "/search?q=marblewort").contains("Quarry reopens"));

		b.close();
		String meanwhile = TestContent.unique("meanwhile");
		newsroom.publish(newsroom.createDraft(basics.draft(meanwhile, "Quarry floods", "<p>Marblewort quarry again.</p>")),
				Instant.now());
		b = node(url, dataOfB);

		await().atMost(SOON).until(() -> body(b, "/search?q=marblewort").contains("Quarry floods"));
		assertThat(body(b, "/search?q=marblewort")).contains("Quarry reopens");
	}

	@Test
	void whileTheDatabaseIsUnreachableRequestsGet503AndTheNodesRecoverByThemselves() throws Exception {
		Newsroom newsroom = a.getBean(Newsroom.class);
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("outage");
		long id = newsroom.createDraft(basics.draft(slug, "Storm warning for the coast", "<p>Gales.</p>"));
		newsroom.publish(id, Instant.now());
		await().atMost(SOON).until(() -> body(b, "/" + slug + "/").contains("Storm warning"));
		body(b, "/" + slug + "/"); // cached on B now

		String database = url.substring(url.lastIndexOf('/') + 1);
		try {
			admin("alter database " + database + " with allow_connections false");
			admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");

			HttpResponse<String> page = get(b, "/tag/" + basics.tagSlug() + "/", "text/html");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			assertThat(page.body()).contains("Temporarily unavailable").doesNotContain("Exception");
			HttpResponse<String> api = get(a, "/api/content/articles/" + slug, "application/json");
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
			assertThat(api.body()).contains("\"code\":\"service.unavailable\"");
			HttpResponse<String> admin = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(b) + "/api/admin/articles"))
				.header("Authorization", "Bearer mh_notarealtokenbutlookedupinthedatabase")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(admin.statusCode()).as("the API token is looked up in a filter").isEqualTo(503);
			assertThat(admin.body()).contains("\"code\":\"service.unavailable\"");
			assertThat(get(b, "/" + slug + "/", "text/html").statusCode()).as("cached pages keep being served").isEqualTo(200);
		}
		finally {
			admin("alter database " + database + " with allow_connections true");
		}

		await().atMost(Duration.ofSeconds(20)).until(() -> get(b, "/tag/" + basics.tagSlug() + "/", "text/html").statusCode() == 200);
		await().atMost(Duration.ofSeconds(20)).until(() -> a.getBean(ClusterSignals.class).isListening()
				&& b.getBean(ClusterSignals.class).isListening());
		newsroom.saveDraft(id, basics.draft(slug, "Storm warning lifted", "<p>Calm.</p>"));
		newsroom.publish(id, Instant.now());
		await().atMost(SOON).until(() -> body(b, "/" + slug + "/").contains("Storm warning lifted"));
	}

	private static void admin(String sql) throws Exception {
		try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestDatabase.PG_URL, TestDatabase.PG_USER,
				TestDatabase.PG_PASSWORD); java.sql.Statement statement = c.createStatement()) {
			statement.execute(sql);
		}
	}

	private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Command-line arguments, as a node started by systemd gets them: they override application.properties. */
	private static ConfigurableApplicationContext node(String url, java.nio.file.Path data) {
		return new SpringApplicationBuilder(MastheadApplication.class)
			.contextFactory(GenericTypeLookupBeanFactory.contextFactory())
			.run(
				"--spring.datasource.url=" + url,
				"--spring.datasource.username=" + TestDatabase.PG_USER,
				"--spring.datasource.password=" + TestDatabase.PG_PASSWORD,
				"--masthead.data-dir=" + data,
				"--server.port=0",
				"--masthead.audio.enabled=true",
				"--masthead.audio.poll-interval=2s",
				"--masthead.news-feed.poll=1h",
				"--masthead.cluster.catch-up=1h",
				"--db-scheduler.polling-interval=1s",
				"--db-scheduler.heartbeat-interval=1s",
				"--db-scheduler.missed-heartbeats-limit=4",
				"--spring.datasource.hikari.connection-timeout=2000");
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private String body(ConfigurableApplicationContext node, String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	/** A Server-Sent Events client on the news feed stream of one node. */
	final class Stream {

		private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();

		private final HttpResponse<java.io.InputStream> response;

		Stream(ConfigurableApplicationContext node) throws Exception {
			response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + "/news-feed/events"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			Thread reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					String name = null;
					StringBuilder data = new StringBuilder();
					for (String line = lines.readLine(); line != null; line = lines.readLine()) {
						if (line.isEmpty()) {
							if (name != null) {
								events.add(new String[] { name, data.toString() });
							}
							name = null;
							data.setLength(0);
						}
						else if (line.startsWith("event:")) {
							name = line.substring(6).strip();
						}
						else if (line.startsWith("data:")) {
							data.append(line.substring(5).strip());
						}
					}
				}
				catch (java.io.IOException ex) {
					// closed
				}
			});
			reader.setDaemon(true);
			reader.start();
		}

		/** The data of the next event of this name, within {@link #SOON}. */
		String next(String name) throws InterruptedException {
			long deadline = System.nanoTime() + SOON.toNanos();
			while (System.nanoTime() < deadline) {
				String[] event = events.poll(100, TimeUnit.MILLISECONDS);
				if (event != null && event[0].equals(name)) {
					return event[1];
				}
			}
			throw new AssertionError("no '" + name + "' event within " + SOON);
		}

		void close() throws Exception {
			response.body().close();
		}

	}

}
