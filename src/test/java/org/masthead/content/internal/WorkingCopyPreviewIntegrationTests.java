package org.masthead.content.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.masthead.content.Article;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleDraft;
import org.masthead.content.Image;
import org.masthead.content.MediaLibrary;
import org.masthead.content.Newsroom;
import org.masthead.content.WorkingCopies;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What the newsroom's editor needs from content: SEO fields, previews of working copies, the media grid. */
@MastheadIntegrationTest
class WorkingCopyPreviewIntegrationTests {

	@Autowired
	WorkingCopies copies;

	@Autowired
	Newsroom newsroom;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	MediaLibrary media;

	@Test
	void seoTitleAndDescriptionAreKeptWithRevisionsAndPublished() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("seo");
		ArticleDraft plain = basics.draft(slug, "Harbour cranes return", "<p>Body.</p>");
		long id = copies.create(plain, null);
		assertThat(copies.find(id).orElseThrow().draft().seoTitle()).isNull();

		ArticleDraft seo = withSeo(plain, "Cranes back at Vesna harbour", "  Two cranes are back after repairs.  ");
		copies.save(id, seo, 1);
		assertThat(copies.find(id).orElseThrow().draft().seoTitle()).isEqualTo("Cranes back at Vesna harbour");
		assertThat(copies.find(id).orElseThrow().draft().seoDescription()).isEqualTo("Two cranes are back after repairs.");
		assertThat(copies.revisions(id).get(0).draft().seoTitle()).isEqualTo("Cranes back at Vesna harbour");
		assertThat(copies.revisions(id).get(1).draft().seoTitle()).isNull();

		newsroom.publish(id, java.time.Instant.now());
		Article live = catalog.article(slug).orElseThrow();
		assertThat(live.seoTitle()).isEqualTo("Cranes back at Vesna harbour");
		assertThat(live.seoDescription()).isEqualTo("Two cranes are back after repairs.");
	}

	@Test
	void previewShowsTheWorkingCopyWithBylineSectionTagsAndHeroWords() {
		Basics basics = Basics.create(newsroom);
		Image picture = media.store(TestContent.picture(640, 360, "png"), "Library alt", "Library caption", "Library credit");
		String slug = TestContent.unique("preview");
		ArticleDraft draft = basics.draft(slug, "Unpublished story", "<p>Only the newsroom sees this.</p>");
		draft = new ArticleDraft(draft.slug(), draft.headline(), draft.dek(), draft.bodyHtml(), picture.assetId(),
				"Own alt", null, "Own credit", draft.sectionId(), draft.authorIds(), draft.tagIds(), "en");
		long id = copies.create(draft, null);

		Article preview = copies.preview(id).orElseThrow();
		assertThat(preview.summary().headline()).isEqualTo("Unpublished story");
		assertThat(preview.summary().section().slug()).isEqualTo(basics.sectionSlug());
		assertThat(preview.summary().authors()).extracting(a -> a.slug()).containsExactly(basics.authorSlug());
		assertThat(preview.tags()).extracting(t -> t.slug()).containsExactly(basics.tagSlug());
		assertThat(preview.summary().hero().alt()).isEqualTo("Own alt");
		assertThat(preview.summary().hero().caption()).isEqualTo("Library caption");
		assertThat(preview.bodyHtml()).contains("Only the newsroom sees this.");
		assertThat(catalog.article(slug)).as("readers still see nothing").isEmpty();
		assertThat(copies.preview(-1)).isEmpty();
	}

	@Test
	void mediaLibraryListsNewestFirstAndFindsOne() {
		Image first = media.store(TestContent.picture(200, 100, "png"), "First", null, "Credit");
		Image second = media.store(TestContent.picture(200, 100, "jpg"), "Second", null, "Credit");
		List<Long> ids = media.recent(1, 100).items().stream().map(Image::assetId).toList();
		assertThat(ids).containsSubsequence(second.assetId(), first.assetId());
		assertThat(media.find(first.assetId()).orElseThrow().alt()).isEqualTo("First");
		assertThat(media.find(-5)).isEmpty();
	}

	private static ArticleDraft withSeo(ArticleDraft d, String title, String description) {
		return new ArticleDraft(d.slug(), d.headline(), d.dek(), d.bodyHtml(), d.heroImageId(), d.heroAlt(),
				d.heroCaption(), d.heroCredit(), d.sectionId(), d.authorIds(), d.tagIds(), d.language(), title,
				description);
	}

}
