package org.masthead.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The newsroom's view of articles: working copies in every status, their revisions, and the
 * steps of the workflow. Status rules ({@link ArticleStatus#canMoveTo}) are enforced here; who may
 * take a step is decided by the caller (the editorial module).
 */
public interface WorkingCopies {

	Optional<WorkingCopy> find(long id);

	/** Working copies, most recently changed first; {@code status} null for all. */
	Page<WorkingCopy> list(ArticleStatus status, Long ownerId, int page, int size);

	/** A new working copy (revision 1, {@link ArticleStatus#DRAFT}) owned by {@code ownerId}. */
	long create(ArticleDraft draft, Long ownerId);

	/**
	 * Saves the working copy as a new revision.
	 *
	 * @param expectedRevision the revision the editor started from
	 * @return the new revision number
	 * @throws ConcurrentEditException when someone saved in between
	 */
	int save(long id, ArticleDraft draft, int expectedRevision);

	List<Revision> revisions(long id);

	/** Makes an old revision the working copy again, as a new revision. */
	int restore(long id, int revision);

	void submitForReview(long id);

	/** Back to draft, with the reviewer's comment. */
	void sendBack(long id, String comment);

	/** Goes live at {@code at} (in the newsroom's time zone when shown). */
	void schedule(long id, Instant at);

	/** Cancels a schedule: back to draft. */
	void unschedule(long id);

	/** Removes the article entirely (working copy, revisions, live page). */
	void delete(long id);

	/** Articles whose scheduled time has come. */
	List<Long> dueForPublication(Instant now);

	/** Authors for byline pickers. */
	List<AuthorProfile> authors();

	/** Tags for pickers. */
	List<Tag> tags();

	/**
	 * The working copy as its page would show it were it published now, for the newsroom's preview:
	 * never cached and never shown to readers. Times are the live ones, or now for an unpublished article.
	 */
	Optional<Article> preview(long id);

	/** Published articles whose headline contains the words, for related-card pickers. */
	List<ArticleSummary> searchPublished(String words, int limit);

}
