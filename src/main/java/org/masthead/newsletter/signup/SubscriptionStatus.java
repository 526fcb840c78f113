package org.masthead.newsletter.signup;

/** A subscription's state; only {@code CONFIRMED} ones are ever sent an issue. */
public enum SubscriptionStatus {
	PENDING, CONFIRMED, UNSUBSCRIBED
}
