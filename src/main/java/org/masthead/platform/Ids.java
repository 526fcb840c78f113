package org.masthead.platform;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Application-generated 63-bit ids, ordered by time, unique across nodes with overwhelming
 * probability: milliseconds since 2024 (41 bits), a random node part (10 bits) and a counter
 * (12 bits). The databases share no auto-increment syntax, so ids never come from them.
 */
public final class Ids {

	private static final long EPOCH = 1704067200000L; // 2024-01-01T00:00:00Z

	private static final long NODE = new SecureRandom().nextInt(1 << 10);

	private static final AtomicLong LAST = new AtomicLong();

	private Ids() {
	}

	/** A new id, strictly greater than every id this process made before. */
	public static long next() {
		while (true) {
			long prev = LAST.get();
			long millis = System.currentTimeMillis() - EPOCH;
			long candidate = (millis << 22) | (NODE << 12);
			long next = candidate > prev ? candidate : prev + 1;
			if (LAST.compareAndSet(prev, next)) {
				return next;
			}
		}
	}

	/** The smallest id made at this instant (milliseconds since 1970), on any node. */
	static long at(long epochMillis) {
		return (epochMillis - EPOCH) << 22;
	}

}
