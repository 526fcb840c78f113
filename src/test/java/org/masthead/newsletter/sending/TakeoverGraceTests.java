package org.masthead.newsletter.sending;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TakeoverGraceTests {

	private static final Instant T = Instant.parse("2026-12-06T14:00:00Z");

	private final TakeoverGrace grace = new TakeoverGrace(Duration.ofSeconds(10));

	@Test
	void aNodeThatNeverLostTheDatabaseTakesOverEveryLeaseThatRanOut() {
		assertThat(grace.expiredBefore(T)).isEqualTo(T);
	}

	@Test
	void afterAnOutageOnlyLeasesThatRanOutBeforeItAreTakenOverUntilALeaseHasPassed() {
		grace.databaseFailed(T);
		grace.databaseFailed(T.plusSeconds(8)); // the same outage, failing every few seconds: one streak
		grace.databaseFailed(T.plusSeconds(16));
		grace.databaseFailed(T.plusSeconds(20));

		// the database is back at T+21: leases that ran out during the outage wait
		assertThat(grace.expiredBefore(T.plusSeconds(21))).isEqualTo(T);
		assertThat(grace.expiredBefore(T.plusSeconds(29))).isEqualTo(T);
		// a lease after the last failure, everything that ran out is due again
		assertThat(grace.expiredBefore(T.plusSeconds(31))).isEqualTo(T.plusSeconds(31));
	}

	@Test
	void aLaterOutageStartsItsOwnStreak() {
		grace.databaseFailed(T);
		grace.databaseFailed(T.plusSeconds(60));

		assertThat(grace.expiredBefore(T.plusSeconds(61))).isEqualTo(T.plusSeconds(60));
	}

	@Test
	void failuresReportedOutOfOrderBySeveralWorkersKeepTheStreak() {
		grace.databaseFailed(T.plusSeconds(5));
		grace.databaseFailed(T.plusSeconds(3));

		assertThat(grace.expiredBefore(T.plusSeconds(6))).isEqualTo(T.plusSeconds(3));
		assertThat(grace.expiredBefore(T.plusSeconds(16))).isEqualTo(T.plusSeconds(16));
	}

}
