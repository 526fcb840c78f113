package org.masthead.editorial.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.masthead.content.Article.NoteKind;
import org.masthead.content.ArticleStatus;
import org.masthead.content.BodyFormat;
import org.masthead.content.Page;
import org.masthead.content.Revision;
import org.masthead.content.WorkingCopies;
import org.masthead.content.WorkingCopy;
import org.masthead.editorial.api.ApiModels.ArticleInput;
import org.masthead.editorial.api.ApiModels.ArticleOutput;
import org.masthead.editorial.api.ApiModels.NoteInput;
import org.masthead.editorial.api.ApiModels.PageOutput;
import org.masthead.editorial.api.ApiModels.Transition;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.editorial.workflow.PublishingCheck;
import org.masthead.identity.CurrentStaff;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.platform.MastheadProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Articles through the Admin API: the same workflow and rules as the newsroom's pages. */
@RestController
@RequestMapping("/api/admin/articles")
class ArticlesApi {

	private final EditorialService editorial;

	private final WorkingCopies copies;

	private final String baseUrl;

	ArticlesApi(EditorialService editorial, WorkingCopies copies, MastheadProperties properties) {
		this.editorial = editorial;
		this.copies = copies;
		this.baseUrl = properties.site().absolute("");
	}

	@GetMapping
	PageOutput<ArticleOutput> list(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		StaffMember actor = actor();
		if (page < 1 || page > 100_000 || size < 1 || size > 100) {
			throw new IllegalArgumentException("page must be 1 or more and size between 1 and 100.");
		}
		ArticleStatus filter = status == null ? null : parseStatus(status);
		Long owner = actor.may(Role.EDITOR) ? null : actor.id();
		Page<WorkingCopy> result = copies.list(filter, owner, page, size);
		return new PageOutput<>(result.items().stream().map(c -> ArticleOutput.of(c, null, baseUrl)).toList(),
				result.number(), result.size(), result.totalItems(), result.totalPages());
	}

	@PostMapping
	ResponseEntity<ArticleOutput> create(@Valid @RequestBody ArticleInput input) {
		StaffMember actor = actor();
		long id = editorial.create(actor, input.toDraft(body(input)));
		return ResponseEntity.created(URI.create("/api/admin/articles/" + id)).body(output(actor, id));
	}

	@GetMapping("/{id}")
	ArticleOutput get(@PathVariable long id) {
		return output(actor(), id);
	}

	@PutMapping("/{id}")
	ArticleOutput update(@PathVariable long id, @Valid @RequestBody ArticleInput input) {
		StaffMember actor = actor();
		if (input.revision() == null) {
			throw new IllegalArgumentException("Send the revision you edited (field \"revision\"), so no one's changes are overwritten.");
		}
		editorial.save(actor, id, input.toDraft(body(input)), input.revision());
		return output(actor, id);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		editorial.delete(actor(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/checks")
	List<PublishingCheck> checks(@PathVariable long id) {
		return editorial.checks(actor(), id);
	}

	@PostMapping("/{id}/transitions")
	ArticleOutput transition(@PathVariable long id, @Valid @RequestBody Transition transition) {
		StaffMember actor = actor();
		switch (transition.action()) {
			case "submit" -> editorial.submitForReview(actor, id);
			case "send-back" -> editorial.sendBack(actor, id, transition.comment());
			case "publish" -> editorial.publish(actor, id);
			case "schedule" -> {
				if (transition.at() == null) {
					throw new IllegalArgumentException("Scheduling needs \"at\", an ISO-8601 instant such as 2026-12-01T08:00:00Z.");
				}
				editorial.schedule(actor, id, transition.at());
			}
			case "unschedule" -> editorial.unschedule(actor, id);
			case "unpublish" -> editorial.unpublish(actor, id);
			default -> throw new IllegalArgumentException("Unknown action \"" + transition.action()
					+ "\": use submit, send-back, publish, schedule, unschedule or unpublish.");
		}
		return output(actor, id);
	}

	@PostMapping("/{id}/notes")
	ArticleOutput addNote(@PathVariable long id, @Valid @RequestBody NoteInput note) {
		StaffMember actor = actor();
		NoteKind kind = switch (note.kind()) {
			case "correction" -> NoteKind.CORRECTION;
			case "editors-note" -> NoteKind.EDITORS_NOTE;
			default -> throw new IllegalArgumentException("A note's kind is \"correction\" or \"editors-note\".");
		};
		editorial.addNote(actor, id, kind, note.body());
		return output(actor, id);
	}

	@GetMapping("/{id}/revisions")
	List<RevisionOutput> revisions(@PathVariable long id) {
		editorial.get(actor(), id);
		return copies.revisions(id).stream().map(RevisionOutput::of).toList();
	}

	@PostMapping("/{id}/revisions/{revision}/restore")
	ArticleOutput restore(@PathVariable long id, @PathVariable int revision) {
		StaffMember actor = actor();
		editorial.restore(actor, id, revision);
		return output(actor, id);
	}

	private ArticleOutput output(StaffMember actor, long id) {
		WorkingCopy copy = editorial.get(actor, id);
		return ArticleOutput.of(copy, editorial.checks(actor, id), baseUrl);
	}

	private static String body(ArticleInput input) {
		if (input.markdown() != null && input.body() != null) {
			throw new IllegalArgumentException("Send the body as \"body\" (HTML) or \"markdown\", not both.");
		}
		return input.markdown() != null ? BodyFormat.markdownToHtml(input.markdown()) : input.body();
	}

	private static ArticleStatus parseStatus(String status) {
		try {
			return ArticleStatus.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown status \"" + status
					+ "\": use draft, in-review, scheduled, published or unpublished.");
		}
	}

	static StaffMember actor() {
		return CurrentStaff.get().orElseThrow(() -> new AccessDeniedException("Sign in with an API token."));
	}

	/** One saved revision. */
	record RevisionOutput(int revision, java.time.Instant savedAt, String headline) {

		static RevisionOutput of(Revision revision) {
			return new RevisionOutput(revision.number(), revision.savedAt(), revision.headline());
		}

	}

}
