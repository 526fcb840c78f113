package org.masthead.platform;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's training run: the application started with {@code -Dmasthead.training-run=true}
 * (in a process of its own, as {@code bin/masthead} starts it) reads its own pages and exits with 0,
 * even when the configured port is taken, and leaves no session and runs no job.
 */
class TrainingRunTests {

	@Test
	void aReaderGoesFromTheFrontPageToArticlesListingsAssetsAndAPicture() {
		String home = """
				<link rel="stylesheet" href="/assets/site.css?v=abc123">
				<script type="module" src="/assets/site.js?v=def"></script>
				<a href="/">Home</a> <a href="/news-feed/">News Feed</a> <a href="/rss/">RSS</a>
				<a href="/tram-fares-frozen/">Tram fares</a> <a href="/tram-fares-frozen/">again</a>
				<a href="/section/city/">City</a> <a href="/section/arts/">Arts</a>
				<a href="/tag/transport/">Transport</a> <a href="/author/olena-marchuk/">Olena Marchuk</a>
				<img src="/media/2026/11/hero-480.jpg" alt=""> <a href="//example.org/">elsewhere</a>
				<a href="/admin/">Newsroom</a> <a href="/harbour-festival/">Harbour</a>
				""";

		assertThat(TrainingRun.linked(home)).containsExactly("/tram-fares-frozen/", "/harbour-festival/",
				"/author/olena-marchuk/", "/section/city/", "/tag/transport/", "/assets/site.css?v=abc123",
				"/assets/site.js?v=def", "/media/2026/11/hero-480.jpg");
	}

	@Test
	void theTrainingRunReadsItsOwnPagesAndExits() throws Exception {
		Path dataDir = Files.createTempDirectory("masthead-training");
		try {
			trainIn(dataDir);
		}
		finally {
			FileSystemUtils.deleteRecursively(dataDir);
		}
	}

	private static void trainIn(Path dataDir) throws Exception {
		Path output = dataDir.resolve("output.txt");
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-XX:+UseSerialGC",
					"-D" + TrainingRunEnvironment.PROPERTY + "=true"));
			if (Runtime.version().feature() >= 22) {
				command.add("--enable-native-access=ALL-UNNAMED");
			}
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.masthead.MastheadApplication",
					"--server.port=" + taken.getLocalPort(), "--masthead.data-dir=" + dataDir, "--masthead.demo=true",
					"--masthead.audio.enabled=false"));
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
			boolean ended = process.waitFor(300, TimeUnit.SECONDS);
			if (!ended) {
				process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
			}
			String log = Files.readString(output);
			assertThat(ended).as(() -> "the training run ended by itself:\n" + log).isTrue();
			assertThat(process.exitValue()).as(() -> "exit code; output:\n" + log).isZero();
			assertThat(log).contains("Training run: read its own pages (answers by status: {200=")
				.doesNotContain("Starting scheduler");
			String statuses = log.substring(log.indexOf("answers by status: {"));
			statuses = statuses.substring(0, statuses.indexOf('}'));
			assertThat(statuses).as("every page answered: no 5xx, and 404 only for the page missing on purpose")
				.doesNotContainPattern("\\b5\\d\\d=")
				.containsPattern("\\b404=3\\b");
		}
		try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("masthead.db"));
				ResultSet sessions = db.createStatement().executeQuery("SELECT count(*) FROM spring_session");
				ResultSet articles = db.createStatement()
					.executeQuery("SELECT count(*) FROM published_article")) {
			assertThat(sessions.getLong(1)).as("sessions left behind").isZero();
			assertThat(articles.getLong(1)).as("the demo newsroom, asked for, is there").isGreaterThanOrEqualTo(40);
		}
	}

}
