package org.masthead.editorial.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.content.Article.NoteKind;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleStatus;
import org.masthead.content.ConcurrentEditException;
import org.masthead.content.MediaLibrary;
import org.masthead.content.Newsroom;
import org.masthead.content.WorkflowException;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.platform.AuditLog;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The newsroom's workflow: who may do what, the checks that block publishing, scheduled publishing. */
@MastheadIntegrationTest
class EditorialWorkflowIntegrationTests {

	static final StaffMember CONTRIBUTOR = new StaffMember(9001, "c@example.org", "Cora Contributor", Role.CONTRIBUTOR);

	static final StaffMember AUTHOR = new StaffMember(9002, "a@example.org", "Arlo Author", Role.AUTHOR);

	static final StaffMember OTHER_AUTHOR = new StaffMember(9004, "o@example.org", "Oona Author", Role.AUTHOR);

	static final StaffMember EDITOR = new StaffMember(9003, "e@example.org", "Edda Editor", Role.EDITOR);

	@Autowired
	EditorialService editorial;

	@Autowired
	Newsroom newsroom;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	MediaLibrary media;

	@Autowired
	AuditLog audit;

	@Test
	void contributorSubmitsEditorSendsBackThenPublishes() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("review");
		long id = editorial.create(CONTRIBUTOR, basics.draft(slug, "Ferry timetable changes", "<p>Draft.</p>"));

		assertThatThrownBy(() -> editorial.publish(CONTRIBUTOR, id)).isInstanceOf(AccessDeniedException.class);
		editorial.submitForReview(CONTRIBUTOR, id);
		assertThatThrownBy(() -> editorial.save(CONTRIBUTOR, id, basics.draft(slug, "Changed", "<p>x</p>"), 1))
			.as("a contributor cannot edit while in review").isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> editorial.sendBack(CONTRIBUTOR, id, "no")).isInstanceOf(AccessDeniedException.class);

		editorial.sendBack(EDITOR, id, "Add the new Sunday times.");
		assertThat(editorial.get(CONTRIBUTOR, id).status()).isEqualTo(ArticleStatus.DRAFT);
		assertThat(editorial.get(CONTRIBUTOR, id).reviewComment()).isEqualTo("Add the new Sunday times.");

		int revision = editorial.get(CONTRIBUTOR, id).revision();
		editorial.save(CONTRIBUTOR, id, basics.draft(slug, "Ferry timetable changes on Sundays", "<p>Fixed.</p>"), revision);
		editorial.submitForReview(CONTRIBUTOR, id);
		editorial.publish(EDITOR, id);

		assertThat(catalog.article(slug).orElseThrow().summary().headline()).isEqualTo("Ferry timetable changes on Sundays");
		assertThat(audit.recent(20, 0)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("article.published");
			assertThat(e.actorName()).isEqualTo("Edda Editor");
			assertThat(e.subject()).contains("article:" + id);
		});
	}

	@Test
	void authorsPublishTheirOwnArticlesOnly() {
		Basics basics = Basics.create(newsroom);
		long own = editorial.create(AUTHOR, basics.draft(TestContent.unique("own"), "Own story", "<p>x</p>"));
		long others = editorial.create(OTHER_AUTHOR, basics.draft(TestContent.unique("other"), "Other story", "<p>x</p>"));
		editorial.publish(AUTHOR, own);
		assertThatThrownBy(() -> editorial.publish(AUTHOR, others)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> editorial.get(AUTHOR, others)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void publishingChecksBlockAndNameEveryProblem() {
		Basics basics = Basics.create(newsroom);
		long heroId = media.store(TestContent.picture(800, 450, "png"), null, null, null).assetId();
		ArticleDraft bad = new ArticleDraft(TestContent.unique("bad"), "H".repeat(111), " ",
				"<p> </p><aside class=\"related-card\" data-slug=\"not-published-anywhere\"></aside>", heroId, "", "", null,
				basics.sectionId(), List.of(basics.authorId()), List.of(), "en");
		long id = editorial.create(EDITOR, bad);

		assertThatThrownBy(() -> editorial.publish(EDITOR, id))
			.isInstanceOfSatisfying(PublishingBlockedException.class, ex -> assertThat(ex.problems())
				.extracting(PublishingCheck::code)
				.containsExactlyInAnyOrder("check.headline-too-long", "check.dek-missing", "check.body-empty",
						"check.hero-alt-missing", "check.hero-credit-missing", "check.related-unpublished"));
		assertThatThrownBy(() -> editorial.schedule(EDITOR, id, Instant.now().plus(1, ChronoUnit.HOURS)))
			.isInstanceOf(PublishingBlockedException.class);
		assertThat(catalog.article(bad.slug())).isEmpty();
	}

	@Test
	void twoPeopleSavingTheSameRevisionAreWarned() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("race");
		long id = editorial.create(EDITOR, basics.draft(slug, "Budget vote", "<p>x</p>"));
		int start = editorial.get(EDITOR, id).revision();
		editorial.save(EDITOR, id, basics.draft(slug, "Budget vote passes", "<p>x</p>"), start);
		assertThatThrownBy(() -> editorial.save(EDITOR, id, basics.draft(slug, "Budget vote fails", "<p>x</p>"), start))
			.isInstanceOf(ConcurrentEditException.class);
		assertThat(editorial.get(EDITOR, id).draft().headline()).isEqualTo("Budget vote passes");
	}

	@Test
	void revisionsCanBeListedAndRestored() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("rev");
		long id = editorial.create(EDITOR, basics.draft(slug, "First headline", "<p>one</p>"));
		editorial.save(EDITOR, id, basics.draft(slug, "Second headline", "<p>two</p>"), 1);
		editorial.restore(EDITOR, id, 1);
		assertThat(editorial.get(EDITOR, id).draft().headline()).isEqualTo("First headline");
		assertThat(editorial.get(EDITOR, id).revision()).isEqualTo(3);
	}

	@Test
	void scheduledArticlesGoLiveOnTimeThroughTheScheduler() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("scheduled");
		long id = editorial.create(AUTHOR, basics.draft(slug, "Regatta starts at noon", "<p>Boats.</p>"));
		assertThatThrownBy(() -> editorial.schedule(AUTHOR, id, Instant.now().minusSeconds(60)))
			.isInstanceOf(IllegalArgumentException.class);

		Instant at = Instant.now().plusSeconds(2);
		editorial.schedule(AUTHOR, id, at);
		assertThat(editorial.get(AUTHOR, id).status()).isEqualTo(ArticleStatus.SCHEDULED);
		assertThat(catalog.article(slug)).isEmpty();

		await().atMost(Duration.ofSeconds(20)).until(() -> catalog.article(slug).isPresent());
		assertThat(catalog.article(slug).orElseThrow().summary().publishedAt()).isBetween(at.minusSeconds(1), at.plusSeconds(1));
		assertThat(editorial.get(AUTHOR, id).status()).isEqualTo(ArticleStatus.PUBLISHED);
	}

	@Test
	void correctionsOnlyOnLiveArticlesAndIllegalStepsAreRefused() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("fix");
		long id = editorial.create(EDITOR, basics.draft(slug, "Water prices", "<p>x</p>"));
		assertThatThrownBy(() -> editorial.addNote(EDITOR, id, NoteKind.CORRECTION, "Fixed.")).isInstanceOf(WorkflowException.class);
		assertThatThrownBy(() -> editorial.unpublish(EDITOR, id)).isInstanceOf(WorkflowException.class);
		assertThatThrownBy(() -> editorial.sendBack(EDITOR, id, "x")).isInstanceOf(WorkflowException.class);
		editorial.publish(EDITOR, id);
		editorial.addNote(EDITOR, id, NoteKind.CORRECTION, "An earlier version gave the wrong price.");
		assertThat(catalog.article(slug).orElseThrow().notes()).hasSize(1);
		assertThatThrownBy(() -> editorial.addNote(EDITOR, id, NoteKind.CORRECTION, "x".repeat(2001)))
			.isInstanceOf(IllegalArgumentException.class);
		editorial.unpublish(EDITOR, id);
		assertThat(catalog.article(slug)).isEmpty();
	}

}
