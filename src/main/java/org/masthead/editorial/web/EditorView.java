package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;

import org.masthead.content.AuthorProfile;
import org.masthead.content.Image;
import org.masthead.content.Section;
import org.masthead.content.Tag;
import org.masthead.content.WorkingCopy;
import org.masthead.editorial.workflow.PublishingCheck;

/**
 * What the editor page shows.
 *
 * @param copy the saved working copy, or null for a new article
 * @param errors problems by field: the form's own and, after a refused publish, the blocking checks
 * @param checks every publishing check that fails for the saved copy, for the checks panel
 * @param conflict the warning shown when someone else saved in between, or null
 * @param conflictRevision the revision that someone else saved, for an explicit overwrite
 * @param pictures the newest pictures in the media library, to pick a hero from
 * @param hero the chosen hero picture, or null
 */
public record EditorView(AdminPage page, WorkingCopy copy, ArticleForm form, Map<String, String> errors,
		List<PublishingCheck> checks, String conflict, Integer conflictRevision, List<Section> sections,
		List<AuthorProfile> authors, List<Tag> tags, List<Image> pictures, Image hero, Actions actions,
		Times times) {

	public boolean isNew() {
		return copy == null;
	}

	public String action() {
		return copy == null ? "/admin/articles" : "/admin/articles/" + copy.id();
	}

	public String error(String field) {
		return errors.get(field);
	}

	EditorView withConflict(String warning, int theirRevision) {
		return new EditorView(page, copy, form, errors, checks, warning, theirRevision, sections, authors, tags,
				pictures, hero, actions, times);
	}

	/** What the signed-in staff member may do to this article now. */
	public record Actions(boolean edit, boolean submit, boolean sendBack, boolean publish, boolean schedule,
			boolean unschedule, boolean unpublish, boolean delete, boolean note) {

		static final Actions NONE = new Actions(true, false, false, false, false, false, false, false, false);

	}

	/**
	 * Times in the newsroom's zone.
	 *
	 * @param scheduledAt when a scheduled article goes live, or empty
	 * @param savedAt when the working copy was last saved, or empty
	 * @param scheduleDefault a value for the schedule input: an hour from now
	 * @param scheduleMin the earliest value the schedule input accepts
	 */
	public record Times(String zone, String scheduledAt, String savedAt, String scheduleDefault, String scheduleMin) {
	}

}
