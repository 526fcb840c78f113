package org.masthead.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleDraft;
import org.masthead.content.AuthorProfile;
import org.masthead.content.BodyFormat;
import org.masthead.content.Image;
import org.masthead.content.MediaLibrary;
import org.masthead.content.Newsroom;
import org.masthead.content.Section;
import org.masthead.content.Tag;
import org.masthead.demo.internal.StoryWords.Beat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the newsroom up to {@code masthead.demo.generate-articles} published articles with generated
 * stories, for load tests and for trying the site at the size of a real archive. It runs after the
 * demo newsroom is loaded and uses its sections, authors and tags; the stories are written by
 * {@link StoryWriter}, their hero pictures are a handful of {@link DemoArtwork} illustrations stored
 * once per run, and their publication times spread over the nine months before the last week,
 * so the hand-written demo stories (all from the last week) stay on the front page.
 *
 * <p>Articles go through the same {@link Newsroom} commands editors use. An article's draft and
 * publication share one transaction. Batching many articles per transaction would be faster on
 * SQLite, but listeners that run after a commit expect one publication per transaction: the
 * narration listener's job nudge writes through the committed transaction's connection and holds
 * SQLite's write lock until every after-commit listener of that transaction has run, so the next
 * article's narration insert waited the whole busy timeout (5 s) and failed.
 */
@Component
@Order(10)
class BulkArticles implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BulkArticles.class);

	private static final String CREDIT = "Illustration: The Vesna Ledger";

	private final Newsroom newsroom;

	private final MediaLibrary media;

	private final ArticleCatalog catalog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int wanted;

	BulkArticles(Newsroom newsroom, MediaLibrary media, ArticleCatalog catalog, PlatformTransactionManager transactions,
			Clock clock, @Value("${masthead.demo.generate-articles:0}") int wanted) {
		this.newsroom = newsroom;
		this.media = media;
		this.catalog = catalog;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.wanted = wanted;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (wanted <= 0) {
			return;
		}
		long published = catalog.publishedCount();
		if (published >= wanted) {
			log.info("Generated articles: none needed, {} of {} articles are published", published, wanted);
			return;
		}
		Newsdesk desk = newsdesk();
		if (desk.sections.isEmpty() || desk.authors.isEmpty()) {
			log.warn("Generated articles: none made, the newsroom has no sections or authors yet"
					+ " (start with masthead.demo=true to load the demo newsroom first)");
			return;
		}
		int missing = (int) (wanted - published);
		log.info("Generated articles: writing {} to reach {} published articles", missing, wanted);
		long started = System.nanoTime();
		Map<String, Image> heroes = heroes(desk);
		Instant now = clock.instant();
		for (int done = 1; done <= missing; done++) {
			long number = published + done;
			transactions.executeWithoutResult(status -> publish(desk, heroes, number, now));
			if (done % 1000 == 0 || done == missing) {
				long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
				log.info("Generated articles: {} of {} published ({} per second)", done, missing, done * 1000L / ms);
			}
		}
		log.info("Generated articles: done, {} published in {} ms", missing, (System.nanoTime() - started) / 1_000_000);
	}

	private void publish(Newsdesk desk, Map<String, Image> heroes, long number, Instant now) {
		Random rng = new Random(number * 7919L + 13);
		Section section = desk.sections.get(rng.nextInt(desk.sections.size()));
		Beat beat = StoryWords.BEATS.getOrDefault(section.slug(), StoryWords.CITY);
		StoryWriter.Story story = StoryWriter.write(beat, number * 104_729L, number);
		Image hero = heroes.get(story.motif());
		ArticleDraft draft = new ArticleDraft(story.slug(), story.headline(), story.dek(),
				BodyFormat.markdownToHtml(story.markdown()), hero == null ? null : hero.assetId(), story.heroAlt(),
				story.heroCaption(), CREDIT, section.id(), byline(desk, beat, rng), tags(desk, beat, rng), "en");
		long id = newsroom.createDraft(draft);
		Duration age = Duration.ofDays(7).plusMinutes(rng.nextInt(270 * 24 * 60));
		newsroom.publish(id, now.minus(age));
	}

	/** One illustration per motif the sections need, stored once. */
	private Map<String, Image> heroes(Newsdesk desk) {
		Set<String> motifs = new LinkedHashSet<>();
		desk.sections.forEach(s -> motifs.addAll(StoryWords.BEATS.getOrDefault(s.slug(), StoryWords.CITY).motifs()));
		Map<String, Image> heroes = new HashMap<>();
		long seed = 1;
		for (String motif : motifs) {
			heroes.put(motif, media.store(DemoArtwork.hero(motif, 104_729L * seed++, 1600, 900),
					StoryWords.HERO_ALT.get(motif), null, CREDIT));
		}
		log.info("Generated articles: stored {} hero illustrations", heroes.size());
		return heroes;
	}

	private static List<Long> byline(Newsdesk desk, Beat beat, Random rng) {
		List<Long> fitting = beat.authors().stream().map(desk.authors::get).filter(id -> id != null).toList();
		List<Long> all = List.copyOf(desk.authors.values());
		List<Long> byline = new ArrayList<>();
		byline.add(fitting.isEmpty() ? StoryWriter.pick(all, rng) : fitting.get(0));
		if (rng.nextInt(6) == 0) {
			Long second = StoryWriter.pick(all, rng);
			if (!byline.contains(second)) {
				byline.add(second);
			}
		}
		return byline;
	}

	private static List<Long> tags(Newsdesk desk, Beat beat, Random rng) {
		List<Long> fitting = beat.tags().stream().map(desk.tags::get).filter(id -> id != null).toList();
		List<Long> pool = fitting.isEmpty() ? List.copyOf(desk.tags.values()) : fitting;
		if (pool.isEmpty()) {
			return List.of();
		}
		return StoryWriter.shuffled(pool, rng).subList(0, Math.min(pool.size(), 1 + rng.nextInt(3)));
	}

	/** The demo newsroom's sections, authors and tags, as far as they exist in the database. */
	private Newsdesk newsdesk() {
		Map<String, Long> authors = new LinkedHashMap<>();
		for (String[] row : DemoFiles.table("authors.txt")) {
			catalog.author(row[0]).map(AuthorProfile::id).ifPresent(id -> authors.put(row[0], id));
		}
		Map<String, Long> tags = new LinkedHashMap<>();
		for (String[] row : DemoFiles.table("tags.txt")) {
			catalog.tag(row[0]).map(Tag::id).ifPresent(id -> tags.put(row[0], id));
		}
		return new Newsdesk(catalog.sections(), authors, tags);
	}

	private record Newsdesk(List<Section> sections, Map<String, Long> authors, Map<String, Long> tags) {
	}

}
