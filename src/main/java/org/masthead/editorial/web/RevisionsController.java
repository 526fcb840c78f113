package org.masthead.editorial.web;

import java.util.List;

import org.masthead.content.Revision;
import org.masthead.content.WorkingCopies;
import org.masthead.content.WorkingCopy;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.identity.StaffMember;
import org.masthead.editorial.web.NewsroomViews.Comparison;
import org.masthead.editorial.web.NewsroomViews.RevisionRow;
import org.masthead.editorial.web.NewsroomViews.Revisions;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Every saved revision of an article: the list, what changed since one, and restoring one. */
@Controller
class RevisionsController {

	private final EditorialService editorial;

	private final WorkingCopies copies;

	private final NewsroomTime time;

	RevisionsController(EditorialService editorial, WorkingCopies copies, NewsroomTime time) {
		this.editorial = editorial;
		this.copies = copies;
		this.time = time;
	}

	@GetMapping("/admin/articles/{id}/revisions")
	String revisions(@PathVariable long id, CsrfToken csrf, Model model) {
		StaffMember staff = Staff.current();
		WorkingCopy copy = editorial.get(staff, id);
		List<RevisionRow> rows = copies.revisions(id).stream().map(r -> row(r, copy)).toList();
		model.addAttribute("revisions", new Revisions(AdminPage.of("Revisions", "articles", csrf), copy, rows,
				editorial.canEdit(staff, copy)));
		return "admin/editorial/revisions";
	}

	@GetMapping("/admin/articles/{id}/revisions/{number}")
	String compare(@PathVariable long id, @PathVariable int number, CsrfToken csrf, Model model) {
		StaffMember staff = Staff.current();
		WorkingCopy copy = editorial.get(staff, id);
		Revision revision = find(id, number);
		model.addAttribute("comparison", new Comparison(
				AdminPage.of("Revision " + number + " and the current text", "articles", csrf), copy, row(revision, copy),
				RevisionDiff.between(revision.draft(), copy.draft()), editorial.canEdit(staff, copy)));
		return "admin/editorial/diff";
	}

	@PostMapping("/admin/articles/{id}/revisions/{number}/restore")
	String restore(@PathVariable long id, @PathVariable int number) {
		StaffMember staff = Staff.current();
		editorial.get(staff, id);
		find(id, number);
		editorial.restore(staff, id, number);
		return "redirect:/admin/articles/" + id + "?restored";
	}

	private Revision find(long id, int number) {
		return copies.revisions(id).stream().filter(r -> r.number() == number).findFirst()
			.orElseThrow(() -> new NotFound("Article " + id + " has no revision " + number + "."));
	}

	private RevisionRow row(Revision revision, WorkingCopy copy) {
		return new RevisionRow(revision.number(), time.full(revision.savedAt()), revision.headline(),
				revision.number() == copy.revision());
	}

}
