package org.masthead.editorial.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.CuratedList;
import org.masthead.content.WorkingCopies;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.editorial.web.NewsroomViews.Curation;
import org.masthead.editorial.web.NewsroomViews.ListView;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editors' Picks and Featured, in the editors' order: find published articles by headline, add,
 * remove, move up and down. Every button is a plain form; the site shows a change at once (the
 * page cache drops the pages that show the list).
 */
@Controller
class CurationController {

	static final int MAX_ITEMS = 30;

	private final ArticleCatalog catalog;

	private final WorkingCopies copies;

	private final EditorialService editorial;

	CurationController(ArticleCatalog catalog, WorkingCopies copies, EditorialService editorial) {
		this.catalog = catalog;
		this.copies = copies;
		this.editorial = editorial;
	}

	@GetMapping("/admin/curation")
	String curation(@RequestParam(defaultValue = "") String q, @RequestParam java.util.Map<String, String> flags,
			CsrfToken csrf, Model model) {
		requireEditor();
		String query = q.length() > 200 ? q.substring(0, 200) : q.strip();
		List<ListView> lists = Arrays.stream(CuratedList.values())
			.map(list -> new ListView(list, name(list), catalog.curated(list, MAX_ITEMS)))
			.toList();
		List<ArticleSummary> found = query.isEmpty() ? List.of() : copies.searchPublished(query, 10);
		model.addAttribute("curation", new Curation(AdminPage.of("Curation", "curation", csrf).notice(Notices.of(flags)),
				lists, query, found));
		return "admin/editorial/curation";
	}

	@PostMapping("/admin/curation/{slug}/add")
	String add(@PathVariable String slug, @RequestParam long article) {
		CuratedList list = list(slug);
		List<Long> ids = ids(list);
		if (!ids.contains(article) && ids.size() < MAX_ITEMS
				&& copies.find(article).map(c -> c.isLive()).orElse(false)) {
			ids.add(article);
		}
		return save(list, ids);
	}

	@PostMapping("/admin/curation/{slug}/remove")
	String remove(@PathVariable String slug, @RequestParam long article) {
		CuratedList list = list(slug);
		List<Long> ids = ids(list);
		ids.remove(article);
		return save(list, ids);
	}

	@PostMapping("/admin/curation/{slug}/move")
	String move(@PathVariable String slug, @RequestParam long article, @RequestParam String direction) {
		CuratedList list = list(slug);
		List<Long> ids = ids(list);
		int from = ids.indexOf(article);
		int to = "up".equals(direction) ? from - 1 : from + 1;
		if (from >= 0 && to >= 0 && to < ids.size()) {
			ids.set(from, ids.get(to));
			ids.set(to, article);
		}
		return save(list, ids);
	}

	private String save(CuratedList list, List<Long> ids) {
		editorial.curate(requireEditor(), list, ids);
		return "redirect:/admin/curation?curated#" + list.slug();
	}

	private List<Long> ids(CuratedList list) {
		return new ArrayList<>(catalog.curated(list, MAX_ITEMS).stream().map(ArticleSummary::id).toList());
	}

	private static CuratedList list(String slug) {
		return Arrays.stream(CuratedList.values()).filter(l -> l.slug().equals(slug)).findFirst()
			.orElseThrow(() -> new NotFound("No list " + slug));
	}

	static String name(CuratedList list) {
		return list == CuratedList.EDITORS_PICKS ? "Editors' Picks" : "Featured";
	}

	private static StaffMember requireEditor() {
		StaffMember staff = Staff.current();
		if (!staff.may(Role.EDITOR)) {
			throw new AccessDeniedException("Only editors curate the lists.");
		}
		return staff;
	}

}
