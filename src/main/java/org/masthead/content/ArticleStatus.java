package org.masthead.content;

import java.util.Map;
import java.util.Set;

/** Where an article is in the newsroom's workflow, and where it may go next. */
public enum ArticleStatus {

	DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED;

	private static final Map<ArticleStatus, Set<ArticleStatus>> NEXT = Map.of(
			DRAFT, Set.of(IN_REVIEW, SCHEDULED, PUBLISHED),
			IN_REVIEW, Set.of(DRAFT, SCHEDULED, PUBLISHED),
			SCHEDULED, Set.of(DRAFT, PUBLISHED),
			PUBLISHED, Set.of(PUBLISHED, UNPUBLISHED),
			UNPUBLISHED, Set.of(DRAFT, PUBLISHED));

	/** Whether the workflow allows moving from this status to {@code next}. */
	public boolean canMoveTo(ArticleStatus next) {
		return NEXT.get(this).contains(next);
	}

}
