package org.masthead.newsletter.issue;

/** An Editor asked for a move the issue's status does not allow (e.g. resume a sent issue). */
public class IssueTransitionException extends RuntimeException {

	private final IssueStatus from;

	private final IssueStatus to;

	public IssueTransitionException(IssueStatus from, IssueStatus to) {
		super("An issue that is " + from.label().toLowerCase() + " cannot become " + to.label().toLowerCase() + ".",
				null, false, false);
		this.from = from;
		this.to = to;
	}

	public IssueStatus from() {
		return from;
	}

	public IssueStatus to() {
		return to;
	}

}
