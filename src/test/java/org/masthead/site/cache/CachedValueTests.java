package org.masthead.site.cache;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachedValueTests {

	private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void readsOnceUntilDropped() {
		AtomicInteger loads = new AtomicInteger();
		CachedValue<Integer> value = new CachedValue<>(loads::incrementAndGet);
		assertThat(value.get(now)).isEqualTo(1);
		assertThat(value.get(now)).isEqualTo(1);
		value.drop();
		assertThat(value.get(now)).isEqualTo(2);
		assertThat(loads).hasValue(2);
	}

	@Test
	void aValueReadWhileItWasDroppedIsNotKept() {
		AtomicInteger loads = new AtomicInteger();
		AtomicReference<CachedValue<Integer>> self = new AtomicReference<>();
		// the first read is overtaken by a change: it returns what it read, but the next read asks again
		CachedValue<Integer> value = new CachedValue<>(() -> {
			int n = loads.incrementAndGet();
			if (n == 1) {
				self.get().drop();
			}
			return n;
		});
		self.set(value);
		assertThat(value.get(now)).isEqualTo(1);
		assertThat(value.get(now)).isEqualTo(2);
		assertThat(value.get(now)).isEqualTo(2);
	}

	@Test
	void aValueThatSaysWhenItEndsIsReadAgainThen() {
		AtomicInteger loads = new AtomicInteger();
		CachedValue<Integer> value = new CachedValue<>(loads::incrementAndGet, n -> now.plusSeconds(60));
		assertThat(value.get(now)).isEqualTo(1);
		assertThat(value.get(now.plusSeconds(59))).isEqualTo(1);
		assertThat(value.get(now.plusSeconds(60))).isEqualTo(2);
	}

}
