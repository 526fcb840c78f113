package org.masthead.newsletter.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.identity.CurrentStaff;
import org.masthead.newsletter.InvalidNewsletterException;
import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.NewsletterDraft;
import org.masthead.newsletter.Newsletters;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The newsroom's newsletter pages, for Editors: the list, a new newsletter, changing one. */
@Controller
// Editors only: a path rule of the newsroom filter chain (identity, SecurityConfiguration.EDITOR_PAGES).
class NewsletterAdminController {

	private final Newsletters newsletters;

	NewsletterAdminController(Newsletters newsletters) {
		this.newsletters = newsletters;
	}

	@GetMapping("/admin/newsletters")
	String list(CsrfToken csrf, Model model) {
		model.addAttribute("frame", frame("Newsletters", csrf, model, Map.of()));
		model.addAttribute("newsletters", newsletters.all());
		return "admin/newsletters/list";
	}

	@GetMapping("/admin/newsletters/new")
	String showCreateForm(CsrfToken csrf, Model model) {
		return form(model, csrf, "New newsletter", "/admin/newsletters/new", NewsletterForm.empty(), Map.of(), null);
	}

	@PostMapping("/admin/newsletters/new")
	String processCreateForm(NewsletterForm form, CsrfToken csrf, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		NewsletterDraft draft = form.draft();
		try {
			newsletters.create(draft);
			redirect.addFlashAttribute("notice", "Newsletter “" + draft.name().strip() + "” created.");
			return "redirect:/admin/newsletters";
		}
		catch (InvalidNewsletterException ex) {
			response.setStatus(422);
			return form(model, csrf, "New newsletter", "/admin/newsletters/new", form, ex.errors(), null);
		}
	}

	@GetMapping("/admin/newsletters/{id}")
	String showEditForm(@PathVariable long id, CsrfToken csrf, Model model) {
		Newsletter newsletter = find(id);
		return form(model, csrf, "Edit " + newsletter.name(), "/admin/newsletters/" + id, NewsletterForm.of(newsletter),
				Map.of(), newsletter);
	}

	@PostMapping("/admin/newsletters/{id}")
	String processEditForm(@PathVariable long id, NewsletterForm form, CsrfToken csrf, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Newsletter newsletter = find(id);
		NewsletterDraft draft = form.draft();
		try {
			newsletters.update(id, draft);
			redirect.addFlashAttribute("notice", "Newsletter “" + draft.name().strip() + "” saved. Reader pages show the change now.");
			return "redirect:/admin/newsletters";
		}
		catch (InvalidNewsletterException ex) {
			response.setStatus(422);
			return form(model, csrf, "Edit " + newsletter.name(), "/admin/newsletters/" + id, form, ex.errors(), newsletter);
		}
	}

	private Newsletter find(long id) {
		return newsletters.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String form(Model model, CsrfToken csrf, String title, String action, NewsletterForm form,
			Map<String, String> errors, Newsletter newsletter) {
		model.addAttribute("frame", frame(title, csrf, model, errors));
		model.addAttribute("form", form);
		model.addAttribute("action", action);
		model.addAttribute("newsletter", newsletter);
		return "admin/newsletters/form";
	}

	private static AdminFrame frame(String title, CsrfToken csrf, Model model, Map<String, String> errors) {
		Object notice = model.getAttribute("notice");
		return new AdminFrame(title, CurrentStaff.get().orElseThrow(), csrf.getParameterName(), csrf.getToken(),
				notice instanceof String text ? text : null, errors);
	}

}
