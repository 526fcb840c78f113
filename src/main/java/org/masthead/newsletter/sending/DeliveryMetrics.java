package org.masthead.newsletter.sending;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Newsletter deliveries on {@code /actuator/prometheus}, counted in {@code newsletter_delivery} so
 * every node reports the whole cluster's sending: messages sent so far (deliveries per second is
 * {@code rate(masthead_newsletter_deliveries_sent_total[1m])}), deliveries waiting in the queue.
 * Read at each scrape; NaN while the database cannot be reached.
 */
@Component
class DeliveryMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	DeliveryMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("masthead.newsletter.deliveries.sent", this, m -> m.count("SENT"))
			.description("Newsletter messages the relay accepted, all nodes and issues")
			.register(registry);
		Gauge.builder("masthead.newsletter.deliveries.queued", this, m -> m.count("QUEUED"))
			.description("Newsletter deliveries waiting to be sent")
			.register(registry);
	}

	double count(String status) {
		try {
			return jdbc.sql("select count(*) from newsletter_delivery where status = :status").param("status", status)
				.query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
