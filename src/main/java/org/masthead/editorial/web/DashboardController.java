package org.masthead.editorial.web;

import java.util.List;

import org.masthead.content.ArticleStatus;
import org.masthead.content.WorkingCopies;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.editorial.web.NewsroomViews.Dashboard;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The newsroom's front page: my drafts, what waits for review (editors see everyone's), what is
 * scheduled and when, in the newsroom's time zone, and what went live last.
 */
@Controller
class DashboardController {

	static final int ROWS = 10;

	private final WorkingCopies copies;

	private final NewsroomTime time;

	DashboardController(WorkingCopies copies, NewsroomTime time) {
		this.copies = copies;
		this.time = time;
	}

	@GetMapping({ "/admin", "/admin/" })
	String dashboard(CsrfToken csrf, Model model) {
		StaffMember staff = Staff.current();
		boolean editor = staff.may(Role.EDITOR);
		Long mine = editor ? null : staff.id();
		model.addAttribute("dashboard", new Dashboard(AdminPage.of("Dashboard", "dashboard", csrf),
				rows(ArticleStatus.DRAFT, staff.id()), rows(ArticleStatus.IN_REVIEW, mine),
				rows(ArticleStatus.SCHEDULED, mine), rows(ArticleStatus.PUBLISHED, null), editor, time.zoneName()));
		return "admin/editorial/dashboard";
	}

	private List<ArticleRow> rows(ArticleStatus status, Long owner) {
		return copies.list(status, owner, 1, ROWS).items().stream().map(c -> ArticleRow.of(c, time)).toList();
	}

}
