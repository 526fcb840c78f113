package org.masthead.newsletter.sending;

import java.time.Duration;
import java.time.Instant;

/**
 * When this node may take over deliveries whose lease ran out. A lease that runs out normally means
 * its worker died, and the row is due again at once. But a lease that ran out while this node could
 * not reach the database either tells nothing: its worker may be alive and, the moment the database
 * is back, writing the mark of a message the relay took just before the outage (IssueSender's
 * late record). Taking such a row over at once sent that message twice (a clean-clone CI run of
 * bench/pg-restart.sh: the other node claimed the row 0.8 s before its owner wrote the mark).
 * <p>
 * So after this node has seen the database fail, for one lease it takes over only leases that ran out
 * before its trouble began; the rest wait until that lease has passed with the database answering.
 * A node that never saw the database fail (its peer was killed) takes over as soon as leases run out.
 */
final class TakeoverGrace {

	private final Duration grace;

	private Instant troubleSince;

	private Instant lastTrouble;

	TakeoverGrace(Duration grace) {
		this.grace = grace;
	}

	/** The database failed this node at {@code at}: a failure within a grace of the last one continues its streak. */
	synchronized void databaseFailed(Instant at) {
		if (lastTrouble == null || at.isAfter(lastTrouble.plus(grace))) {
			troubleSince = at;
		}
		else if (at.isBefore(troubleSince)) {
			troubleSince = at; // a worker reporting late what it saw first
		}
		if (lastTrouble == null || at.isAfter(lastTrouble)) {
			lastTrouble = at;
		}
	}

	/** Leases that ran out before this instant may be taken over now. */
	synchronized Instant expiredBefore(Instant now) {
		if (lastTrouble != null && now.isBefore(lastTrouble.plus(grace))) {
			return troubleSince.isBefore(now) ? troubleSince : now;
		}
		return now;
	}

}
