package org.masthead.platform;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The job queue (db-scheduler's {@code scheduled_tasks}, shared by every node) on
 * {@code /actuator/prometheus}: executions that are due and wait for a node, and executions that
 * a node is running. A due count that keeps growing means the nodes cannot keep up, or none runs jobs.
 * Read from the database at each scrape; when the database cannot be reached the gauges show NaN.
 */
@Component
class JobMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	JobMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("masthead.jobs.due", this, JobMetrics::due)
			.description("Job executions that are due and not yet picked by any node")
			.register(registry);
		Gauge.builder("masthead.jobs.running", this, JobMetrics::running)
			.description("Job executions a node is running")
			.register(registry);
	}

	double due() {
		try {
			return jdbc.sql("select count(*) from scheduled_tasks where picked = :picked and execution_time <= :now")
				.param("picked", false).param("now", Timestamp.from(clock.instant()))
				.query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	double running() {
		try {
			return jdbc.sql("select count(*) from scheduled_tasks where picked = :picked").param("picked", true)
				.query(Long.class).single();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
