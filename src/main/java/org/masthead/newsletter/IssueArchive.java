package org.masthead.newsletter;

import java.time.Instant;
import java.util.List;

/**
 * The web archive of a newsletter's sent issues. Sending owns issues; the public newsletter page
 * lists what this returns and links to each issue's archive page.
 */
public interface IssueArchive {

	/** Sent issues of the newsletter, newest first. */
	List<ArchivedIssue> sent(long newsletterId, int offset, int limit);

	/** One sent issue as a reader sees it on the web: its path, subject and when it went out. */
	record ArchivedIssue(long id, String subject, String preheader, Instant sentAt, String path) {
	}

}
