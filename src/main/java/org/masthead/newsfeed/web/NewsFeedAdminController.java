package org.masthead.newsfeed.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.content.Page;
import org.masthead.identity.CurrentStaff;
import org.masthead.identity.StaffMember;
import org.masthead.newsfeed.InvalidNewsFeedItemException;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.masthead.platform.MastheadProperties;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The newsroom's news feed page, for Editors: post an item, edit or delete recent ones. */
@Controller
// Editors only: a path rule of the newsroom filter chain (identity, SecurityConfiguration.EDITOR_PAGES).
class NewsFeedAdminController {

	private final NewsFeed feed;

	private final ZoneId zone;

	NewsFeedAdminController(NewsFeed feed, MastheadProperties properties) {
		this.feed = feed;
		this.zone = properties.site().timeZone();
	}

	@GetMapping("/admin/news-feed")
	String showPostForm(@RequestParam(defaultValue = "1") String page, CsrfToken csrf, Model model) {
		return list(model, csrf, pageNumber(page), NewsFeedForm.empty(), Map.of(), null);
	}

	@PostMapping("/admin/news-feed")
	String processPostForm(NewsFeedForm form, CsrfToken csrf, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		NewsFeedItemDraft draft = form.draft(zone, errors);
		if (errors.isEmpty()) {
			try {
				feed.post(draft, staff().name());
				redirect.addFlashAttribute("notice", "Item posted. Open pages show it now.");
				return "redirect:/admin/news-feed";
			}
			catch (InvalidNewsFeedItemException ex) {
				errors.putAll(ex.errors());
			}
		}
		response.setStatus(422);
		return list(model, csrf, 1, form, errors, null);
	}

	@GetMapping("/admin/news-feed/{id}")
	String showEditForm(@PathVariable long id, CsrfToken csrf, Model model) {
		NewsFeedItem item = feed.item(id).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		return edit(model, csrf, item, NewsFeedForm.of(item, zone), Map.of());
	}

	@PostMapping("/admin/news-feed/{id}")
	String processEditForm(@PathVariable long id, NewsFeedForm form, CsrfToken csrf, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		NewsFeedItem item = feed.item(id).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		Map<String, String> errors = new LinkedHashMap<>();
		NewsFeedItemDraft draft = form.draft(zone, errors);
		if (errors.isEmpty()) {
			try {
				feed.edit(id, draft);
				redirect.addFlashAttribute("notice", "Item saved. Open pages show the change now.");
				return "redirect:/admin/news-feed";
			}
			catch (InvalidNewsFeedItemException ex) {
				errors.putAll(ex.errors());
			}
		}
		response.setStatus(422);
		return edit(model, csrf, item, form, errors);
	}

	@PostMapping("/admin/news-feed/{id}/delete")
	String processDelete(@PathVariable long id, RedirectAttributes redirect) {
		boolean deleted = feed.delete(id);
		redirect.addFlashAttribute("notice", deleted ? "Item deleted. Open pages drop it now." : "That item was deleted already.");
		return "redirect:/admin/news-feed";
	}

	private String list(Model model, CsrfToken csrf, int number, NewsFeedForm form, Map<String, String> errors, String notice) {
		Page<NewsFeedItem> page = feed.page(number, 30);
		model.addAttribute("frame", frame("News feed", csrf, model, errors));
		model.addAttribute("form", form);
		model.addAttribute("items", page);
		model.addAttribute("zone", zone);
		return "admin/newsfeed/list";
	}

	private String edit(Model model, CsrfToken csrf, NewsFeedItem item, NewsFeedForm form, Map<String, String> errors) {
		model.addAttribute("frame", frame("Edit news feed item", csrf, model, errors));
		model.addAttribute("form", form);
		model.addAttribute("item", item);
		return "admin/newsfeed/edit";
	}

	private AdminFrame frame(String title, CsrfToken csrf, Model model, Map<String, String> errors) {
		Object notice = model.getAttribute("notice");
		return new AdminFrame(title, staff(), csrf.getParameterName(), csrf.getToken(),
				notice instanceof String text ? text : null, errors);
	}

	private static StaffMember staff() {
		return CurrentStaff.get().orElseThrow();
	}

	private static int pageNumber(String page) {
		return page.matches("[1-9][0-9]{0,4}") ? Integer.parseInt(page) : 1;
	}

}
