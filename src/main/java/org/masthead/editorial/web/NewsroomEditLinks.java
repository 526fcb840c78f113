package org.masthead.editorial.web;

import java.util.Optional;

import org.masthead.content.WorkingCopies;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.identity.StaffMember;
import org.masthead.site.EditLinks;
import org.springframework.stereotype.Component;

/** "Edit post" on reader pages: shown to staff who may edit the article, by the workflow's own rule. */
@Component
class NewsroomEditLinks implements EditLinks {

	private final WorkingCopies copies;

	private final EditorialService editorial;

	NewsroomEditLinks(WorkingCopies copies, EditorialService editorial) {
		this.copies = copies;
		this.editorial = editorial;
	}

	@Override
	public Optional<String> editUrl(StaffMember staff, long articleId) {
		if (staff == null || staff.isApiToken()) {
			return Optional.empty();
		}
		return copies.find(articleId).filter(copy -> editorial.canEdit(staff, copy))
			.map(copy -> "/admin/articles/" + copy.id());
	}

}
