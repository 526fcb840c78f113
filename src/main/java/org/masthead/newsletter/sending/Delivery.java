package org.masthead.newsletter.sending;

/**
 * One leased delivery as a worker sends it.
 *
 * @param addressKey the subscriber's address as the suppression list knows it
 * @param subscribed whether the subscription is still confirmed (a reader may unsubscribe mid-send)
 */
record Delivery(long issueId, long subscriberId, String address, String addressKey, String messageId, int attempts,
		boolean subscribed) {
}
