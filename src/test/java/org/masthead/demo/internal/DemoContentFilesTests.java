package org.masthead.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the hand-written demo newsroom files against the mistakes that are easy to make when editing
 * them by hand (dangling slugs, overlong headlines, lost pick positions). It deliberately parses the
 * files with its own small parser so it does not depend on the application's loader.
 */
class DemoContentFilesTests {

	private static final Path DEMO = Path.of("src/main/resources/demo");
	private static final Set<String> HEADER_KEYS = Set.of("slug", "headline", "dek", "section", "tags",
			"authors", "days-ago", "time", "updated-minutes-after", "hero-motif", "hero-alt",
			"hero-caption", "hero-credit", "editors-pick", "featured", "note");
	private static final Set<String> REQUIRED_KEYS = Set.of("slug", "headline", "dek", "section", "tags",
			"authors", "days-ago", "time", "hero-motif", "hero-alt", "hero-caption", "hero-credit");
	private static final Set<String> MOTIFS = Set.of("harbor", "bridge", "tram", "skyline", "field",
			"parliament", "factory", "concert", "lab", "forest", "market", "river", "school", "stadium");
	private static final Pattern FILE_NAME = Pattern.compile("(\\d{2})-([a-z0-9-]+)\\.md");
	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
	private static final Pattern RELATED = Pattern.compile("\\[\\[related:([^\\]]*)]]");
	private static final Pattern INTERNAL_LINK = Pattern.compile("]\\(/([a-z0-9-]+)/\\)");

	record Article(String fileSlug, Map<String, String> header, List<String> notes, String body) {

		String get(String key) {
			return header.get(key);
		}

		List<String> list(String key) {
			return Stream.of(header.getOrDefault(key, "").split(",")).map(String::trim)
					.filter(s -> !s.isEmpty()).toList();
		}
	}

	private static Map<String, String[]> sections;
	private static Map<String, String[]> tags;
	private static Map<String, String[]> authors;
	private static List<Article> articles;

	@BeforeAll
	static void load() throws IOException {
		sections = table("sections.txt", 3);
		tags = table("tags.txt", 2);
		authors = table("authors.txt", 5);
		articles = new ArrayList<>();
		try (Stream<Path> files = Files.list(DEMO.resolve("articles"))) {
			for (Path file : files.sorted().toList()) {
				articles.add(parse(file));
			}
		}
	}

	private static Map<String, String[]> table(String name, int columns) throws IOException {
		Map<String, String[]> rows = new LinkedHashMap<>();
		for (String line : Files.readAllLines(DEMO.resolve(name), StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split("\\|", -1);
			assertThat(cells).as("%s: %s", name, line).hasSize(columns);
			assertThat(cells[0]).matches(SLUG);
			assertThat(rows.put(cells[0], cells)).as("duplicate slug %s in %s", cells[0], name).isNull();
		}
		return rows;
	}

	private static Article parse(Path file) throws IOException {
		Matcher name = FILE_NAME.matcher(file.getFileName().toString());
		assertThat(name.matches()).as("file name %s", file.getFileName()).isTrue();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		int separator = lines.indexOf("---");
		assertThat(separator).as("%s has a --- line", file).isPositive();
		Map<String, String> header = new HashMap<>();
		List<String> notes = new ArrayList<>();
		for (String line : lines.subList(0, separator)) {
			int colon = line.indexOf(": ");
			assertThat(colon).as("%s header line '%s'", file, line).isPositive();
			String key = line.substring(0, colon);
			String value = line.substring(colon + 2).trim();
			assertThat(HEADER_KEYS).as("%s key", file).contains(key);
			if (key.equals("note")) {
				notes.add(value);
			} else {
				assertThat(header.put(key, value)).as("%s repeats %s", file, key).isNull();
			}
		}
		String body = String.join("\n", lines.subList(separator + 1, lines.size())).strip();
		return new Article(name.group(2), header, notes, body);
	}

	@Test
	void countsOfSectionsAuthorsTagsAndArticles() {
		assertThat(sections.keySet()).containsExactly("city", "politics", "business", "culture", "science");
		assertThat(authors).hasSize(6);
		assertThat(tags.size()).isBetween(15, 25);
		assertThat(articles.size()).isGreaterThanOrEqualTo(42);
		Map<String, Long> perSection = articles.stream()
				.collect(Collectors.groupingBy(a -> a.get("section"), Collectors.counting()));
		assertThat(perSection.keySet()).isEqualTo(sections.keySet());
		assertThat(perSection.values()).allMatch(n -> n >= 6);
		Map<String, Long> perDay = articles.stream()
				.collect(Collectors.groupingBy(a -> a.get("days-ago"), Collectors.counting()));
		assertThat(perDay.keySet()).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6");
		for (String[] author : authors.values()) {
			assertThat(Integer.parseInt(author[4])).isBetween(0, 359);
			assertThat(author[3]).isNotBlank();
		}
	}

	@Test
	void headersAreCompleteAndWellFormed() {
		Set<String> slugs = new HashSet<>();
		for (Article a : articles) {
			String where = a.fileSlug();
			assertThat(a.header().keySet()).as(where).containsAll(REQUIRED_KEYS);
			assertThat(a.get("slug")).as(where).isEqualTo(a.fileSlug()).matches(SLUG);
			assertThat(slugs.add(a.get("slug"))).as("unique slug %s", where).isTrue();
			assertThat(a.get("headline").length()).as(where).isBetween(10, 100);
			assertThat(a.get("dek").length()).as(where).isBetween(20, 200);
			assertThat(sections).as(where).containsKey(a.get("section"));
			assertThat(a.list("tags")).as(where).hasSizeBetween(1, 3).allMatch(tags::containsKey)
					.doesNotHaveDuplicates();
			assertThat(a.list("authors")).as(where).isNotEmpty().allMatch(authors::containsKey)
					.doesNotHaveDuplicates();
			assertThat(Integer.parseInt(a.get("days-ago"))).as(where).isBetween(0, 6);
			assertThat(a.get("time")).as(where).matches("([01]\\d|2[0-3]):[0-5]\\d");
			assertThat(MOTIFS).as(where).contains(a.get("hero-motif"));
			assertThat(List.of(a.get("hero-alt"), a.get("hero-caption"), a.get("hero-credit")))
					.as(where).allMatch(s -> !s.isBlank());
			if (a.get("updated-minutes-after") != null) {
				assertThat(Integer.parseInt(a.get("updated-minutes-after"))).as(where).isPositive();
			}
			for (String note : a.notes()) {
				String[] parts = note.split("\\|", 3);
				assertThat(parts).as(where).hasSize(3);
				assertThat(parts[0]).as(where).isIn("correction", "editors-note");
				assertThat(Integer.parseInt(parts[1])).as(where).isPositive();
				assertThat(parts[2]).as(where).isNotBlank();
			}
		}
	}

	@Test
	void fileNumbersAreUnique() throws IOException {
		try (Stream<Path> files = Files.list(DEMO.resolve("articles"))) {
			List<String> numbers = files.map(p -> p.getFileName().toString().substring(0, 2)).toList();
			assertThat(numbers).doesNotHaveDuplicates();
		}
	}

	@Test
	void editorsPicksAndFeaturedHaveDistinctPositions() {
		List<Integer> picks = articles.stream().map(a -> a.get("editors-pick")).filter(p -> p != null)
				.map(Integer::parseInt).toList();
		assertThat(picks).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
		List<Integer> featured = articles.stream().map(a -> a.get("featured")).filter(p -> p != null)
				.map(Integer::parseInt).toList();
		assertThat(featured).containsExactlyInAnyOrder(1, 2, 3);
	}

	@Test
	void bodiesHaveTheRightLengthAndValidCrossReferences() {
		Set<String> slugs = articles.stream().map(Article::fileSlug).collect(Collectors.toSet());
		int related = 0;
		int quotes = 0;
		int subheadings = 0;
		for (Article a : articles) {
			assertThat(wordCount(a.body())).as("words in %s", a.fileSlug()).isBetween(250, 550);
			Matcher m = RELATED.matcher(a.body());
			boolean hasRelated = false;
			while (m.find()) {
				assertThat(slugs).as("related card in %s", a.fileSlug()).contains(m.group(1));
				assertThat(m.group(1)).as("self reference in %s", a.fileSlug()).isNotEqualTo(a.fileSlug());
				hasRelated = true;
			}
			for (String line : a.body().split("\n")) {
				if (line.contains("[[related:")) {
					assertThat(line).as("related card on its own line in %s", a.fileSlug())
							.matches("\\[\\[related:[a-z0-9-]+]]");
				}
			}
			Matcher link = INTERNAL_LINK.matcher(a.body());
			while (link.find()) {
				assertThat(slugs).as("link in %s", a.fileSlug()).contains(link.group(1));
			}
			related += hasRelated ? 1 : 0;
			quotes += a.body().lines().anyMatch(l -> l.startsWith("> ")) ? 1 : 0;
			subheadings += a.body().lines().anyMatch(l -> l.startsWith("## ")) ? 1 : 0;
		}
		assertThat(related).isGreaterThanOrEqualTo(10);
		assertThat(quotes).isGreaterThanOrEqualTo(8);
		assertThat(subheadings * 4).isGreaterThanOrEqualTo(articles.size());
	}

	@Test
	void enoughArticlesHaveSeveralAuthorsNotesAndExplainers() {
		assertThat(articles.stream().filter(a -> a.list("authors").size() >= 2).count()).isGreaterThanOrEqualTo(5);
		assertThat(articles.stream().filter(a -> a.list("authors").size() >= 3).count()).isGreaterThanOrEqualTo(1);
		assertThat(articles.stream().filter(a -> !a.notes().isEmpty()).count()).isGreaterThanOrEqualTo(5);
		assertThat(articles.stream().filter(a -> a.list("tags").contains("explainer")).count())
				.isGreaterThanOrEqualTo(2);
		assertThat(articles.stream().filter(a -> a.get("days-ago").equals("0")).count()).isGreaterThanOrEqualTo(3);
	}

	/** Words are whitespace-separated tokens with at least one letter or digit; card markers do not count. */
	static int wordCount(String body) {
		int words = 0;
		for (String line : body.split("\n")) {
			if (RELATED.matcher(line.trim()).matches()) {
				continue;
			}
			for (String token : line.trim().split("\\s+")) {
				if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
					words++;
				}
			}
		}
		return words;
	}
}
