package org.masthead.content.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.content.Article;
import org.masthead.content.Article.NoteKind;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.CuratedList;
import org.masthead.content.Newsroom;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The working copy and the published revision stay apart; readers see only what was published. */
@MastheadIntegrationTest
class ContentWorkflowIntegrationTests {

	@Autowired
	Newsroom newsroom;

	@Autowired
	ArticleCatalog catalog;

	@Test
	void draftsAreInvisibleUntilPublished() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("draft");
		long id = newsroom.createDraft(basics.draft(slug, "Harbour dredging plan approved", "<p>Words.</p>"));
		assertThat(catalog.article(slug)).isEmpty();

		newsroom.publish(id, Instant.now());
		Article live = catalog.article(slug).orElseThrow();
		assertThat(live.summary().headline()).isEqualTo("Harbour dredging plan approved");
		assertThat(live.summary().updatedAt()).isNull();
		assertThat(live.summary().authors()).extracting(a -> a.slug()).containsExactly(basics.authorSlug());
		assertThat(live.tags()).extracting(t -> t.slug()).containsExactly(basics.tagSlug());
	}

	@Test
	void editingALiveArticleChangesNothingForReadersUntilRepublished() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("live");
		long id = newsroom.createDraft(basics.draft(slug, "Ferry fares to rise", "<p>First version.</p>"));
		Instant published = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		newsroom.publish(id, published);

		newsroom.saveDraft(id, basics.draft(slug, "Ferry fares to rise by a tenth", "<p>Second version.</p>"));
		assertThat(catalog.article(slug).orElseThrow().summary().headline()).isEqualTo("Ferry fares to rise");
		assertThat(catalog.article(slug).orElseThrow().bodyHtml()).contains("First version.");

		Instant republished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		newsroom.publish(id, republished);
		Article live = catalog.article(slug).orElseThrow();
		assertThat(live.summary().headline()).isEqualTo("Ferry fares to rise by a tenth");
		assertThat(live.summary().publishedAt()).isEqualTo(published);
		assertThat(live.summary().updatedAt()).isEqualTo(republished);
	}

	@Test
	void aChangedSlugLeavesARedirectFromTheOldOne() {
		Basics basics = Basics.create(newsroom);
		String oldSlug = TestContent.unique("old");
		String newSlug = TestContent.unique("new");
		long id = newsroom.createDraft(basics.draft(oldSlug, "Bridge closes", "<p>Text.</p>"));
		newsroom.publish(id, Instant.now());
		newsroom.saveDraft(id, basics.draft(newSlug, "Bridge closes for a week", "<p>Text.</p>"));
		newsroom.publish(id, Instant.now());

		assertThat(catalog.article(oldSlug)).isEmpty();
		assertThat(catalog.currentSlugFor(oldSlug)).contains(newSlug);
		assertThat(catalog.article(newSlug)).isPresent();
	}

	@Test
	void bodiesAreSanitizedOnSave() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("xss");
		long id = newsroom.createDraft(basics.draft(slug, "Council meets",
				"<p onclick=\"steal()\">Hello<script>alert(1)</script></p><img src=x onerror=alert(1)>"
						+ "<a href=\"javascript:alert(1)\">link</a><iframe src=\"https://example.org\"></iframe>"
						+ "<aside class=\"related-card\" data-slug=\"other-story\"></aside>"));
		newsroom.publish(id, Instant.now());
		String body = catalog.article(slug).orElseThrow().bodyHtml();
		assertThat(body).doesNotContain("script", "onclick", "onerror", "javascript:", "iframe");
		assertThat(body).contains("<p>Hello</p>", "data-slug=\"other-story\"");
	}

	@Test
	void malformedSlugsAreRefused() {
		Basics basics = Basics.create(newsroom);
		for (String slug : List.of("", "Upper-Case", "with space", "../etc", "a--b", "-lead", "x".repeat(201))) {
			assertThatThrownBy(() -> newsroom.createDraft(basics.draft(slug, "Headline", "<p>x</p>")))
				.as(slug)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void notesAndCuratedListsAreShown() {
		Basics basics = Basics.create(newsroom);
		String a = TestContent.unique("pick-a");
		String b = TestContent.unique("pick-b");
		long idA = newsroom.createDraft(basics.draft(a, "First pick", "<p>x</p>"));
		long idB = newsroom.createDraft(basics.draft(b, "Second pick", "<p>x</p>"));
		newsroom.publish(idA, Instant.now());
		newsroom.publish(idB, Instant.now());
		newsroom.addNote(idA, NoteKind.CORRECTION, "An earlier version misspelled a name.", Instant.now());
		newsroom.curate(CuratedList.EDITORS_PICKS, List.of(idB, idA));

		assertThat(catalog.article(a).orElseThrow().notes()).extracting(Article.Note::kind)
			.containsExactly(NoteKind.CORRECTION);
		assertThat(catalog.curated(CuratedList.EDITORS_PICKS, 10)).extracting(ArticleSummary::slug)
			.containsExactly(b, a);

		newsroom.unpublish(idB);
		assertThat(catalog.curated(CuratedList.EDITORS_PICKS, 10)).extracting(ArticleSummary::slug).containsExactly(a);
		assertThat(catalog.article(b)).isEmpty();
	}

	@Test
	void readingTimeFollowsTheBody() {
		assertThat(ReadingTime.minutes("Short", "<p>" + "word ".repeat(100) + "</p>")).isEqualTo(1);
		assertThat(ReadingTime.minutes("Long", "<p>" + "word ".repeat(1000) + "</p>")).isEqualTo(5);
		assertThat(ReadingTime.minutes(null, null)).isEqualTo(1);
	}

}
