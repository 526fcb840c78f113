package org.masthead.audio.engine;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs engine programs (text2wave, flite, lame) as processes: an argument list, never a shell; no
 * standard input; output and errors to files so a chatty program can never block on a full pipe;
 * and a timeout, after which the process and all its children are killed.
 */
public final class Commands {

	private Commands() {
	}

	/** The absolute path of a program: an absolute path as given, or the first match on {@code PATH}. */
	public static Optional<Path> find(String program) {
		if (program == null || program.isBlank()) {
			return Optional.empty();
		}
		Path given = Path.of(program);
		if (given.isAbsolute()) {
			return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
		}
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (!dir.isEmpty()) {
				Path candidate = Path.of(dir, program);
				if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The command run at a lower scheduling priority ({@code nice -n 10}) where {@code nice} exists:
	 * narrations are background work and should never slow the pages readers are waiting for.
	 * {@code nice} replaces itself with the program, so stopping it stops the program.
	 */
	public static List<String> niced(List<String> command) {
		Optional<Path> nice = find("nice");
		if (nice.isEmpty()) {
			return command;
		}
		List<String> niced = new java.util.ArrayList<>(List.of(nice.get().toString(), "-n", "10"));
		niced.addAll(command);
		return niced;
	}

	/**
	 * Runs a command to the end or to its timeout.
	 *
	 * @throws SynthesisException on a timeout (retryable), a non-zero exit or a program that cannot start
	 */
	public static void run(List<String> command, Duration timeout, Path workDir) throws SynthesisException {
		Path errors = workDir.resolve("stderr-" + System.nanoTime() + ".txt");
		Process process;
		try {
			process = new ProcessBuilder(niced(command)).directory(workDir.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(errors.toFile())
				.start();
		}
		catch (IOException ex) {
			throw new SynthesisException(command.get(0) + " could not be started: " + ex.getMessage(), true, ex);
		}
		waitFor(process, command.get(0), timeout, errors);
	}

	/** Waits for a started process; kills it and its children at the timeout. */
	static void waitFor(Process process, String program, Duration timeout, Path errors) throws SynthesisException {
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill(process);
				throw new SynthesisException(Path.of(program).getFileName() + " did not finish within "
						+ timeout.toSeconds() + " s and was stopped", true);
			}
		}
		catch (InterruptedException ex) {
			kill(process);
			Thread.currentThread().interrupt();
			throw new SynthesisException(Path.of(program).getFileName() + " was interrupted", true, ex);
		}
		if (process.exitValue() != 0) {
			throw new SynthesisException(Path.of(program).getFileName() + " failed (exit " + process.exitValue() + "): "
					+ tail(errors), true);
		}
	}

	/** Kills a process and everything it started, and waits briefly until it is gone. */
	static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static String tail(Path errors) {
		try {
			if (errors == null || !Files.exists(errors)) {
				return "";
			}
			String text = Files.readString(errors, StandardCharsets.ISO_8859_1).strip();
			return text.length() > 300 ? text.substring(text.length() - 300) : text;
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** Deletes a temporary folder and what is in it, ignoring failures. */
	public static void deleteQuietly(Path dir) {
		if (dir == null) {
			return;
		}
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary file is harmless.
		}
	}

}
