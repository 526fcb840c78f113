package org.masthead.audio.speech;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.masthead.content.Article;
import org.masthead.content.ArticleSummary;
import org.masthead.content.Refs.AuthorRef;

import static org.assertj.core.api.Assertions.assertThat;

/** What a narration says, and what it leaves out. */
class SpokenTextTests {

	static Article article(String headline, String body, AuthorRef... authors) {
		ArticleSummary summary = new ArticleSummary(1, "a-story", headline, "The dek is not read.",
				Instant.parse("2024-12-26T10:00:00Z"), null, null, List.of(authors), null, 3);
		return new Article(summary, body, "en", List.of(), List.of());
	}

	@Test
	void headlineBylineAndBodyWithoutCaptionsCreditsEmbedsOrRelatedCards() {
		Article article = article("Ferry fares rise 5%", """
				<p>The city’s ferries will cost more from Dec. 26.</p>
				<figure><img src="/media/x.jpg" alt="A ferry"><figcaption>The ferry at dawn <span class="credit">Photo: Ana</span></figcaption></figure>
				<h2>What changes</h2>
				<ul><li>Single tickets: €2.50</li><li>Passes stay the same</li></ul>
				<aside class="related-card" data-slug="older-story"></aside>
				<blockquote><p>“We had no choice,” the operator said.</p></blockquote>
				<iframe src="https://video.example/embed/1"></iframe>
				<div class="embed-tweet"><p>Tweet text</p></div>
				<table><tr><td>1</td></tr></table>
				""", new AuthorRef(1, "ana", "Ana Petrenko"), new AuthorRef(2, "ivan", "Ivan Koval"));

		SpokenText spoken = SpokenText.of(article);

		assertThat(spoken.paragraphs()).containsExactly("Ferry fares rise five percent.", "By Ana Petrenko and Ivan Koval.",
				"The city's ferries will cost more from December twenty-sixth.", "What changes.",
				"Single tickets: two euros and fifty cents.", "Passes stay the same.", "We had no choice, the operator said.");
		assertThat(spoken.text()).doesNotContain("dek", "ferry at dawn", "Photo", "Tweet");
	}

	@Test
	void correctionsAreReadAfterTheBody() {
		Article a = article("Headline", "<p>Body.</p>");
		Article corrected = new Article(a.summary(), a.bodyHtml(), "en", List.of(),
				List.of(new Article.Note(Article.NoteKind.CORRECTION, "An earlier version misspelled Koval.", Instant.now())));
		assertThat(SpokenText.of(corrected).paragraphs()).last().isEqualTo("Correction: An earlier version misspelled Koval.");
	}

	@Test
	void theHashChangesWithTheTextAndTheVoiceOnly() {
		SpokenText one = SpokenText.of(article("Headline", "<p>Body.</p>"));
		SpokenText same = SpokenText.of(article("Headline", "<p>Body.</p>"));
		SpokenText changed = SpokenText.of(article("Headline", "<p>Body changed.</p>"));
		assertThat(one.hash("festival:a")).isEqualTo(same.hash("festival:a")).hasSize(64);
		assertThat(one.hash("festival:a")).isNotEqualTo(changed.hash("festival:a")).isNotEqualTo(one.hash("flite:slt"));
	}

	@Test
	void bylineNamesEveryAuthor() {
		assertThat(SpokenText.byline(List.of(new AuthorRef(1, "a", "A"), new AuthorRef(2, "b", "B"), new AuthorRef(3, "c", "C"))))
			.isEqualTo("By A, B and C.");
	}

}
