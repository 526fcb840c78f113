package org.masthead.editorial.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.content.ConcurrentEditException;
import org.masthead.content.WorkingCopy;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.identity.StaffMember;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The editor page: write a new article, change a saved one. Works as a plain form (POST, redirect,
 * GET); {@code editor.js} adds the rich-text editor and autosave on top ({@link AutosaveController}).
 * A save names the revision the editor started from, so a save that would overwrite someone else's
 * is refused and the form comes back with a warning and the editor's own text.
 */
@Controller
class ArticleEditorController {

	private final EditorialService editorial;

	private final EditorPages pages;

	private final NewsroomTime time;

	ArticleEditorController(EditorialService editorial, EditorPages pages, NewsroomTime time) {
		this.editorial = editorial;
		this.pages = pages;
		this.time = time;
	}

	@GetMapping("/admin/articles/new")
	String showNewArticleForm(CsrfToken csrf, Model model) {
		ArticleForm form = new ArticleForm();
		return editor(model, pages.view(Staff.current(), AdminPage.of("New article", "articles", csrf), null, form, Map.of()));
	}

	@PostMapping("/admin/articles")
	String processNewArticleForm(@ModelAttribute("form") ArticleForm form, BindingResult binding, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		StaffMember staff = Staff.current();
		form.slugFromHeadlineIfEmpty();
		pages.fillHeroWords(form);
		Map<String, String> errors = form.problems(pages.choices(form), binding);
		if (errors.isEmpty()) {
			try {
				long id = editorial.create(staff, form.toDraft());
				return "redirect:/admin/articles/" + id + "?created";
			}
			catch (DataIntegrityViolationException | IllegalArgumentException ex) {
				errors = slugTaken(ex);
			}
		}
		response.setStatus(422);
		return editor(model, pages.view(staff, AdminPage.of("New article", "articles", csrf), null, form, errors));
	}

	@GetMapping("/admin/articles/{id}")
	String showArticleForm(@PathVariable long id, @RequestParam(required = false) Long hero,
			@RequestParam Map<String, String> flags, CsrfToken csrf, Model model) {
		StaffMember staff = Staff.current();
		WorkingCopy copy = editorial.get(staff, id);
		ArticleForm form = ArticleForm.of(copy.draft(), copy.revision());
		if (hero != null) {
			form.setHeroImageId(hero);
			form.setHeroAlt("");
			form.setHeroCaption("");
			form.setHeroCredit("");
			pages.fillHeroWords(form);
		}
		AdminPage page = AdminPage.of(titleOf(copy), "articles", csrf).notice(Notices.of(flags));
		return editor(model, pages.view(staff, page, copy, form, Map.of()));
	}

	@PostMapping("/admin/articles/{id}")
	String processArticleForm(@PathVariable long id, @ModelAttribute("form") ArticleForm form,
			BindingResult binding, @RequestParam(required = false) Integer overwrite, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		StaffMember staff = Staff.current();
		WorkingCopy copy = editorial.get(staff, id);
		pages.fillHeroWords(form);
		Map<String, String> errors = form.problems(pages.choices(form), binding);
		AdminPage page = AdminPage.of(titleOf(copy), "articles", csrf);
		if (errors.isEmpty()) {
			int expected = overwrite != null ? overwrite : form.getRevision();
			try {
				editorial.save(staff, id, form.toDraft(), expected);
				return "redirect:/admin/articles/" + id + "?saved";
			}
			catch (ConcurrentEditException ex) {
				WorkingCopy theirs = editorial.get(staff, id);
				response.setStatus(409);
				return editor(model, pages.view(staff, page, theirs, form, Map.of())
					.withConflict(conflictWarning(theirs), ex.currentRevision()));
			}
			catch (DataIntegrityViolationException | IllegalArgumentException ex) {
				errors = slugTaken(ex);
			}
		}
		response.setStatus(422);
		return editor(model, pages.view(staff, page, copy, form, errors));
	}

	/** The words of the warning; the same in the page and in autosave's answer. */
	String conflictWarning(WorkingCopy theirs) {
		return "Someone else saved this article at " + time.clock(theirs.updatedAt())
				+ "; reload to see their changes. Your text is still in the form below.";
	}

	static String titleOf(WorkingCopy copy) {
		String headline = copy.draft().headline();
		return "Edit: " + (headline.length() > 60 ? headline.substring(0, 57) + "…" : headline);
	}

	static Map<String, String> slugTaken(RuntimeException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		String message = ex.getMessage() == null ? "" : ex.getMessage();
		if (ex instanceof DataIntegrityViolationException || message.toLowerCase().contains("slug")) {
			errors.put("slug", "Another article uses this slug already; choose another.");
		}
		else {
			errors.put("headline", message);
		}
		return errors;
	}

	private static String editor(Model model, EditorView view) {
		model.addAttribute("view", view);
		return "admin/editorial/editor";
	}

}
