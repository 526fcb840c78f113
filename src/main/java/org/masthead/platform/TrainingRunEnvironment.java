package org.masthead.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings of the launcher's training run ({@code -Dmasthead.training-run=true}, see
 * {@link #PROPERTY}), placed above every other source, command-line arguments included, so the
 * newsroom's own arguments pass through unchanged and still cannot make the run do more than read
 * pages: it listens on a free port of the loopback address only (a node of the same site may be
 * serving on the configured port), the management server too when it has a port of its own, runs
 * no job and sends no newsletter ({@code db-scheduler.enabled=false}, as the command-line tools do),
 * and starts no search index rebuild it would then cut off. Without the property nothing changes.
 */
public final class TrainingRunEnvironment implements EnvironmentPostProcessor {

	/** Set (as a system property) by {@code bin/masthead} for its training run only. */
	public static final String PROPERTY = "masthead.training-run";

	static final String SOURCE = "masthead-training-run";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!Boolean.TRUE.equals(environment.getProperty(PROPERTY, Boolean.class, false))) {
			return;
		}
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("server.port", "0");
		settings.put("server.address", "127.0.0.1");
		String managementPort = environment.getProperty("management.server.port");
		if (managementPort != null && !managementPort.isBlank() && !"-1".equals(managementPort.trim())) {
			settings.put("management.server.port", "0");
			settings.put("management.server.address", "127.0.0.1");
		}
		settings.put("db-scheduler.enabled", "false");
		settings.put("masthead.search.rebuild-on-start", "false");
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, settings));
	}

}
