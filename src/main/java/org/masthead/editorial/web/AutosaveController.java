package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;

import org.masthead.content.ArticleSummary;
import org.masthead.content.BodyFormat;
import org.masthead.content.ConcurrentEditException;
import org.masthead.content.WorkingCopies;
import org.masthead.content.WorkingCopy;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.editorial.workflow.PublishingCheck;
import org.masthead.editorial.workflow.PublishingChecks;
import org.masthead.identity.StaffMember;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What {@code editor.js} asks while someone writes: autosave (with the same conflict rule as the
 * form), the live publishing checks, Markdown conversion and the related-article search. Each
 * answers JSON; the CSRF token travels in a header.
 */
@RestController
class AutosaveController {

	private static final int MAX_MARKDOWN = 200_000;

	private final EditorialService editorial;

	private final EditorPages pages;

	private final PublishingChecks checks;

	private final WorkingCopies copies;

	private final NewsroomTime time;

	private final ArticleEditorController editor;

	AutosaveController(EditorialService editorial, EditorPages pages, PublishingChecks checks, WorkingCopies copies,
			NewsroomTime time, ArticleEditorController editor) {
		this.editorial = editorial;
		this.pages = pages;
		this.checks = checks;
		this.copies = copies;
		this.time = time;
		this.editor = editor;
	}

	/** Saved: the new revision. Or the form's problems (422), or someone else's newer save (409). */
	record Saved(Long id, Integer revision, String savedAt, String message, Map<String, String> errors,
			List<PublishingCheck> checks) {
	}

	@PostMapping("/admin/articles/{id}/autosave")
	ResponseEntity<Saved> autosave(@PathVariable long id, @ModelAttribute ArticleForm form, BindingResult binding) {
		StaffMember staff = Staff.current();
		editorial.get(staff, id);
		Map<String, String> errors = form.problems(pages.choices(form), binding);
		if (!errors.isEmpty()) {
			return ResponseEntity.status(422).body(new Saved(id, null, null, "Not saved yet.", errors, null));
		}
		try {
			int revision = editorial.save(staff, id, form.toDraft(), form.getRevision());
			WorkingCopy saved = editorial.get(staff, id);
			return ResponseEntity.ok(new Saved(id, revision, time.clock(saved.updatedAt()), "Saved at " + time.clock(saved.updatedAt()) + ".",
					Map.of(), checks.check(saved.draft())));
		}
		catch (ConcurrentEditException ex) {
			WorkingCopy theirs = editorial.get(staff, id);
			return ResponseEntity.status(409).body(new Saved(id, ex.currentRevision(), time.clock(theirs.updatedAt()),
					editor.conflictWarning(theirs), Map.of(), null));
		}
		catch (DataIntegrityViolationException | IllegalArgumentException ex) {
			return ResponseEntity.status(422)
				.body(new Saved(id, null, null, "Not saved yet.", ArticleEditorController.slugTaken(ex), null));
		}
	}

	/** The first autosave of a new article creates it; the page then continues at its own address. */
	@PostMapping("/admin/articles/autosave")
	ResponseEntity<Saved> autosaveNew(@ModelAttribute ArticleForm form, BindingResult binding) {
		StaffMember staff = Staff.current();
		form.slugFromHeadlineIfEmpty();
		Map<String, String> errors = form.problems(pages.choices(form), binding);
		if (!errors.isEmpty()) {
			return ResponseEntity.status(422).body(new Saved(null, null, null, "Not saved yet.", errors, null));
		}
		try {
			long id = editorial.create(staff, form.toDraft());
			WorkingCopy saved = editorial.get(staff, id);
			return ResponseEntity.ok(new Saved(id, saved.revision(), time.clock(saved.updatedAt()),
					"Saved at " + time.clock(saved.updatedAt()) + ".", Map.of(), checks.check(saved.draft())));
		}
		catch (DataIntegrityViolationException | IllegalArgumentException ex) {
			return ResponseEntity.status(422)
				.body(new Saved(null, null, null, "Not saved yet.", ArticleEditorController.slugTaken(ex), null));
		}
	}

	/** The publishing checks for what the form holds now, saved or not. */
	@PostMapping("/admin/articles/checks")
	List<PublishingCheck> checks(@ModelAttribute ArticleForm form, BindingResult binding) {
		Staff.current();
		return checks.check(form.toDraft());
	}

	record Converted(String html) {
	}

	@PostMapping("/admin/articles/markdown")
	ResponseEntity<Converted> markdown(@RequestParam(defaultValue = "") String markdown) {
		Staff.current();
		if (markdown.length() > MAX_MARKDOWN) {
			return ResponseEntity.status(413).body(new Converted(""));
		}
		return ResponseEntity.ok(new Converted(BodyFormat.markdownToHtml(markdown)));
	}

	record Related(String slug, String headline, String published) {
	}

	@GetMapping("/admin/articles/related-search")
	List<Related> relatedSearch(@RequestParam(defaultValue = "") String q) {
		Staff.current();
		String words = q.length() > 200 ? q.substring(0, 200) : q;
		return copies.searchPublished(words, 10).stream().map(this::related).toList();
	}

	private Related related(ArticleSummary summary) {
		return new Related(summary.slug(), summary.headline(), time.full(summary.publishedAt()));
	}

}
