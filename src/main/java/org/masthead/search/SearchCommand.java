package org.masthead.search;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code search} commands of {@code java -jar masthead.jar}: they start the application without
 * a web server, do one thing to the search index, and exit.
 *
 * <pre>
 * java -jar masthead.jar search rebuild [--masthead.data-dir=...] [--spring.datasource.url=...]
 * </pre>
 *
 * Exit codes: 0 done, 1 failed (e.g. a running Masthead holds the index), 2 wrong usage.
 */
public final class SearchCommand {

	public static final String USAGE = """
			Usage:
			  java -jar masthead.jar search rebuild
			      Reads every published article from the database into a fresh search index, with a
			      progress bar. Stop Masthead first: a running server holds the index.
			Spring settings such as --spring.datasource.url=... or --masthead.data-dir=... may follow.""";

	private SearchCommand() {
	}

	/** Whether these program arguments ask for a search command. */
	public static boolean matches(String[] args) {
		return args.length > 0 && "search".equals(args[0]);
	}

	/** Runs {@code search ...}; returns the process exit code. */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		if (args.length < 2 || List.of("help", "--help", "-h").contains(args[1])) {
			(args.length < 2 ? err : out).println(USAGE);
			return args.length < 2 ? 2 : 0;
		}
		if (!"rebuild".equals(args[1])) {
			err.println("masthead search: unknown command '" + printable(args[1]) + "'.");
			err.println(USAGE);
			return 2;
		}
		List<String> springArgs = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			if (!args[i].startsWith("--") || !args[i].contains("=")) {
				err.println("masthead search rebuild: unknown option '" + printable(args[i]) + "'.");
				return 2;
			}
			springArgs.add(args[i]);
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=WARN", "logging.level.org.masthead=WARN", "db-scheduler.enabled=false",
					"masthead.demo=false", "masthead.search.rebuild-on-start=false")
			.run(springArgs.toArray(String[]::new))) {
			ProgressBar bar = new ProgressBar(out, System.console() != null);
			long started = System.nanoTime();
			long done = context.getBean(Search.class).rebuild(bar::show);
			bar.finish();
			double seconds = (System.nanoTime() - started) / 1e9;
			out.printf(Locale.ROOT, "Indexed %,d articles in %.1f s.%n", done, seconds);
			return 0;
		}
		catch (RuntimeException ex) {
			err.println("masthead search rebuild: could not run: " + rootMessage(ex));
			return 1;
		}
	}

	/** A bar redrawn in place on a terminal; a line per tenth of the way otherwise (logs, pipes). */
	static final class ProgressBar {

		private static final int WIDTH = 30;

		private final PrintStream out;

		private final boolean terminal;

		private final long started = System.nanoTime();

		private int lastTenth = -1;

		ProgressBar(PrintStream out, boolean terminal) {
			this.out = out;
			this.terminal = terminal;
		}

		void show(long done, long total) {
			double share = total == 0 ? 1 : Math.min(1, (double) done / total);
			double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
			String line = line(done, total, share, done / seconds);
			if (terminal) {
				out.print("\r" + line);
				out.flush();
			}
			else if ((int) (share * 10) > lastTenth) {
				lastTenth = (int) (share * 10);
				out.println(line);
			}
		}

		static String line(long done, long total, double share, double perSecond) {
			int filled = (int) Math.round(share * WIDTH);
			return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d / %,d articles  %,.0f/s", "#".repeat(filled),
					".".repeat(WIDTH - filled), Math.round(share * 100), done, total, perSecond);
		}

		void finish() {
			if (terminal) {
				out.println();
			}
		}

	}

	private static String printable(String text) {
		String clean = text.replaceAll("\\p{Cntrl}", "?");
		return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}

}
