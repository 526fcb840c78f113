package org.masthead.editorial.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.masthead.content.ArticleStatus;
import org.masthead.content.Page;
import org.masthead.content.WorkingCopies;
import org.masthead.content.WorkingCopy;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.editorial.web.NewsroomViews.ArticleList;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every article the staff member may open, newest change first, filtered by status, a page at a
 * time. Contributors and authors see their own articles; editors see all.
 */
@Controller
class ArticleListController {

	static final int PAGE_SIZE = 25;

	private final WorkingCopies copies;

	private final NewsroomTime time;

	ArticleListController(WorkingCopies copies, NewsroomTime time) {
		this.copies = copies;
		this.time = time;
	}

	@GetMapping("/admin/articles")
	String list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "1") String page,
			@RequestParam Map<String, String> flags, CsrfToken csrf, Model model) {
		StaffMember staff = Staff.current();
		ArticleStatus filter = Arrays.stream(ArticleStatus.values()).filter(s -> s.name().equals(status)).findFirst()
			.orElse(null);
		int number = parsePage(page);
		boolean everyone = staff.may(Role.EDITOR);
		Page<WorkingCopy> found = copies.list(filter, everyone ? null : staff.id(), number, PAGE_SIZE);
		if (number > found.totalPages()) {
			number = found.totalPages();
			found = copies.list(filter, everyone ? null : staff.id(), number, PAGE_SIZE);
		}
		model.addAttribute("list", new ArticleList(AdminPage.of("Articles", "articles", csrf).notice(Notices.of(flags)),
				filter, List.of(ArticleStatus.values()), found.items().stream().map(c -> ArticleRow.of(c, time)).toList(),
				found.number(), found.totalPages(), found.totalItems(), everyone));
		return "admin/editorial/articles";
	}

	static int parsePage(String page) {
		try {
			int n = Integer.parseInt(page);
			return Math.max(1, Math.min(n, 100_000));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
