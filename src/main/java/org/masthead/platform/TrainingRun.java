package org.masthead.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The launcher's training run ({@code bin/masthead}, README "Start-up and memory"): started with
 * {@code -Dmasthead.training-run=true}, the application starts as a server does (with the
 * restrictions of {@link TrainingRunEnvironment}), reads reader pages from itself the way a first
 * visitor would, and exits with 0. The JVM writes its class archive at that exit (an AOT cache with
 * method profiles on JDK 25, AppCDS on 17), so it covers the web server, the first request and the
 * first renders too, not only the refresh of the context. Every request is an anonymous GET: the run
 * writes nothing a start would not write (migrations; the demo newsroom when asked for).
 */
@Component
@ConditionalOnProperty(name = TrainingRunEnvironment.PROPERTY, havingValue = "true")
class TrainingRun {

	private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

	/** Each page is read this often: first rendered, then from the page cache. */
	private static final int ROUNDS = 3;

	private static final int ARTICLES = 6;

	private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/[^/\"][^\"]*)\"");

	private static final Pattern ARTICLE = Pattern.compile("/[a-z0-9][a-z0-9-]*/");

	private static final Pattern LISTING = Pattern.compile("/(section|tag|author)/[a-z0-9-]+/");

	private static final Set<String> NOT_ARTICLES = Set.of("/news-feed/", "/rss/", "/newsletters/", "/search/",
			"/page/", "/admin/", "/podcast/");

	/** Pages every site has, whatever is published; the last one is missing on purpose (the 404 page). */
	private static final List<String> FIXED = List.of("/", "/page/2/", "/news-feed/", "/rss/", "/feed.json",
			"/sitemap.xml", "/sitemap-news.xml", "/robots.txt", "/newsletters/", "/podcast/rss/", "/search?q=news",
			"/training-run-missing-page/");

	private final ConfigurableApplicationContext context;

	private final IntConsumer exit;

	@Autowired
	TrainingRun(ConfigurableApplicationContext context) {
		this(context, System::exit);
	}

	TrainingRun(ConfigurableApplicationContext context, IntConsumer exit) {
		this.context = context;
		this.exit = exit;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady(ApplicationReadyEvent event) {
		if (event.getApplicationContext() != context) {
			return;
		}
		Thread thread = new Thread(this::trainAndExit, "training-run");
		thread.start();
	}

	void trainAndExit() {
		try {
			if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
				Map<Integer, Integer> statuses = read(URI.create("http://127.0.0.1:" + web.getWebServer().getPort()));
				log.info("Training run: read its own pages (answers by status: {}); stopping", statuses);
			}
		}
		catch (IOException | RuntimeException ex) {
			// The archive of what was loaded so far is still worth having: stop normally.
			log.warn("Training run: reading its own pages failed ({}); stopping", ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		exit.accept(SpringApplication.exit(context, () -> 0));
	}

	/** Reads the site's pages from {@code base}; answers the number of answers by HTTP status. */
	static Map<Integer, Integer> read(URI base) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Map<Integer, Integer> statuses = new TreeMap<>();
		String home = get(client, base, "/", false, statuses);
		Set<String> paths = new LinkedHashSet<>(FIXED);
		paths.addAll(linked(home));
		for (int round = 0; round < ROUNDS; round++) {
			for (String path : paths) {
				get(client, base, path, round % 2 == 1, statuses);
			}
		}
		return statuses;
	}

	/** The pages a reader goes to next from {@code page}: articles, listings, stylesheets and scripts, a picture. */
	static List<String> linked(String page) {
		List<String> articles = new ArrayList<>();
		Map<String, String> listings = new TreeMap<>();
		Map<String, String> files = new TreeMap<>();
		Matcher link = LINK.matcher(page);
		while (link.find()) {
			String path = link.group(1).replace("&amp;", "&");
			Matcher listing = LISTING.matcher(path);
			if (ARTICLE.matcher(path).matches() && !NOT_ARTICLES.contains(path)) {
				if (articles.size() < ARTICLES && !articles.contains(path)) {
					articles.add(path);
				}
			}
			else if (listing.matches()) {
				listings.putIfAbsent(listing.group(1), path);
			}
			else if (path.startsWith("/assets/")) {
				files.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), path);
			}
			else if (path.startsWith("/media/")) {
				files.putIfAbsent("media", path);
			}
		}
		List<String> paths = new ArrayList<>(articles);
		paths.addAll(listings.values());
		paths.addAll(files.values());
		return paths;
	}

	/** A GET as a browser sends it, every other round asking for gzip (cached pages are kept both ways). */
	private static String get(HttpClient client, URI base, String path, boolean gzip, Map<Integer, Integer> statuses)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		HttpResponse<InputStream> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
		statuses.merge(response.statusCode(), 1, Integer::sum);
		try (InputStream body = response.body()) {
			return new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
