package org.masthead.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.content.Article.NoteKind;
import org.masthead.content.ArticleDraft;
import org.masthead.content.BodyFormat;
import org.masthead.content.CuratedList;
import org.masthead.content.Image;
import org.masthead.content.MediaLibrary;
import org.masthead.content.Newsroom;
import org.masthead.demo.internal.DemoFiles.DemoArticle;
import org.masthead.platform.MastheadProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo newsroom through the same commands editors use, so the demo exercises the real
 * product. Publication times are relative to today, so the demo always looks current. It only
 * ever loads into a database without a single article.
 */
@Component
@Order(0)
class DemoNewsroomLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNewsroomLoader.class);

	private final Newsroom newsroom;

	private final MediaLibrary media;

	private final MastheadProperties properties;

	private final Clock clock;

	DemoNewsroomLoader(Newsroom newsroom, MediaLibrary media, MastheadProperties properties, Clock clock) {
		this.newsroom = newsroom;
		this.media = media;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo()) {
			return;
		}
		if (!newsroom.isEmpty()) {
			log.info("Demo newsroom not loaded: the database already holds articles");
			return;
		}
		long started = System.nanoTime();
		int count = load();
		log.info("Demo newsroom loaded: {} articles in {} ms", count, (System.nanoTime() - started) / 1_000_000);
	}

	int load() {
		Map<String, Long> sections = new HashMap<>();
		for (String[] row : DemoFiles.table("sections.txt")) {
			sections.put(row[0], newsroom.createSection(row[0], row[1], row[2]));
		}
		Map<String, Long> tags = new HashMap<>();
		for (String[] row : DemoFiles.table("tags.txt")) {
			tags.put(row[0], newsroom.createTag(row[0], row[1], row.length > 2 ? row[2] : null));
		}
		Map<String, Long> authors = new HashMap<>();
		for (String[] row : DemoFiles.table("authors.txt")) {
			int hue = Integer.parseInt(row[4]);
			Image portrait = media.store(DemoArtwork.portrait(row[1], hue, 480), "Portrait of " + row[1], null,
					"Illustration: The Vesna Ledger");
			authors.put(row[0], newsroom.createAuthor(row[0], row[1], row[2], row[3], portrait.assetId()));
		}
		ZoneId zone = properties.site().timeZone();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Instant now = clock.instant();
		Map<Integer, Long> picks = new TreeMap<>();
		Map<Integer, Long> featured = new TreeMap<>();
		List<Publication> publications = new ArrayList<>();
		List<DemoArticle> articles = DemoFiles.articles();
		for (int i = 0; i < articles.size(); i++) {
			DemoArticle a = articles.get(i);
			Image hero = media.store(DemoArtwork.hero(a.get("hero-motif"), 7919L * (i + 1), 1600, 900),
					a.get("hero-alt"), a.get("hero-caption"), a.get("hero-credit"));
			ArticleDraft draft = new ArticleDraft(a.get("slug"), a.get("headline"), a.get("dek"),
					BodyFormat.markdownToHtml(a.markdown()), hero.assetId(), a.get("hero-alt"), a.get("hero-caption"),
					a.get("hero-credit"), sections.get(a.get("section")),
					a.list("authors").stream().map(slug -> require(authors, slug, "author")).toList(),
					a.list("tags").stream().map(slug -> require(tags, slug, "tag")).toList(), "en");
			long id = newsroom.createDraft(draft);
			Instant at = today.minusDays(Integer.parseInt(a.get("days-ago")))
				.atTime(LocalTime.parse(a.get("time")))
				.atZone(zone)
				.toInstant();
			if (at.isAfter(now)) {
				// Today's articles written for later hours move back so nothing is dated in the future.
				at = now.minus(articles.size() - i, ChronoUnit.MINUTES);
			}
			publications.add(new Publication(id, at, a));
			if (a.optional("editors-pick") != null) {
				picks.put(Integer.parseInt(a.optional("editors-pick")), id);
			}
			if (a.optional("featured") != null) {
				featured.put(Integer.parseInt(a.optional("featured")), id);
			}
		}
		// Oldest first, so related cards and "Updated" times read naturally.
		publications.sort((x, y) -> x.at.compareTo(y.at));
		for (Publication p : publications) {
			newsroom.publish(p.id, p.at);
			String updated = p.article.optional("updated-minutes-after");
			if (updated != null) {
				Instant at = p.at.plus(Long.parseLong(updated), ChronoUnit.MINUTES);
				newsroom.publish(p.id, at.isAfter(now) ? now : at);
			}
			for (String note : p.article.notes()) {
				String[] parts = note.split("\\|", 3);
				NoteKind kind = parts[0].strip().equals("correction") ? NoteKind.CORRECTION : NoteKind.EDITORS_NOTE;
				Instant at = p.at.plus(Long.parseLong(parts[1].strip()), ChronoUnit.MINUTES);
				newsroom.addNote(p.id, kind, parts[2].strip(), at.isAfter(now) ? now : at);
			}
		}
		newsroom.curate(CuratedList.EDITORS_PICKS, List.copyOf(picks.values()));
		newsroom.curate(CuratedList.FEATURED, List.copyOf(featured.values()));
		return articles.size();
	}

	private static long require(Map<String, Long> ids, String slug, String what) {
		Long id = ids.get(slug);
		if (id == null) {
			throw new IllegalArgumentException("The demo newsroom names an unknown " + what + ": " + slug);
		}
		return id;
	}

	private record Publication(long id, Instant at, DemoArticle article) {
	}

}
