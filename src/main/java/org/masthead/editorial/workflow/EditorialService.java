package org.masthead.editorial.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.masthead.content.Article.NoteKind;
import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleStatus;
import org.masthead.content.CuratedList;
import org.masthead.content.Newsroom;
import org.masthead.content.WorkflowException;
import org.masthead.content.WorkingCopies;
import org.masthead.content.WorkingCopy;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.platform.AuditLog;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what to an article, in one place: the UI and the Admin API both come through here.
 * Contributors write and submit their own drafts; Authors also publish their own; Editors do
 * anything to any article. Publishing checks are enforced on publish and schedule.
 */
@Service
@Transactional
public class EditorialService {

	private final WorkingCopies copies;

	private final Newsroom newsroom;

	private final PublishingChecks checks;

	private final AuditLog audit;

	private final Clock clock;

	EditorialService(WorkingCopies copies, Newsroom newsroom, PublishingChecks checks, AuditLog audit, Clock clock) {
		this.copies = copies;
		this.newsroom = newsroom;
		this.checks = checks;
		this.audit = audit;
		this.clock = clock;
	}

	public WorkingCopy get(StaffMember actor, long id) {
		WorkingCopy copy = copies.find(id).orElseThrow(() -> new ArticleNotFoundException(id));
		if (!canView(actor, copy)) {
			throw new AccessDeniedException("You cannot open this article.");
		}
		return copy;
	}

	public long create(StaffMember actor, ArticleDraft draft) {
		require(actor, Role.CONTRIBUTOR);
		return copies.create(draft, actor.id());
	}

	public int save(StaffMember actor, long id, ArticleDraft draft, int expectedRevision) {
		WorkingCopy copy = get(actor, id);
		if (!canEdit(actor, copy)) {
			throw new AccessDeniedException(copy.status() == ArticleStatus.DRAFT ? "You cannot edit this article."
					: "This article is " + copy.status().name().toLowerCase().replace('_', ' ') + "; only an editor can change it now.");
		}
		return copies.save(id, draft, expectedRevision);
	}

	public int restore(StaffMember actor, long id, int revision) {
		WorkingCopy copy = get(actor, id);
		if (!canEdit(actor, copy)) {
			throw new AccessDeniedException("You cannot edit this article.");
		}
		return copies.restore(id, revision);
	}

	public void submitForReview(StaffMember actor, long id) {
		WorkingCopy copy = get(actor, id);
		if (!isOwner(actor, copy) && !actor.role().includes(Role.EDITOR)) {
			throw new AccessDeniedException("Only the article's owner or an editor can submit it for review.");
		}
		copies.submitForReview(id);
	}

	public void sendBack(StaffMember actor, long id, String comment) {
		require(actor, Role.EDITOR);
		get(actor, id);
		copies.sendBack(id, comment == null || comment.isBlank() ? null : comment.strip());
		audit.record(actor.id(), actor.name(), "article.sent-back", subject(id), comment);
	}

	public List<PublishingCheck> checks(StaffMember actor, long id) {
		return checks.check(get(actor, id).draft());
	}

	public void publish(StaffMember actor, long id) {
		WorkingCopy copy = requirePublisher(actor, id);
		requireChecksPass(copy);
		newsroom.publish(id, clock.instant());
		audit.record(actor.id(), actor.name(), copy.isLive() ? "article.republished" : "article.published", subject(copy), null);
	}

	public void schedule(StaffMember actor, long id, Instant at) {
		WorkingCopy copy = requirePublisher(actor, id);
		if (!at.isAfter(clock.instant())) {
			throw new IllegalArgumentException("Choose a time in the future to schedule the article.");
		}
		requireChecksPass(copy);
		copies.schedule(id, at);
		audit.record(actor.id(), actor.name(), "article.scheduled", subject(copy), at.toString());
	}

	public void unschedule(StaffMember actor, long id) {
		WorkingCopy copy = requirePublisher(actor, id);
		copies.unschedule(id);
		audit.record(actor.id(), actor.name(), "article.unscheduled", subject(copy), null);
	}

	public void unpublish(StaffMember actor, long id) {
		WorkingCopy copy = requirePublisher(actor, id);
		newsroom.unpublish(id);
		audit.record(actor.id(), actor.name(), "article.unpublished", subject(copy), null);
	}

	public void delete(StaffMember actor, long id) {
		WorkingCopy copy = get(actor, id);
		boolean ownNeverPublished = isOwner(actor, copy) && !copy.isLive() && copy.publishedAt() == null
				&& copy.status() == ArticleStatus.DRAFT;
		if (!actor.role().includes(Role.EDITOR) && !ownNeverPublished) {
			throw new AccessDeniedException("Only an editor can delete this article.");
		}
		copies.delete(id);
		audit.record(actor.id(), actor.name(), "article.deleted", subject(copy), null);
	}

	public void addNote(StaffMember actor, long id, NoteKind kind, String body) {
		WorkingCopy copy = requirePublisher(actor, id);
		if (!copy.isLive()) {
			throw new WorkflowException(copy.status(), ArticleStatus.PUBLISHED);
		}
		if (body == null || body.isBlank() || body.length() > 2000) {
			throw new IllegalArgumentException("A note needs between 1 and 2,000 characters.");
		}
		newsroom.addNote(id, kind, body.strip(), clock.instant());
		audit.record(actor.id(), actor.name(), kind == NoteKind.CORRECTION ? "article.corrected" : "article.noted",
				subject(copy), body.strip());
	}

	public void curate(StaffMember actor, CuratedList list, List<Long> articleIds) {
		require(actor, Role.EDITOR);
		newsroom.curate(list, articleIds.stream().distinct().toList());
		audit.record(actor.id(), actor.name(), "list.curated", "list:" + list.slug(), articleIds.toString());
	}

	/** Publishes every scheduled article whose time has come; called by the scheduler, on one node at a time. */
	public int publishDue() {
		int published = 0;
		for (long id : copies.dueForPublication(clock.instant())) {
			WorkingCopy copy = copies.find(id).orElse(null);
			if (copy == null || copy.status() != ArticleStatus.SCHEDULED) {
				continue;
			}
			newsroom.publish(id, copy.scheduledAt() != null ? copy.scheduledAt() : clock.instant());
			audit.record(null, "scheduler", "article.published", subject(copy), "scheduled for " + copy.scheduledAt());
			published++;
		}
		return published;
	}

	public boolean canView(StaffMember actor, WorkingCopy copy) {
		return actor.role().includes(Role.EDITOR) || isOwner(actor, copy) || copy.isLive();
	}

	public boolean canEdit(StaffMember actor, WorkingCopy copy) {
		if (actor.role().includes(Role.EDITOR)) {
			return true;
		}
		if (!isOwner(actor, copy)) {
			return false;
		}
		return actor.role().includes(Role.AUTHOR) || copy.status() == ArticleStatus.DRAFT;
	}

	public boolean canPublish(StaffMember actor, WorkingCopy copy) {
		return actor.role().includes(Role.EDITOR) || (actor.role().includes(Role.AUTHOR) && isOwner(actor, copy));
	}

	private WorkingCopy requirePublisher(StaffMember actor, long id) {
		WorkingCopy copy = get(actor, id);
		if (!canPublish(actor, copy)) {
			throw new AccessDeniedException(actor.role() == Role.CONTRIBUTOR
					? "Contributors submit articles for review; an editor publishes them."
					: "Authors publish their own articles; an editor publishes the others.");
		}
		return copy;
	}

	private void requireChecksPass(WorkingCopy copy) {
		List<PublishingCheck> problems = checks.check(copy.draft());
		if (!problems.isEmpty()) {
			throw new PublishingBlockedException(problems);
		}
	}

	private static void require(StaffMember actor, Role role) {
		if (actor == null || !actor.role().includes(role)) {
			throw new AccessDeniedException("This needs the " + role.name().toLowerCase() + " role.");
		}
	}

	private static boolean isOwner(StaffMember actor, WorkingCopy copy) {
		return copy.ownerId() != null && copy.ownerId() == actor.id();
	}

	private static String subject(WorkingCopy copy) {
		return "article:" + copy.id() + " \"" + copy.draft().headline() + "\"";
	}

	private static String subject(long id) {
		return "article:" + id;
	}

}
