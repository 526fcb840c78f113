package org.masthead.editorial.api;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleStatus;
import org.masthead.content.WorkingCopy;
import org.masthead.editorial.workflow.PublishingCheck;

/** The JSON shapes of the Admin API. Unknown fields are refused (see application.properties). */
final class ApiModels {

	private ApiModels() {
	}

	/** An article as a client writes it. {@code body} is HTML (sanitized on save) unless {@code markdown} is given. */
	record ArticleInput(@NotBlank @Size(max = 200) String slug, @NotBlank @Size(max = 300) String headline,
			@Size(max = 1000) String dek, @Size(max = 500_000) String body, @Size(max = 500_000) String markdown,
			Long heroImageId, @Size(max = 1000) String heroAlt, @Size(max = 2000) String heroCaption,
			@Size(max = 500) String heroCredit, Long sectionId, @Size(max = 20) List<Long> authorIds,
			@Size(max = 50) List<Long> tagIds, @Size(max = 20) String language, Integer revision) {

		ArticleDraft toDraft(String html) {
			return new ArticleDraft(slug, headline, dek, html, heroImageId, heroAlt, heroCaption, heroCredit, sectionId,
					authorIds == null ? List.of() : authorIds, tagIds == null ? List.of() : tagIds,
					language == null ? "en" : language);
		}

	}

	/** An article as the API returns it. */
	record ArticleOutput(long id, String slug, String headline, String dek, String body, Long heroImageId,
			String heroAlt, String heroCaption, String heroCredit, Long sectionId, List<Long> authorIds,
			List<Long> tagIds, String language, ArticleStatus status, int revision, Long ownerId, Instant createdAt,
			Instant updatedAt, Instant scheduledAt, Instant publishedAt, String reviewComment, String url,
			List<PublishingCheck> checks) {

		static ArticleOutput of(WorkingCopy copy, List<PublishingCheck> checks, String baseUrl) {
			ArticleDraft d = copy.draft();
			return new ArticleOutput(copy.id(), d.slug(), d.headline(), d.dek(), d.bodyHtml(), d.heroImageId(),
					d.heroAlt(), d.heroCaption(), d.heroCredit(), d.sectionId(), d.authorIds(), d.tagIds(), d.language(),
					copy.status(), copy.revision(), copy.ownerId(), copy.createdAt(), copy.updatedAt(),
					copy.scheduledAt(), copy.publishedAt(), copy.reviewComment(),
					copy.isLive() ? baseUrl + "/" + copy.liveSlug() + "/" : null, checks);
		}

	}

	/** A workflow step: {@code submit}, {@code send-back}, {@code publish}, {@code schedule}, {@code unschedule}, {@code unpublish}. */
	record Transition(@NotBlank String action, @Size(max = 4000) String comment, Instant at) {
	}

	/** A correction or editor's note. */
	record NoteInput(@NotBlank String kind, @NotBlank @Size(max = 2000) String body) {
	}

	record AuthorInput(@NotBlank @Size(max = 120) String slug, @NotBlank @Size(max = 200) String name,
			@Size(max = 200) String jobTitle, @Size(max = 4000) String bio, Long photoId) {
	}

	record TagInput(@NotBlank @Size(max = 120) String slug, @NotBlank @Size(max = 200) String name,
			@Size(max = 1000) String description) {
	}

	record ListInput(@Size(max = 50) List<Long> articleIds) {
	}

	/** One page of results. */
	record PageOutput<T>(List<T> items, int page, int size, long total, int totalPages) {
	}

}
