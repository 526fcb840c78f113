package org.masthead.newsletter.issue;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an issue is: {@code DRAFT → SCHEDULED → SENDING ⇄ PAUSED → SENT | CANCELLED}. A draft may
 * also be sent at once; a scheduled issue may go back to draft. The allowed moves live here only.
 */
public enum IssueStatus {

	DRAFT, SCHEDULED, SENDING, PAUSED, SENT, CANCELLED;

	/** Whether an issue may move from this status to {@code next}. */
	public boolean mayBecome(IssueStatus next) {
		return allowedNext().contains(next);
	}

	/** The statuses an issue may move to from this one. */
	public Set<IssueStatus> allowedNext() {
		return switch (this) {
			case DRAFT -> EnumSet.of(SCHEDULED, SENDING, CANCELLED);
			case SCHEDULED -> EnumSet.of(DRAFT, SENDING, CANCELLED);
			case SENDING -> EnumSet.of(PAUSED, SENT, CANCELLED);
			case PAUSED -> EnumSet.of(SENDING, CANCELLED);
			case SENT, CANCELLED -> EnumSet.noneOf(IssueStatus.class);
		};
	}

	/** Whether the subject, preheader and articles may still change. */
	public boolean isEditable() {
		return this == DRAFT || this == SCHEDULED;
	}

	/** The word Editors see. */
	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase();
	}

}
