package org.masthead.newsletter.sending;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The configured messages-per-second limit, shared by this node's workers: each message takes the
 * next free slot, so bursts never exceed the rate. Zero means no limit.
 */
final class SendRate {

	private final long intervalNanos;

	private long next = System.nanoTime();

	SendRate(double perSecond) {
		this.intervalNanos = perSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
	}

	/** Waits for this message's slot. */
	void acquire() {
		if (intervalNanos == 0) {
			return;
		}
		long slot;
		synchronized (this) {
			long now = System.nanoTime();
			slot = Math.max(now, next);
			next = slot + intervalNanos;
		}
		long wait;
		while ((wait = slot - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}

}
