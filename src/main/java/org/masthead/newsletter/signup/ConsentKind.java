package org.masthead.newsletter.signup;

/** What a consent record records. */
enum ConsentKind {
	SIGNED_UP, CONFIRMED, UNSUBSCRIBED
}
