package org.masthead.audio.narration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.masthead.audio.Narrations;
import org.springframework.stereotype.Component;

/** The narration backlog on {@code /actuator/prometheus}; NaN while the database cannot be reached. */
@Component
class NarrationMetrics implements MeterBinder {

	private final Narrations narrations;

	NarrationMetrics(Narrations narrations) {
		this.narrations = narrations;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("masthead.narration.backlog", this, NarrationMetrics::backlog)
			.description("Narrations waiting to be made, on all nodes")
			.register(registry);
	}

	double backlog() {
		try {
			return narrations.backlog();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
