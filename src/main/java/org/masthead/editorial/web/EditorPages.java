package org.masthead.editorial.web;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Image;
import org.masthead.content.MediaLibrary;
import org.masthead.content.Section;
import org.masthead.content.WorkingCopies;
import org.masthead.content.WorkingCopy;
import org.masthead.editorial.web.EditorView.Actions;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.editorial.workflow.PublishingChecks;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Builds the editor page for a new or saved article, for every controller that shows it. */
@Component
class EditorPages {

	static final int PICTURES = 12;

	static final String EDITOR_POLICY = "default-src 'self'; img-src 'self' data: blob:; media-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	private final WorkingCopies copies;

	private final ArticleCatalog catalog;

	private final MediaLibrary media;

	private final EditorialService editorial;

	private final PublishingChecks checks;

	private final NewsroomTime time;

	private final Clock clock;

	EditorPages(WorkingCopies copies, ArticleCatalog catalog, MediaLibrary media, EditorialService editorial,
			PublishingChecks checks, NewsroomTime time, Clock clock) {
		this.copies = copies;
		this.catalog = catalog;
		this.media = media;
		this.editorial = editorial;
		this.checks = checks;
		this.time = time;
		this.clock = clock;
	}

	EditorView view(StaffMember staff, AdminPage page, WorkingCopy copy, ArticleForm form, Map<String, String> errors) {
		allowEditorStyles();
		List<Image> pictures = new ArrayList<>(media.recent(1, PICTURES).items());
		Image hero = form.getHeroImageId() == null ? null : media.find(form.getHeroImageId()).orElse(null);
		if (hero != null && pictures.stream().noneMatch(p -> p.assetId() == hero.assetId())) {
			pictures.add(0, hero);
		}
		var now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
		EditorView.Times times = new EditorView.Times(time.zoneName(), copy == null ? "" : time.full(copy.scheduledAt()),
				copy == null ? "" : time.full(copy.updatedAt()), time.input(now.plus(Duration.ofHours(1))),
				time.input(now.plus(Duration.ofMinutes(1))));
		return new EditorView(page, copy, form, errors, copy == null ? List.of() : checks.check(copy.draft()), null, null,
				catalog.sections(), copies.authors(), copies.tags(), pictures, hero, actions(staff, copy), times);
	}

	/**
	 * TinyMCE positions its menus and dialogs with inline styles, which the newsroom's policy
	 * ({@code style-src 'self'}) refuses; the editor page alone allows them. Scripts stay
	 * {@code 'self'} only. Spring Security writes its own policy only where none is set.
	 */
	private static void allowEditorStyles() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getResponse() != null) {
			attributes.getResponse().setHeader("Content-Security-Policy", EDITOR_POLICY);
		}
	}

	/** The choices a form may name, to check it against. */
	ArticleForm.Choices choices(ArticleForm form) {
		return new ArticleForm.Choices(catalog.sections().stream().map(Section::id).toList(),
				copies.tags().stream().map(t -> t.id()).toList(), copies.authors().stream().map(a -> a.id()).toList(),
				form.getHeroImageId() == null || media.find(form.getHeroImageId()).isPresent());
	}

	/** Brings the library's alt text, caption and credit to a newly picked hero whose fields are empty. */
	void fillHeroWords(ArticleForm form) {
		if (form.getHeroImageId() != null) {
			media.find(form.getHeroImageId()).ifPresent(image -> form.fillHeroWords(image.alt(), image.caption(), image.credit()));
		}
	}

	private Actions actions(StaffMember staff, WorkingCopy copy) {
		if (copy == null) {
			return Actions.NONE;
		}
		ArticleStatus status = copy.status();
		boolean editor = staff.may(Role.EDITOR);
		boolean owner = copy.ownerId() != null && copy.ownerId() == staff.id();
		boolean publisher = editorial.canPublish(staff, copy);
		boolean canPublishNow = publisher && status.canMoveTo(ArticleStatus.PUBLISHED);
		return new Actions(editorial.canEdit(staff, copy),
				(owner || editor) && status == ArticleStatus.DRAFT,
				editor && status == ArticleStatus.IN_REVIEW,
				canPublishNow,
				publisher && (status == ArticleStatus.DRAFT || status == ArticleStatus.IN_REVIEW),
				publisher && status == ArticleStatus.SCHEDULED,
				publisher && status == ArticleStatus.PUBLISHED,
				editor || (owner && status == ArticleStatus.DRAFT && !copy.isLive() && copy.publishedAt() == null),
				publisher && copy.isLive());
	}

}
