package org.masthead.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.masthead.identity.cli.AdminCommandRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code admin} commands of {@code java -jar masthead.jar}: they start the application without
 * a web server, do one thing against the configured database, and exit.
 *
 * <pre>
 * java -jar masthead.jar admin create-owner --email E --name N --password-stdin
 * java -jar masthead.jar admin create-api-token --name NAME --role ROLE
 * </pre>
 *
 * Spring properties ({@code --spring.datasource.url=...}, {@code --masthead.data-dir=...}) may be
 * given as usual. Exit codes: 0 done, 1 refused (e.g. the owner exists), 2 wrong usage.
 */
public final class AdminCommand {

	public static final String USAGE = """
			Usage:
			  java -jar masthead.jar admin create-owner --email EMAIL --name NAME --password-stdin
			      Creates the owner (an Administrator) in an empty newsroom. The password is read from
			      standard input, e.g.: printf '%s' "$PASSWORD" | java -jar masthead.jar admin create-owner ...
			  java -jar masthead.jar admin create-api-token --name NAME --role ROLE
			      Prints a new Admin API token and exits. ROLE: contributor, author, editor or administrator.
			Spring settings such as --spring.datasource.url=... or --masthead.data-dir=... may follow.""";

	private AdminCommand() {
	}

	/** Whether these program arguments ask for an admin command. */
	public static boolean matches(String[] args) {
		return args.length > 0 && "admin".equals(args[0]);
	}

	/** Runs {@code admin ...}; returns the process exit code. */
	public static int run(Class<?> application, String[] args, InputStream in, PrintStream out, PrintStream err) {
		Parsed parsed;
		try {
			parsed = parse(args, in);
		}
		catch (UsageException ex) {
			err.println("masthead admin: " + ex.getMessage());
			err.println();
			err.println(USAGE);
			return 2;
		}
		if (parsed.command().equals("help")) {
			out.println(USAGE);
			return 0;
		}
		String problem = AdminCommandRunner.check(parsed.command(), parsed.options());
		if (problem != null) {
			err.println("masthead admin " + parsed.command() + ": " + problem);
			return 2;
		}
		List<String> springArgs = new ArrayList<>(parsed.springArgs());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=WARN", "logging.level.org.masthead=WARN", "db-scheduler.enabled=false",
					"masthead.demo=false")
			.run(springArgs.toArray(String[]::new))) {
			return context.getBean(AdminCommandRunner.class).execute(parsed.command(), parsed.options(), out, err);
		}
		catch (RuntimeException ex) {
			err.println("masthead admin " + parsed.command() + ": could not run: " + rootMessage(ex));
			return 1;
		}
	}

	record Parsed(String command, Map<String, String> options, List<String> springArgs) {
	}

	private static Parsed parse(String[] args, InputStream in) throws UsageException {
		if (args.length < 2) {
			throw new UsageException("name a command.");
		}
		String command = args[1];
		if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
			return new Parsed("help", Map.of(), List.of());
		}
		if (!command.equals("create-owner") && !command.equals("create-api-token")) {
			throw new UsageException("unknown command '" + printable(command) + "'.");
		}
		Map<String, String> options = new LinkedHashMap<>();
		List<String> springArgs = new ArrayList<>();
		for (int i = 2; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("--") && arg.contains("=") && arg.substring(0, arg.indexOf('=')).contains(".")) {
				springArgs.add(arg);
				continue;
			}
			String name = arg.startsWith("--") ? arg.substring(2) : null;
			String value = null;
			if (name != null && name.contains("=")) {
				value = name.substring(name.indexOf('=') + 1);
				name = name.substring(0, name.indexOf('='));
			}
			if (name == null || !List.of("email", "name", "role", "password-stdin").contains(name)) {
				throw new UsageException("unknown option '" + printable(arg) + "'.");
			}
			if (options.containsKey(name)) {
				throw new UsageException("--" + name + " is given twice.");
			}
			if (name.equals("password-stdin")) {
				if (value != null) {
					throw new UsageException("--password-stdin takes no value: the password is read from standard input.");
				}
				options.put(name, readPassword(in));
				continue;
			}
			if (value == null) {
				if (i + 1 >= args.length) {
					throw new UsageException("--" + name + " needs a value.");
				}
				value = args[++i];
			}
			options.put(name, value);
		}
		return new Parsed(command, options, springArgs);
	}

	private static String readPassword(InputStream in) throws UsageException {
		try {
			String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
			if (line == null || line.isEmpty()) {
				throw new UsageException("--password-stdin: nothing on standard input.");
			}
			return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
		}
		catch (IOException ex) {
			throw new UsageException("--password-stdin: cannot read standard input (" + ex.getMessage() + ").");
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

	private static final class UsageException extends Exception {

		UsageException(String message) {
			super(message);
		}

	}

}
