import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client side of bench/sse-fanout.sh, run with the JDK's source launcher (nothing to build):
 * opens CONNECTIONS Server-Sent Events streams to BASE/news-feed/events, posts ITEMS news feed
 * items through the Admin API one after another (a pause between them), and measures for every
 * (connection, item) pair the time from just before the POST to the moment that connection read
 * the item's event. Prints p50/p95/p99/max and how many deliveries were missed.
 *
 * java SseFanout.java BASE TOKEN CONNECTIONS ITEMS
 */
public class SseFanout {

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String token = args[1];
		int connections = Integer.parseInt(args[2]);
		int items = Integer.parseInt(args[3]);
		ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(readers)
			.connectTimeout(Duration.ofSeconds(10)).build();
		// headline -> post time (nanos); every reader records (receive - post) per headline
		ConcurrentHashMap<String, Long> posted = new ConcurrentHashMap<>();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger open = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		CountDownLatch allOpen = new CountDownLatch(connections);
		for (int i = 0; i < connections; i++) {
			readers.submit(() -> {
				try {
					HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + "/news-feed/events"))
						.header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
					if (response.statusCode() != 200) {
						failed.incrementAndGet();
						allOpen.countDown();
						return null;
					}
					open.incrementAndGet();
					allOpen.countDown();
					try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
						String line;
						while ((line = lines.readLine()) != null) {
							if (line.startsWith("data:") && line.contains("\"headline\":\"bench-")) {
								long now = System.nanoTime();
								int start = line.indexOf("\"headline\":\"") + 12;
								String headline = line.substring(start, line.indexOf('"', start));
								Long at = posted.get(headline);
								if (at != null) {
									latencies.add(now - at);
								}
							}
						}
					}
				}
				catch (Exception ex) {
					failed.incrementAndGet();
					allOpen.countDown();
				}
				return null;
			});
		}
		if (!allOpen.await(120, TimeUnit.SECONDS)) {
			System.out.println("error: only " + open.get() + " of " + connections + " streams opened in 120 s");
		}
		System.out.println("streams_open " + open.get() + " failed " + failed.get());
		Thread.sleep(2000);
		HttpClient poster = HttpClient.newHttpClient();
		long bodyless = 0;
		for (int i = 0; i < items; i++) {
			String headline = "bench-" + i + "-" + System.nanoTime();
			String body = "{\"headline\":\"" + headline + "\",\"body\":\"A benchmark item, number " + i + ".\"}";
			posted.put(headline, System.nanoTime());
			HttpResponse<String> response = poster.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/news-feed"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				System.out.println("error: POST answered " + response.statusCode() + " " + response.body());
				bodyless++;
			}
			Thread.sleep(1500);
		}
		Thread.sleep(3000);
		List<Long> sorted;
		synchronized (latencies) {
			sorted = new ArrayList<>(latencies);
		}
		Collections.sort(sorted);
		long expected = (long) open.get() * (items - bodyless);
		System.out.println("deliveries " + sorted.size() + " expected " + expected + " missed " + (expected - sorted.size()));
		if (!sorted.isEmpty()) {
			System.out.printf("p50_ms %.1f%np95_ms %.1f%np99_ms %.1f%nmax_ms %.1f%n", ms(sorted, 50), ms(sorted, 95), ms(sorted, 99),
					sorted.get(sorted.size() - 1) / 1e6);
		}
		System.exit(0);
	}

	private static double ms(List<Long> sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
	}

}
