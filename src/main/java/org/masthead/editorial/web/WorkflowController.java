package org.masthead.editorial.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.content.Article.NoteKind;
import org.masthead.content.WorkingCopy;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.editorial.workflow.PublishingBlockedException;
import org.masthead.editorial.workflow.PublishingCheck;
import org.masthead.identity.StaffMember;
import org.masthead.editorial.web.NewsroomViews.StepForm;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workflow buttons of the editor page: submit for review, send back, publish, schedule,
 * unschedule, unpublish, delete, and corrections or editor's notes on live articles. Each step is a
 * POST that redirects back to the editor; a refused publish shows the editor with the blocking
 * checks next to their fields.
 */
@Controller
class WorkflowController {

	static final int MAX_COMMENT = 4000;

	private final EditorialService editorial;

	private final EditorPages pages;

	private final NewsroomTime time;

	WorkflowController(EditorialService editorial, EditorPages pages, NewsroomTime time) {
		this.editorial = editorial;
		this.pages = pages;
		this.time = time;
	}

	@PostMapping("/admin/articles/{id}/submit")
	String submit(@PathVariable long id) {
		editorial.submitForReview(Staff.current(), id);
		return "redirect:/admin/articles/" + id + "?submitted";
	}

	@GetMapping("/admin/articles/{id}/send-back")
	String showSendBackForm(@PathVariable long id, CsrfToken csrf, Model model) {
		WorkingCopy copy = editorial.get(Staff.current(), id);
		return form(model, new StepForm(AdminPage.of("Send back", "articles", csrf), copy, "send-back", "", null, null));
	}

	@PostMapping("/admin/articles/{id}/send-back")
	String processSendBackForm(@PathVariable long id, @RequestParam(defaultValue = "") String comment, CsrfToken csrf,
			Model model, HttpServletResponse response) {
		StaffMember staff = Staff.current();
		String text = ArticleForm.plain(comment);
		String error = text.isEmpty() ? "Tell the writer what to change." : text.length() > MAX_COMMENT
				? "Keep the comment under " + MAX_COMMENT + " characters (it has " + text.length() + ")." : null;
		if (error != null) {
			response.setStatus(422);
			return form(model, new StepForm(AdminPage.of("Send back", "articles", csrf), editorial.get(staff, id),
					"send-back", comment, null, error));
		}
		editorial.sendBack(staff, id, text);
		return "redirect:/admin/articles/" + id + "?sent-back";
	}

	@PostMapping("/admin/articles/{id}/publish")
	String publish(@PathVariable long id, CsrfToken csrf, Model model, HttpServletResponse response) {
		StaffMember staff = Staff.current();
		try {
			editorial.publish(staff, id);
			return "redirect:/admin/articles/" + id + "?published";
		}
		catch (PublishingBlockedException ex) {
			return blocked(staff, id, ex, csrf, model, response);
		}
	}

	@PostMapping("/admin/articles/{id}/schedule")
	String schedule(@PathVariable long id, @RequestParam(defaultValue = "") String publishAt, CsrfToken csrf,
			Model model, HttpServletResponse response) {
		StaffMember staff = Staff.current();
		Optional<Instant> at = time.parse(publishAt);
		try {
			if (at.isEmpty()) {
				throw new IllegalArgumentException("Give a date and time to publish at.");
			}
			editorial.schedule(staff, id, at.get());
			return "redirect:/admin/articles/" + id + "?scheduled";
		}
		catch (PublishingBlockedException ex) {
			return blocked(staff, id, ex, csrf, model, response);
		}
		catch (IllegalArgumentException ex) {
			WorkingCopy copy = editorial.get(staff, id);
			response.setStatus(422);
			model.addAttribute("view", pages.view(staff, AdminPage.of(ArticleEditorController.titleOf(copy), "articles", csrf),
					copy, ArticleForm.of(copy.draft(), copy.revision()), Map.of("publishAt", ex.getMessage())));
			return "admin/editorial/editor";
		}
	}

	@PostMapping("/admin/articles/{id}/unschedule")
	String unschedule(@PathVariable long id) {
		editorial.unschedule(Staff.current(), id);
		return "redirect:/admin/articles/" + id + "?unscheduled";
	}

	@PostMapping("/admin/articles/{id}/unpublish")
	String unpublish(@PathVariable long id) {
		editorial.unpublish(Staff.current(), id);
		return "redirect:/admin/articles/" + id + "?unpublished";
	}

	@GetMapping("/admin/articles/{id}/delete")
	String showDeleteForm(@PathVariable long id, CsrfToken csrf, Model model) {
		WorkingCopy copy = editorial.get(Staff.current(), id);
		return form(model, new StepForm(AdminPage.of("Delete this article?", "articles", csrf), copy, "delete", null, null, null));
	}

	@PostMapping("/admin/articles/{id}/delete")
	String processDeleteForm(@PathVariable long id) {
		editorial.delete(Staff.current(), id);
		return "redirect:/admin/articles?deleted";
	}

	@GetMapping("/admin/articles/{id}/notes/new")
	String showNoteForm(@PathVariable long id, CsrfToken csrf, Model model) {
		WorkingCopy copy = editorial.get(Staff.current(), id);
		return form(model, new StepForm(AdminPage.of("Add a correction or editor's note", "articles", csrf), copy, "note",
				"", NoteKind.CORRECTION.name(), null));
	}

	@PostMapping("/admin/articles/{id}/notes")
	String processNoteForm(@PathVariable long id, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String body, CsrfToken csrf, Model model, HttpServletResponse response) {
		StaffMember staff = Staff.current();
		NoteKind noteKind = "EDITORS_NOTE".equals(kind) ? NoteKind.EDITORS_NOTE : NoteKind.CORRECTION;
		String text = ArticleForm.plain(body);
		String error = text.isEmpty() ? "Write the note." : text.length() > 2000
				? "Keep the note under 2,000 characters (it has " + text.length() + ")." : null;
		if (error == null) {
			editorial.addNote(staff, id, noteKind, text);
			return "redirect:/admin/articles/" + id + "?noted";
		}
		response.setStatus(422);
		return form(model, new StepForm(AdminPage.of("Add a correction or editor's note", "articles", csrf),
				editorial.get(staff, id), "note", body, noteKind.name(), error));
	}

	private String blocked(StaffMember staff, long id, PublishingBlockedException ex, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		WorkingCopy copy = editorial.get(staff, id);
		Map<String, String> errors = new LinkedHashMap<>();
		for (PublishingCheck check : ex.problems()) {
			errors.merge(check.field(), check.message(), (a, b) -> a + " " + b);
		}
		response.setStatus(422);
		AdminPage page = AdminPage.of(ArticleEditorController.titleOf(copy), "articles", csrf)
			.notice("Not published: fix the problems marked below, save, and publish again.");
		model.addAttribute("view", pages.view(staff, page, copy, ArticleForm.of(copy.draft(), copy.revision()), errors));
		return "admin/editorial/editor";
	}

	private static String form(Model model, StepForm form) {
		model.addAttribute("step", form);
		return "admin/editorial/step";
	}
}
