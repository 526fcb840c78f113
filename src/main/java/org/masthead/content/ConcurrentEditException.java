package org.masthead.content;

/** Someone saved the article after the revision the editor started from. */
public class ConcurrentEditException extends RuntimeException {

	private final int currentRevision;

	public ConcurrentEditException(long articleId, int expected, int currentRevision) {
		super("Article " + articleId + " was saved by someone else (revision " + currentRevision
				+ ") after the revision you started from (" + expected + ").");
		this.currentRevision = currentRevision;
	}

	public int currentRevision() {
		return currentRevision;
	}

}
