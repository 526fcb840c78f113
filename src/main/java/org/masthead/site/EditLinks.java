package org.masthead.site;

import java.util.Optional;

import org.masthead.identity.StaffMember;

/**
 * Where a signed-in staff member edits an article, if they may: the "Edit post" link on reader
 * pages. The newsroom (editorial) provides it, so the site needs none of its rules; without a
 * provider no link is shown. The site asks only for staff signed in with a session, whose
 * requests the page cache never stores.
 */
public interface EditLinks {

	/** The editor's address for the article, or empty when this staff member may not edit it. */
	Optional<String> editUrl(StaffMember staff, long articleId);

}
