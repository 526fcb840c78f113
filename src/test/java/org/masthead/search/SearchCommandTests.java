package org.masthead.search;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.masthead.MastheadApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar masthead.jar search ...}: usage, wrong input, and a rebuild on a fresh data directory. */
class SearchCommandTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void wrongUsageSaysHowAndExitsWithTwo() {
		assertThat(SearchCommand.matches(new String[] { "search", "rebuild" })).isTrue();
		assertThat(SearchCommand.matches(new String[] { "--server.port=1" })).isFalse();
		assertThat(run("search")).isEqualTo(2);
		assertThat(run("search", "reindex\u0007")).isEqualTo(2);
		assertThat(text(err)).contains("unknown command 'reindex?'").contains("search rebuild");
		assertThat(run("search", "rebuild", "now")).isEqualTo(2);
		assertThat(run("search", "help")).isEqualTo(0);
		assertThat(text(out)).contains("java -jar masthead.jar search rebuild");
	}

	@Test
	void theProgressBarShowsTheShareDoneAndTheRate() {
		assertThat(SearchCommand.ProgressBar.line(45_000, 100_000, 0.45, 2500.4))
			.isEqualTo("[##############................]  45%  45,000 / 100,000 articles  2,500/s");
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		SearchCommand.ProgressBar bar = new SearchCommand.ProgressBar(new PrintStream(log, true, StandardCharsets.UTF_8), false);
		for (long done = 0; done <= 1000; done += 50) {
			bar.show(done, 1000);
		}
		assertThat(text(log).lines()).as("a line per tenth when not on a terminal").hasSize(11);
	}

	@Test
	void aRebuildOnAFreshDataDirectoryIndexesWhatIsPublished() throws Exception {
		Path data = Files.createTempDirectory("masthead-search-cli");
		assertThat(run("search", "rebuild", "--masthead.data-dir=" + data)).as(text(err)).isEqualTo(0);
		assertThat(text(out)).contains("Indexed 0 articles");
		assertThat(data.resolve("search")).isDirectory();
	}

	private int run(String... args) {
		return SearchCommand.run(MastheadApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
