package org.masthead.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code logging.structured.format.console=ecs}, as an operator sets it, turns Masthead's console
 * output into one JSON object per line (Elastic Common Schema) from the first line on. Runs the
 * application in a process of its own, since logging is set up once per JVM.
 */
class StructuredLogsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theConsoleWritesOneJsonObjectPerLine() throws Exception {
		Path dataDir = Files.createTempDirectory("masthead-logs");
		// The application logs to standard output; the JVM's own warnings (native access, deprecated
		// Unsafe use by a library on a newer JDK) go to standard error and are not log events.
		Path errors = dataDir.resolve("stderr.txt");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:+UseSerialGC"));
		if (Runtime.version().feature() >= 22) {
			command.add("--enable-native-access=ALL-UNNAMED");
		}
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.masthead.MastheadApplication",
				"--server.port=0", "--masthead.data-dir=" + dataDir, "--masthead.audio.enabled=false",
				"--masthead.search.rebuild-on-start=false", "--logging.structured.format.console=ecs"));
		Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			String line;
			while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
				lines.add(line);
				if (line.contains("Started MastheadApplication")) {
					break;
				}
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		assertThat(lines).as(() -> "the application started; its standard error:\n" + read(errors))
			.anyMatch(l -> l.contains("Started MastheadApplication"));
		for (String line : lines) {
			if (line.isBlank()) {
				continue;
			}
			JsonNode event = json.readTree(line);
			assertThat(event.isObject()).as(line).isTrue();
			assertThat(event.path("@timestamp").asString()).as(line).isNotBlank();
			assertThat(event.path("log").path("level").asString()).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
			assertThat(event.path("message").isString()).as(line).isTrue();
			assertThat(event.path("service").path("name").asString()).as(line).isEqualTo("masthead");
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (java.io.IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

}
