package org.masthead.newsletter.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.platform.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing issues and moving them through their statuses. Every move is a conditional update
 * ({@code where status = :from}), so two Editors (or an Editor and the sender) racing on the same
 * issue never both win; the loser gets an {@link IssueTransitionException}.
 */
@Service
public class Issues {

	private final IssueRepository issues;

	private final IssueRenderer renderer;

	private final ArticleCatalog catalog;

	private final Clock clock;

	Issues(IssueRepository issues, IssueRenderer renderer, ArticleCatalog catalog, Clock clock) {
		this.issues = issues;
		this.renderer = renderer;
		this.catalog = catalog;
		this.clock = clock;
	}

	public Issue issue(long id) {
		return issues.find(id).orElseThrow(() -> new NoSuchElementException("No issue " + id + "."));
	}

	@Transactional
	public Issue compose(NewsletterRef newsletter, IssueDraft draft, String createdBy) {
		check(draft);
		Instant now = clock.instant();
		String base = IssueDraft.slugOf(draft.subject());
		String slug = base;
		for (int n = 2; issues.slugTaken(newsletter.id(), slug); n++) {
			slug = base + "-" + n;
		}
		Instant since = draft.digest() ? issues.lastSentAt(newsletter.id()) : null;
		Issue issue = new Issue(Ids.next(), newsletter.id(), slug, draft.subject(), draft.preheader(), IssueStatus.DRAFT,
				draft.digest(), since, draft.digest() ? List.of() : draft.articleSlugs(), null, null, null, createdBy, now,
				now, null, null);
		issues.insert(issue);
		return issue;
	}

	@Transactional
	public void update(long id, IssueDraft draft) {
		Issue issue = issue(id);
		if (!issue.status().isEditable()) {
			throw new IssueTransitionException(issue.status(), IssueStatus.DRAFT);
		}
		check(draft);
		Instant since = draft.digest() ? (issue.isDigest() ? issue.digestSince() : issues.lastSentAt(issue.newsletterId())) : null;
		issues.updateContent(id, draft.subject(), draft.preheader(), draft.digest(), since,
				draft.digest() ? List.of() : draft.articleSlugs(), clock.instant());
	}

	/** The email as it would go out now. */
	public IssueRenderer.Rendered preview(NewsletterRef newsletter, Issue issue) {
		return renderer.render(newsletter, issue);
	}

	/** Starts sending at once: the rendered email is kept and the sender picks the issue up. */
	public void sendNow(NewsletterRef newsletter, long id) {
		Issue issue = issue(id);
		require(issue, IssueStatus.SENDING);
		IssueRenderer.Rendered rendered = renderer.render(newsletter, issue);
		if (rendered.stories() == 0) {
			throw new InvalidIssueException(Map.of("articles", issue.isDigest()
					? "No articles were published since the last issue, so the digest would be empty."
					: "None of the chosen articles is published any more."));
		}
		if (!issues.start(id, issue.status(), rendered.html(), rendered.text(), clock.instant())) {
			throw new IssueTransitionException(issue(id).status(), IssueStatus.SENDING);
		}
	}

	/** Schedules (or reschedules) the issue; the sender starts it when its time comes. */
	public void schedule(long id, Instant at) {
		Issue issue = issue(id);
		if (issue.status() != IssueStatus.SCHEDULED) {
			require(issue, IssueStatus.SCHEDULED);
		}
		Instant now = clock.instant();
		if (!at.isAfter(now)) {
			throw new InvalidIssueException(Map.of("scheduledAt", "Choose a time in the future."));
		}
		if (!issues.schedule(id, issue.status(), at, now)) {
			throw new IssueTransitionException(issue(id).status(), IssueStatus.SCHEDULED);
		}
	}

	public void unschedule(long id) {
		move(id, IssueStatus.SCHEDULED, IssueStatus.DRAFT);
	}

	public void pause(long id) {
		move(id, IssueStatus.SENDING, IssueStatus.PAUSED);
	}

	/** Sends a paused issue again (a draft is started with {@link #sendNow}, which renders it first). */
	public void resume(long id) {
		move(id, IssueStatus.PAUSED, IssueStatus.SENDING);
	}

	public void cancel(long id) {
		move(id, null, IssueStatus.CANCELLED);
	}

	/** Starts every scheduled issue whose time has come; returns how many started. */
	public int startDue() {
		int started = 0;
		for (long id : issues.dueScheduled(clock.instant())) {
			Issue issue = issue(id);
			NewsletterRef newsletter = issues.newsletter(issue.newsletterId()).orElseThrow();
			IssueRenderer.Rendered rendered = renderer.render(newsletter, issue);
			if (rendered.stories() == 0) {
				issues.move(id, IssueStatus.SCHEDULED, IssueStatus.CANCELLED, clock.instant());
				continue;
			}
			if (issues.start(id, IssueStatus.SCHEDULED, rendered.html(), rendered.text(), clock.instant())) {
				started++;
			}
		}
		return started;
	}

	/** Marks a sending issue as sent (the sender calls this when no delivery is left queued). */
	public boolean finish(long id) {
		return issues.move(id, IssueStatus.SENDING, IssueStatus.SENT, clock.instant());
	}

	private void move(long id, IssueStatus from, IssueStatus to) {
		Issue issue = issue(id);
		if (from != null && issue.status() != from) {
			throw new IssueTransitionException(issue.status(), to);
		}
		require(issue, to);
		if (!issues.move(id, issue.status(), to, clock.instant())) {
			throw new IssueTransitionException(issue(id).status(), to);
		}
	}

	private static void require(Issue issue, IssueStatus to) {
		if (!issue.status().mayBecome(to)) {
			throw new IssueTransitionException(issue.status(), to);
		}
	}

	private void check(IssueDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>(draft.errors());
		if (!errors.containsKey("articles") && !draft.digest()) {
			Set<String> found = catalog.summaries(draft.articleSlugs()).stream().map(ArticleSummary::slug)
				.collect(Collectors.toSet());
			List<String> missing = draft.articleSlugs().stream().filter(s -> !found.contains(s)).toList();
			if (!missing.isEmpty()) {
				errors.put("articles", "No published article at: " + String.join(", ", missing.stream().limit(5).toList())
						+ (missing.size() > 5 ? " and " + (missing.size() - 5) + " more" : "") + ".");
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidIssueException(errors);
		}
	}

}
