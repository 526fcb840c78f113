package org.masthead.content;

/** A workflow step the article's status does not allow (e.g. unpublishing a draft). */
public class WorkflowException extends RuntimeException {

	private final ArticleStatus from;

	private final ArticleStatus to;

	public WorkflowException(ArticleStatus from, ArticleStatus to) {
		super("An article that is " + from.name().toLowerCase().replace('_', ' ') + " cannot become "
				+ to.name().toLowerCase().replace('_', ' ') + ".");
		this.from = from;
		this.to = to;
	}

	public ArticleStatus from() {
		return from;
	}

	public ArticleStatus to() {
		return to;
	}

}
