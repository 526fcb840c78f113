package org.masthead.newsletter.issue;

import java.util.List;

import org.masthead.newsletter.IssueArchive;
import org.springframework.stereotype.Component;

/** The web archive from the issue rows: sent issues only, newest first. */
@Component
class JdbcIssueArchive implements IssueArchive {

	private final IssueRepository issues;

	JdbcIssueArchive(IssueRepository issues) {
		this.issues = issues;
	}

	@Override
	public List<ArchivedIssue> sent(long newsletterId, int offset, int limit) {
		String slug = issues.newsletter(newsletterId).map(NewsletterRef::slug).orElse(null);
		if (slug == null || limit <= 0) {
			return List.of();
		}
		return issues.sent(newsletterId, Math.max(0, offset), Math.min(limit, 500)).stream()
			.map(issue -> new ArchivedIssue(issue.id(), issue.subject(), issue.preheader(), issue.sentAt(),
					IssuePaths.archive(slug, issue.slug())))
			.toList();
	}

}
