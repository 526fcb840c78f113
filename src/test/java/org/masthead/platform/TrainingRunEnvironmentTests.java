package org.masthead.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training run's settings win over the newsroom's own arguments, and nothing changes in a
 * normal start.
 */
class TrainingRunEnvironmentTests {

	@Test
	void aNormalStartKeepsEverySetting() {
		StandardEnvironment environment = environment(Map.of(), "--server.port=8080", "--management.server.port=9464");

		new TrainingRunEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getPropertySources().contains(TrainingRunEnvironment.SOURCE)).isFalse();
		assertThat(environment.getProperty("server.port")).isEqualTo("8080");
		assertThat(environment.getProperty("management.server.port")).isEqualTo("9464");
		assertThat(environment.getProperty("db-scheduler.enabled")).isNull();
	}

	@Test
	void theTrainingRunListensOnAFreeLoopbackPortAndRunsNoJobWhateverTheArgumentsSay() {
		StandardEnvironment environment = environment(Map.of(TrainingRunEnvironment.PROPERTY, "true"),
				"--server.port=8080", "--server.address=0.0.0.0", "--management.server.port=9464",
				"--db-scheduler.enabled=true", "--masthead.search.rebuild-on-start=true", "--masthead.demo=true");

		new TrainingRunEnvironment().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("server.port")).isEqualTo("0");
		assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
		assertThat(environment.getProperty("management.server.port")).isEqualTo("0");
		assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
		assertThat(environment.getProperty("db-scheduler.enabled")).isEqualTo("false");
		assertThat(environment.getProperty("masthead.search.rebuild-on-start")).isEqualTo("false");
		assertThat(environment.getProperty("masthead.demo")).as("the newsroom's own arguments pass").isEqualTo("true");
	}

	@Test
	void aManagementServerThatIsOffOrSharesThePortStaysThatWay() {
		StandardEnvironment off = environment(Map.of(TrainingRunEnvironment.PROPERTY, "true"),
				"--management.server.port=-1");
		StandardEnvironment shared = environment(Map.of(TrainingRunEnvironment.PROPERTY, "true"));

		new TrainingRunEnvironment().postProcessEnvironment(off, new SpringApplication());
		new TrainingRunEnvironment().postProcessEnvironment(shared, new SpringApplication());

		assertThat(off.getProperty("management.server.port")).isEqualTo("-1");
		assertThat(shared.getProperty("management.server.port")).isNull();
	}

	private static StandardEnvironment environment(Map<String, Object> systemProperties, String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("system", systemProperties));
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		return environment;
	}

}
