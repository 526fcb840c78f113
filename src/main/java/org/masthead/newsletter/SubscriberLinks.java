package org.masthead.newsletter;

/**
 * The links every newsletter email carries for its recipient: signed, expiring, usable without an
 * account or a cookie. Sign-up owns how they are made and checked; sending puts them into messages
 * (body link, {@code List-Unsubscribe} with its RFC 8058 one-click URL and a mailto).
 */
public interface SubscriberLinks {

	/** Absolute https URL of the reader's page to manage newsletters, download or erase their data. */
	String manage(long subscriberId);

	/**
	 * Absolute URL that unsubscribes the reader from one newsletter: a GET shows a confirmation page,
	 * a POST with {@code List-Unsubscribe=One-Click} unsubscribes at once (RFC 8058).
	 */
	String oneClickUnsubscribe(long subscriberId, long newsletterId);

	/** {@code mailto:} URI whose message unsubscribes the reader from the newsletter. */
	String unsubscribeMailto(long subscriberId, long newsletterId);

}
