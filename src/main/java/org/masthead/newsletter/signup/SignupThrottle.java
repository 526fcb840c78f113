package org.masthead.newsletter.signup;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.masthead.newsletter.NewsletterProperties;
import org.springframework.stereotype.Component;

/**
 * Sign-up forms per client address, as a token bucket per address refilled continuously: a burst
 * of {@code signups-per-address-minute}, then that many a minute. Kept in this node's memory (a
 * bot spreading over nodes meets the per-email limit in the database too); idle buckets are
 * forgotten after ten minutes.
 */
@Component
class SignupThrottle {

	private final double capacity;

	private final double perNano;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	SignupThrottle(NewsletterProperties properties) {
		this.capacity = properties.signupsPerAddressMinute();
		this.perNano = capacity / 60e9;
	}

	/** Takes one sign-up from the address's bucket; false when it is empty. */
	boolean tryTake(String clientAddress) {
		String address = clientAddress == null ? "unknown" : clientAddress;
		long now = System.nanoTime();
		Bucket bucket = buckets.get(address, a -> new Bucket(capacity, now));
		synchronized (bucket) {
			double tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perNano);
			bucket.at = now;
			bucket.tokens = tokens < 1 ? tokens : tokens - 1;
			return tokens >= 1;
		}
	}

	private static final class Bucket {

		double tokens;

		long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

	}

}
