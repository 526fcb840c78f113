package org.masthead.newsletter.issue;

/** Where one issue's delivery to one subscriber is: {@code QUEUED → SENT | FAILED | SUPPRESSED}. */
public enum DeliveryStatus {

	QUEUED, SENT, FAILED, SUPPRESSED

}
