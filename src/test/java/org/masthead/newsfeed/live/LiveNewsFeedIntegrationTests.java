package org.masthead.newsfeed.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.masthead.testing.MastheadIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live news feed over Server-Sent Events: changes arrive as they are committed, a client that
 * reconnects with {@code Last-Event-ID} gets exactly what it missed from the database, and a client
 * that never reads is dropped without holding the server's resources.
 */
@MastheadIntegrationTest
@TestPropertySource(properties = { "masthead.news-feed.max-pending=8", "masthead.news-feed.send-timeout=2s" })
class LiveNewsFeedIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	NewsFeed feed;

	@Autowired
	LiveNewsFeed live;

	@Test
	void postedEditedAndDeletedItemsArriveInOrderAndAReconnectMissesNothing() throws Exception {
		Stream stream = open(null, null);
		long id = feed.post(draft("Ferry back in service", "The morning ferry sails again."), "Test");
		Event posted = stream.next();
		assertThat(posted.name()).isEqualTo("posted");
		JsonNode data = json.readTree(posted.data());
		assertThat(data.get("id").asString()).isEqualTo(Long.toString(id));
		assertThat(data.get("headline").asString()).isEqualTo("Ferry back in service");
		assertThat(data.get("time").asString()).matches("\\d{1,2}:\\d{2} [AP]M");
		assertThat(data.get("permalink").asString()).isEqualTo("/news-feed/" + id + "/");
		assertThat(posted.id()).isEqualTo(data.get("seq").asString());

		feed.edit(id, draft("Ferry back in service at last", "The morning ferry sails again."));
		Event edited = stream.next();
		assertThat(edited.name()).isEqualTo("edited");
		assertThat(Long.parseLong(edited.id())).isGreaterThan(Long.parseLong(posted.id()));
		stream.close();

		// while no one listens: one more edit and a deletion
		feed.edit(id, draft("Ferry back", "Sails again."));
		long other = feed.post(draft("Second item", "Something else."), "Test");
		feed.delete(id);

		Stream resumed = open(edited.id(), null);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			names.add(resumed.next().name());
		}
		assertThat(names).containsExactly("deleted", "posted", "deleted"); // the edited item is gone by now
		resumed.close();

		Stream since = open(null, posted.id());
		assertThat(since.next().name()).as("the edit of an item deleted since").isEqualTo("deleted");
		since.close();
		feed.delete(other);
	}

	@Test
	void garbageResumePointsAreIgnored() throws Exception {
		Stream stream = open("not-a-number\r\nX: y", "-5");
		long id = feed.post(draft("After garbage", "Still works."), "Test");
		Event event = stream.next();
		assertThat(json.readTree(event.data()).get("id").asString()).isEqualTo(Long.toString(id));
		stream.close();
	}

	@Test
	void aClientThatNeverReadsIsDropped() throws Exception {
		try (Socket socket = new Socket()) {
			socket.setReceiveBufferSize(1024);
			socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
			String client = "127.0.0.1:" + socket.getLocalPort();
			OutputStream out = socket.getOutputStream();
			out.write(("GET /news-feed/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			await().atMost(Duration.ofSeconds(10)).until(() -> live.isConnected(client));
			Stream reader = open(null, null); // a good client alongside
			String body = "filling the buffers of a reader who never reads, ".repeat(11) + "quickly.";
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
			int posted = 0;
			while (live.isConnected(client) && System.nanoTime() < deadline) {
				feed.post(draft("Filler " + posted++, body), "Test");
				reader.next();
			}
			assertThat(live.isConnected(client)).as("the silent client is dropped after %d items", posted).isFalse();
			long id = feed.post(draft("Still live", "The good reader still gets items."), "Test");
			Event event = reader.next();
			while (!json.readTree(event.data()).get("id").asString().equals(Long.toString(id))) {
				event = reader.next();
			}
			reader.close();
		}
	}

	private static NewsFeedItemDraft draft(String headline, String body) {
		return new NewsFeedItemDraft(headline, body, null, false, false, null);
	}

	record Event(String id, String name, String data) {
	}

	/** A Server-Sent Events client reading on its own thread. */
	final class Stream {

		private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

		private final Thread reader;

		private final HttpResponse<java.io.InputStream> response;

		Stream(HttpResponse<java.io.InputStream> response) {
			this.response = response;
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
			this.reader = new Thread(() -> {
				try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
					String id = null;
					String name = null;
					StringBuilder data = new StringBuilder();
					String line;
					while ((line = lines.readLine()) != null) {
						if (line.isEmpty()) {
							if (name != null) {
								events.add(new Event(id, name, data.toString()));
							}
							id = null;
							name = null;
							data.setLength(0);
						}
						else if (line.startsWith("id:")) {
							id = line.substring(3).strip();
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
			this.reader.setDaemon(true);
			this.reader.start();
		}

		Event next() throws InterruptedException {
			Event event = events.poll(10, TimeUnit.SECONDS);
			assertThat(event).as("an event within 10 s").isNotNull();
			return event;
		}

		void close() throws Exception {
			response.body().close();
		}

	}

	private Stream open(String lastEventId, String since) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/news-feed/events" + (since == null ? "" : "?since=" + since)))
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId.replace("\r\n", " "));
		}
		return new Stream(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
	}

}
