package org.masthead.audio.narration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Voice;
import org.masthead.audio.narration.NarrationRepository.ArticleRow;
import org.masthead.audio.speech.SpokenText;
import org.masthead.content.Article;
import org.masthead.content.ArticleCatalog;
import org.springframework.stereotype.Service;

/**
 * Decides which narration an article needs: builds its spoken text, picks the voice (the
 * article's own choice, else its section's, else its language's), and queues a narration when
 * that (text, voice) pair has none yet. Unchanged text reuses the narration it has.
 */
@Service
public class NarrationPlanner {

	private static final Logger log = LoggerFactory.getLogger(NarrationPlanner.class);

	private final NarrationRepository narrations;

	private final ArticleCatalog catalog;

	private final AudioProperties properties;

	private final Clock clock;

	NarrationPlanner(NarrationRepository narrations, ArticleCatalog catalog, AudioProperties properties, Clock clock) {
		this.narrations = narrations;
		this.catalog = catalog;
		this.properties = properties;
		this.clock = clock;
	}

	/** Looks at every article whose text may have changed; returns how many it looked at. */
	public int planDue() {
		List<ArticleRow> due = narrations.refreshDue(50);
		for (ArticleRow row : due) {
			try {
				plan(row);
			}
			catch (RuntimeException ex) {
				log.warn("Could not plan the narration of article {}: {}", row.articleId(), ex.toString());
			}
		}
		return due.size();
	}

	void plan(ArticleRow row) {
		Instant now = clock.instant();
		Optional<Article> found = catalog.article(row.slug());
		if (found.isEmpty()) {
			narrations.refreshed(withPublished(row, false), row.refreshRequestedAt(), now);
			return;
		}
		Article article = found.get();
		var summary = article.summary();
		String section = summary.section() == null ? null : summary.section().slug();
		String language = article.language() == null ? "en" : article.language();
		String voice = voiceFor(row.voice(), section, language);
		SpokenText text = SpokenText.of(article);
		String voiceKey = voice != null ? voice : "none:" + language.replaceAll("[^A-Za-z0-9-]", "");
		String hash = text.hash(voiceKey);
		ArticleRow updated = new ArticleRow(row.articleId(), row.slug(), summary.headline(), summary.dek(), language,
				section, true, summary.publishedAt(), row.voice(), hash, row.refreshRequestedAt(), row.forced());
		boolean recent = summary.publishedAt() != null
				&& summary.publishedAt().isAfter(now.minus(properties.narrateWithin()));
		boolean narratedBefore = narrations.playable(row.articleId()).isPresent();
		if ((row.forced() || recent || narratedBefore) && narrations.narration(row.articleId(), hash).isEmpty()) {
			if (voice == null) {
				narrations.insert(row.articleId(), hash, voiceKey, NarrationStatus.NO_VOICE, "no voice for " + language,
						text.text(), text.wordCount(), now);
			}
			else if (text.isEmpty()) {
				narrations.insert(row.articleId(), hash, voice, NarrationStatus.FAILED, "The article has no text to read",
						text.text(), 0, now);
			}
			else {
				narrations.insert(row.articleId(), hash, voice, NarrationStatus.PENDING, null, text.text(),
						text.wordCount(), now);
				log.debug("Narration queued for article {} ({} words, {})", row.articleId(), text.wordCount(), voice);
			}
		}
		narrations.refreshed(updated, row.refreshRequestedAt(), now);
	}

	/** The article's voice, else its section's, else its language's; null when there is none. */
	String voiceFor(String articleVoice, String section, String language) {
		if (articleVoice != null && Voice.isValid(articleVoice)) {
			return articleVoice;
		}
		if (section != null && properties.sections().containsKey(section) && Voice.isValid(properties.sections().get(section))) {
			return properties.sections().get(section);
		}
		String primary = language.toLowerCase(java.util.Locale.ROOT);
		String voice = properties.voices().get(primary);
		if (voice == null && primary.contains("-")) {
			voice = properties.voices().get(primary.substring(0, primary.indexOf('-')));
		}
		return voice != null && Voice.isValid(voice) ? voice : null;
	}

	private static ArticleRow withPublished(ArticleRow row, boolean published) {
		return new ArticleRow(row.articleId(), row.slug(), row.headline(), row.dek(), row.language(), row.sectionSlug(),
				published, row.firstPublishedAt(), row.voice(), row.currentHash(), row.refreshRequestedAt(), row.forced());
	}

}
