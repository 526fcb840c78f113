package org.masthead.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads the demo newsroom's text files from {@code classpath:demo/}. */
final class DemoFiles {

	private DemoFiles() {
	}

	/** The lines of a {@code a|b|c} file, split on the bar; blank lines and {@code #} comments skipped. */
	static List<String[]> table(String name) {
		List<String[]> rows = new ArrayList<>();
		for (String line : read("classpath:demo/" + name).split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				rows.add(Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new));
			}
		}
		return rows;
	}

	/** Every article file, in file-name order. */
	static List<DemoArticle> articles() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:demo/articles/*.md");
			return Arrays.stream(resources)
				.sorted(Comparator.comparing(Resource::getFilename))
				.map(r -> parse(read(r)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static DemoArticle parse(String text) {
		int split = text.indexOf("\n---\n");
		if (split < 0) {
			throw new IllegalArgumentException("A demo article needs a header, a line '---' and a body");
		}
		Map<String, String> header = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		for (String line : text.substring(0, split).split("\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				String key = line.substring(0, colon).strip();
				String value = line.substring(colon + 1).strip();
				if (key.equals("note")) {
					notes.add(value);
				}
				else {
					header.put(key, value);
				}
			}
		}
		return new DemoArticle(header, notes, text.substring(split + 5));
	}

	private static String read(String location) {
		return read(new PathMatchingResourcePatternResolver().getResource(location));
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One article file: its header fields, its note lines and its Markdown body. */
	record DemoArticle(Map<String, String> header, List<String> notes, String markdown) {

		String get(String key) {
			String value = header.get(key);
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException("Demo article " + header.get("slug") + " lacks " + key);
			}
			return value;
		}

		String optional(String key) {
			return header.get(key);
		}

		List<String> list(String key) {
			return Arrays.stream(get(key).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}

	}

}
