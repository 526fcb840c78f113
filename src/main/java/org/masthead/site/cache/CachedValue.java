package org.masthead.site.cache;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One value read from the database and kept until it is dropped (or until the time the value
 * itself says it stops being current). A load that overlaps a drop is never served afterwards:
 * each load remembers the generation it started in, and only a value of the current generation
 * counts, so a change committed while a slow read was running cannot be hidden by that read.
 */
final class CachedValue<T> {

	private record Entry<T>(T value, long generation, Instant validUntil) {
	}

	private final Supplier<T> loader;

	private final Function<T, Instant> validUntil;

	private final AtomicLong generation = new AtomicLong();

	private volatile Entry<T> entry;

	/** A value current until dropped. */
	CachedValue(Supplier<T> loader) {
		this(loader, value -> Instant.MAX);
	}

	/** A value current until dropped or until {@code validUntil} of the value, whichever comes first. */
	CachedValue(Supplier<T> loader, Function<T, Instant> validUntil) {
		this.loader = loader;
		this.validUntil = validUntil;
	}

	T get(Instant now) {
		Entry<T> current = entry;
		long gen = generation.get();
		if (current != null && current.generation() == gen && now.isBefore(current.validUntil())) {
			return current.value();
		}
		T value = loader.get();
		if (generation.get() == gen) {
			entry = new Entry<>(value, gen, validUntil.apply(value));
		}
		return value;
	}

	void drop() {
		generation.incrementAndGet();
		entry = null;
	}

}
